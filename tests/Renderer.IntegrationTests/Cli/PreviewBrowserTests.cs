using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using Renderer.Tests.Support;

namespace Renderer.IntegrationTests.Cli;

/// <summary>
/// The ELK preview in real headless Chromium, opened from a file path with every network request refused:
/// clicking a cell shows that cluster's YAML, overrides and diff; a screenshot is kept as a test artifact.
/// </summary>
public sealed class PreviewBrowserTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("fedrender-browser-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [ToolFact(Tool.Chromium)]
    public void ClickingACellShowsThatClustersYaml()
    {
        var page = ElkExample.WritePreview(temp);
        var driverPath = ExternalTool.Chromium.PathOf("chromedriver");
        var options = new ChromeOptions { BinaryLocation = ExternalTool.Chromium.PathOf("chromium") };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1600,1000",
            "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
            "--user-data-dir=" + Path.Combine(temp, "profile"));
        using var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driverPath) ?? "/", Path.GetFileName(driverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        using var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Navigate().GoToUrl(new Uri(page).AbsoluteUri);

        Assert.StartsWith("fedrender preview: 28 resources on 4 clusters", driver.Title, StringComparison.Ordinal);
        var columns = driver.FindElements(By.CssSelector("thead tr.names th[data-c]")).ToDictionary(e => e.Text, e => e.GetAttribute("data-c"), StringComparer.Ordinal);

        // The coordinator on cluster2 has overrides: the panel shows its YAML, the overrides at their lines and the diff.
        var cell = driver.FindElement(By.CssSelector($"#r-apps-deployment-elastic-elasticsearch-coordinator td[data-c=\"{columns["cluster2"]}\"]"));
        cell.Click();
        Assert.Contains("selected", cell.GetAttribute("class"), StringComparison.Ordinal);
        Assert.Equal("Deployment/elastic/elasticsearch-coordinator on cluster2", driver.FindElement(By.Id("detail-title")).Text);
        var yaml = driver.FindElement(By.Id("detail-yaml")).Text;
        Assert.Contains("kind: Deployment", yaml, StringComparison.Ordinal);
        Assert.Contains("name: elasticsearch-coordinator", yaml, StringComparison.Ordinal);
        var overrides = driver.FindElements(By.CssSelector("#detail-overrides li")).Select(e => e.Text).ToList();
        Assert.NotEmpty(overrides);
        Assert.All(overrides, o => Assert.Contains("examples/elk/elasticsearch-coordinator.yaml", o, StringComparison.Ordinal));
        Assert.Contains("@@", driver.FindElement(By.Id("detail-diff")).Text, StringComparison.Ordinal);

        // A cell where the resource is not placed says why.
        var absent = driver.FindElement(By.CssSelector($"#r-apps-statefulset-elastic-elasticsearch-master td[data-c=\"{columns["cluster3"]}\"]"));
        Assert.Contains("absent", absent.GetAttribute("class"), StringComparison.Ordinal);
        absent.Click();
        Assert.StartsWith("Not rendered:", driver.FindElement(By.Id("detail-reason")).Text, StringComparison.Ordinal);

        // The namespace filter hides the other namespaces' rows.
        driver.FindElement(By.XPath("//select[@id='filter-namespace']/option[text()='monitoring']")).Click();
        Assert.False(driver.FindElement(By.Id("r-apps-statefulset-elastic-elasticsearch-master")).Displayed);
        Assert.True(driver.FindElement(By.Id("r-apps-deployment-monitoring-prometheus-operator")).Displayed);
        driver.FindElement(By.XPath("//select[@id='filter-namespace']/option[text()='all']")).Click();

        // The cluster label filter hides the other clusters' columns and their group headings.
        driver.FindElement(By.XPath("//select[@id='filter-label']/option[text()='region=apac']")).Click();
        Assert.True(driver.FindElement(By.CssSelector($"thead tr.names th[data-c=\"{columns["cluster3"]}\"]")).Displayed);
        Assert.False(driver.FindElement(By.CssSelector($"thead tr.names th[data-c=\"{columns["cluster1"]}\"]")).Displayed);
        Assert.Equal(["apac"], driver.FindElements(By.CssSelector("thead tr.groups th[data-columns]")).Where(e => e.Displayed).Select(e => e.Text).ToList());
        driver.FindElement(By.XPath("//select[@id='filter-label']/option[text()='all']")).Click();
        Assert.Equal(4, driver.FindElements(By.CssSelector("thead tr.names th[data-c]")).Count(e => e.Displayed));

        // Every placed cell's panel shows exactly the file render writes for that cluster (Secret values hidden).
        var shown = (IReadOnlyCollection<object>)((IJavaScriptExecutor)driver).ExecuteScript("""
            return Array.from(document.querySelectorAll("td.placed, td.differs")).map(function (td) {
              td.click();
              var tr = td.parentNode, column = document.querySelector('thead tr.names th[data-c="' + td.getAttribute("data-c") + '"]');
              return [column.textContent, tr.getAttribute("data-kind"), tr.getAttribute("data-ns"), tr.getAttribute("data-name"), document.getElementById("detail-yaml").textContent];
            });
            """)!;
        var expected = ElkExample.RenderedObjects();
        Assert.Equal(expected.Count, shown.Count);
        foreach (var item in shown.Cast<IReadOnlyCollection<object>>().Select(i => i.Cast<string>().ToArray()))
        {
            var key = $"{item[0]} {item[1]}/{item[2]}/{item[3]}";
            Assert.True(expected.TryGetValue(key, out var file), "the page shows an object render does not write: " + key);
            Assert.True(file == item[4], $"{key}: the page shows\n{item[4]}\nbut render writes\n{file}");
        }

        cell.Click();
        var artifacts = Path.Combine(RepositoryPaths.Root, "artifacts", "test-results");
        Directory.CreateDirectory(artifacts);
        driver.GetScreenshot().SaveAsFile(Path.Combine(artifacts, "preview-elk.png"));
        var errors = driver.Manage().Logs.AvailableLogTypes.Contains("browser")
            ? driver.Manage().Logs.GetLog("browser").Where(l => l.Level >= LogLevel.Warning).Select(l => l.Message).ToList()
            : [];
        Assert.Empty(errors);
    }
}
