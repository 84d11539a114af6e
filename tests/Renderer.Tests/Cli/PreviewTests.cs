using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Renderer.Cli;
using Renderer.Cli.FileSystem;
using Renderer.Core;
using Renderer.Core.Input;
using Renderer.Core.Output;
using Renderer.Tests.Golden;
using Renderer.Tests.Support;

namespace Renderer.Tests.Cli;

/// <summary>
/// fedrender preview on the ELK example: the page is the recorded one (tests/cli-golden/preview-elk.html), its
/// matrix is what render writes, it needs no network, and Secret values never reach it.
/// </summary>
public sealed partial class PreviewTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("fedrender-preview-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void ElkPreviewIsAsRecorded()
    {
        var actual = File.ReadAllText(ElkExample.WritePreview(temp));
        var expectedPath = Path.Combine(RepositoryPaths.Root, "tests", "cli-golden", "preview-elk.html");
        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : null;
        if (expected == actual) return;
        var (update, refusal) = GoldenUpdater.Mode(Environment.GetEnvironmentVariable);
        if (update)
        {
            File.WriteAllText(expectedPath, actual);
            return;
        }

        var differences = GoldenComparison.Compare(new Dictionary<string, string>(StringComparer.Ordinal) { ["preview-elk.html"] = actual }, Path.Combine(RepositoryPaths.Root, "tests", "cli-golden"))
            .Where(d => d.Path == "preview-elk.html").ToList();
        Assert.Fail(GoldenComparison.Report("cli/preview-elk.html", differences) + (refusal ?? string.Empty));
    }

    [Fact]
    public void MatrixIsWhatRenderWrites()
    {
        var html = File.ReadAllText(ElkExample.WritePreview(temp));
        var columns = HeaderCell().Matches(html).ToDictionary(m => m.Groups["c"].Value, m => m.Groups["name"].Value, StringComparer.Ordinal);
        Assert.Equal(4, columns.Count);

        var shown = new SortedSet<string>(StringComparer.Ordinal);
        var replicasShown = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (Match row in ResourceRow().Matches(html))
        {
            var (ns, kind, name) = (row.Groups["ns"].Value, row.Groups["kind"].Value, row.Groups["name"].Value);
            foreach (Match cell in Cell().Matches(row.Groups["cells"].Value))
            {
                if (cell.Groups["state"].Value == "absent") continue;
                var key = $"{columns[cell.Groups["c"].Value]} {kind}/{ns}/{name}";
                shown.Add(key);
                if (int.TryParse(cell.Groups["text"].Value, out _)) replicasShown[key] = cell.Groups["text"].Value;
            }
        }

        var rendered = new SortedSet<string>(StringComparer.Ordinal);
        var replicasRendered = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, content) in ElkExample.RenderedObjects())
        {
            rendered.Add(key);
            var (documents, _) = YamlLoader.Load(new SourceFile(key, System.Text.Encoding.UTF8.GetBytes(content)));
            if (documents.Single().Root?["spec"]?["replicas"] is JsonValue replicas) replicasRendered[key] = replicas.ToJsonString();
        }

        Assert.Equal(rendered, shown);
        Assert.Equal(replicasRendered, replicasShown);
    }

    [Fact]
    public void PageIsSelfContainedAndHoldsNoPlaintextCredential()
    {
        var html = File.ReadAllText(ElkExample.WritePreview(temp));
        Assert.DoesNotMatch(ExternalReference(), html);
        // The example's credentials are sealed; the plain Secret they were sealed from (test data) is nowhere in the page.
        var plain = Path.Combine(RepositoryPaths.Root, "tests", "keys", "elastic-credentials.yaml");
        var (documents, _) = YamlLoader.Load(new SourceFile("elastic-credentials.yaml", File.ReadAllBytes(plain)));
        var password = (string?)documents.Single().Root?["stringData"]?["password"];
        Assert.False(string.IsNullOrEmpty(password));
        Assert.DoesNotContain(password, html, StringComparison.Ordinal);
        Assert.Contains("SealedSecret", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WarningsAreListedAndLinkedToTheirCell()
    {
        // The harness federation with west's override setting the value the template already has.
        var cli = new CliHarness();
        cli.FileSystem.Add("/work/app.yaml", CliHarness.Federation.Replace("value: failover", "value: normal", StringComparison.Ordinal));
        var (exit, _, stderr) = cli.Run("preview", "app.yaml", "--output", "page.html");
        Assert.Equal(0, exit);
        Assert.Contains("warning FR4014", stderr, StringComparison.Ordinal);
        var html = cli.FileSystem.Text("/work/page.html");
        var line = CliHarness.Federation.Split('\n').ToList().FindIndex(l => l.Contains("path: /data/mode", StringComparison.Ordinal)) + 1;
        var west = HeaderCell().Matches(html).Single(m => m.Groups["name"].Value == "west").Groups["c"].Value;
        Assert.Matches($"""<li><span class="sev-warning">warning FR4014</span> app.yaml\({line},\d+\): [^<]*<a href="#r--configmap-app-settings" data-row="r--configmap-app-settings" data-cluster="{west}">show</a></li>""", html);
        Assert.Matches("""<tr id="r--configmap-app-settings" data-r="\d+" class="resource diagnosed""", html);
    }

    [Fact]
    public void AnUnwritablePageIsAnErrorAndLeavesNothingBehind()
    {
        var missing = Path.Combine(temp, "missing", "page.html");
        var stderr = new StringWriter();
        var context = new CliContext(new StringWriter(), stderr, () => Stream.Null, RepositoryPaths.Root, new PhysicalFileSystem());
        Assert.Equal(1, CliApp.Run([.. ElkExample.PreviewArgs, missing], context));
        Assert.Matches("error FR9[0-9]{3}: .*missing/page.html", stderr.ToString());
        Assert.Empty(Directory.GetFileSystemEntries(temp));
    }

    [Fact]
    public void InvalidInputWritesNoPage()
    {
        var input = Path.Combine(temp, "bad.yaml");
        File.WriteAllText(input, "apiVersion: types.kubefed.io/v1beta1\nkind: FederatedConfigMap\nmetadata: {name: x, namespace: app}\nspec: {placement: {clusters: [{name: c}]}, overrides: [{clusterName: c, clusterOverrides: [{path: nope}]}]}\n");
        var stderr = new StringWriter();
        var context = new CliContext(new StringWriter(), stderr, () => Stream.Null, temp, new PhysicalFileSystem());
        var exit = CliApp.Run(["preview", "bad.yaml", "--output", "page.html"], context);
        Assert.Equal(1, exit);
        Assert.Contains("bad.yaml(4,", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp, "page.html")));
    }

    [GeneratedRegex("""<th data-c="(?<c>\d+)"[^>]*>(?<name>[^<]+)</th>""")]
    private static partial Regex HeaderCell();

    [GeneratedRegex("""<tr id="[^"]+" data-r="\d+" class="resource[^"]*" data-ns="(?<ns>[^"]*)" data-kind="(?<kind>[^"]+)" data-name="(?<name>[^"]+)">(?<cells>.*?)</tr>""")]
    private static partial Regex ResourceRow();

    [GeneratedRegex("""<td class="cell (?<state>\w+)" data-c="(?<c>\d+)"[^>]*>(?<text>[^<]*)""")]
    private static partial Regex Cell();

    [GeneratedRegex("""(src|href)\s*=\s*"(https?:)?//|@import|url\(\s*['"]?https?:""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
