// The build: dotnet tool restore && dotnet cake --target=Test
using System.Xml.Linq;

var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var solution = "./Renderer.sln";
var artifacts = Directory("./artifacts");
var testResults = artifacts + Directory("test-results");

Task("Clean")
    .Does(() =>
{
    CleanDirectory(artifacts);
    DotNetClean(solution, new DotNetCleanSettings { Configuration = configuration });
});

Task("Restore")
    .Does(() => DotNetRestore(solution));

Task("Build")
    .IsDependentOn("Restore")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration, NoRestore = true });
});

// The programs the integration tests run, beyond the .NET SDK: each with the Debian packages that provide
// it (empty when Debian has none) and the command that installs it. The tests name the same commands when
// they skip (tests/Support/ExternalTool.cs).
var testTools = new[]
{
    (Name: "git", Programs: new[] { "git" }, Packages: new[] { "git" }, Install: "apt-get install git"),
    (Name: "node", Programs: new[] { "node", "npm" }, Packages: new[] { "nodejs", "npm" }, Install: "apt-get install nodejs npm"),
    (Name: "pre-commit", Programs: new[] { "pre-commit" }, Packages: new[] { "pre-commit" }, Install: "apt-get install pre-commit"),
    (Name: "Chromium", Programs: new[] { "chromium", "chromedriver" }, Packages: new[] { "chromium", "chromium-driver" }, Install: "apt-get install chromium chromium-driver"),
    (Name: "python3 cryptography", Programs: new[] { "python3" }, Packages: new[] { "python3", "python3-cryptography" }, Install: "apt-get install python3 python3-cryptography"),
    (Name: "kubectl", Programs: new[] { "kubectl" }, Packages: new string[0], Install: "apt-get install kubectl (from the Kubernetes apt repository, see https://kubernetes.io/docs/tasks/tools/install-kubectl-linux/)"),
};

string FindOnPath(string program) =>
    (EnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(d => System.IO.Path.Combine(d, program))
        .FirstOrDefault(System.IO.File.Exists);

string[] MissingPrograms((string Name, string[] Programs, string[] Packages, string Install) tool) =>
    tool.Programs.Where(p => FindOnPath(p) == null).ToArray();

Task("TestTools")
    .Description("Installs what the integration tests run (pre-commit, Chromium) with apt-get when running as root, unless --install-tools=false; names each tool still missing and the command that installs it.")
    .Does(() =>
{
    var missing = testTools.Where(t => MissingPrograms(t).Length > 0).ToList();
    var installable = missing.SelectMany(t => t.Packages).ToArray();
    if (installable.Length > 0 && Argument("install-tools", true) && System.Environment.IsPrivilegedProcess && FindOnPath("apt-get") != null)
    {
        Information($"Installing {string.Join(" ", installable)} with apt-get for the integration tests (running as root)");
        var settings = new ProcessSettings
        {
            Arguments = "-c \"apt-get update -qq && apt-get install -y -qq --no-install-recommends " + string.Join(" ", installable) + "\"",
            EnvironmentVariables = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" },
            RedirectStandardOutput = true,
        };
        if (StartProcess("/bin/sh", settings) != 0) Warning("apt-get could not install " + string.Join(" ", installable));
        missing = testTools.Where(t => MissingPrograms(t).Length > 0).ToList();
    }

    var ci = string.Equals(EnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
    foreach (var tool in missing)
    {
        var consequence = ci ? "its tests fail (CI=true)" : "its tests are skipped";
        Warning($"{string.Join(", ", MissingPrograms(tool))} not found on PATH, {consequence}; install it with: {tool.Install}");
    }
});

Task("SchemaCheck")
    .IsDependentOn("TestTools")
    .Description("Installs ajv (tests/schema-check, pinned by its package-lock.json), the independent validator of the editor-schema tests.")
    .Does(() =>
{
    var npm = Context.Tools.Resolve("npm");
    if (npm == null)
    {
        // The tests say why they skip; under CI=true they fail instead.
        Warning("npm is not installed: the editor-schema tests cannot run ajv (install nodejs and npm).");
        return;
    }

    if (StartProcess(npm, new ProcessSettings { Arguments = "ci --prefix tests/schema-check --no-audit --no-fund" }) != 0)
    {
        throw new Exception("npm ci in tests/schema-check failed");
    }
});

Task("Test")
    .IsDependentOn("Build")
    .IsDependentOn("TestTools")
    .IsDependentOn("SchemaCheck")
    .Does(() =>
{
    CleanDirectory(testResults);
    var failures = new List<string>();
    foreach (var project in new[] { "Renderer.Tests", "Renderer.IntegrationTests" })
    {
        try
        {
            DotNetTest($"./tests/{project}/{project}.csproj", new DotNetTestSettings
            {
                Configuration = configuration,
                NoBuild = true,
                NoRestore = true,
                ResultsDirectory = testResults,
                Loggers = new[] { $"trx;LogFileName={project}.trx", "console;verbosity=normal" },
            });
        }
        catch (Exception e)
        {
            failures.Add($"{project}: {e.Message}");
        }
    }

    long passed = 0, failed = 0, skipped = 0, total = 0;
    var skips = new List<string>();
    foreach (var file in GetFiles(testResults.Path.FullPath + "/**/*.trx"))
    {
        var trx = XDocument.Load(file.FullPath);
        var counters = trx.Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters");
        if (counters == null) continue;
        passed += long.Parse(counters.Attribute("passed")?.Value ?? "0");
        failed += long.Parse(counters.Attribute("failed")?.Value ?? "0");
        var count = long.Parse(counters.Attribute("total")?.Value ?? "0");
        total += count;
        skipped += count - long.Parse(counters.Attribute("executed")?.Value ?? "0"); // a skipped test is counted but not executed
        foreach (var result in trx.Descendants().Where(e => e.Name.LocalName == "UnitTestResult" && (string)e.Attribute("outcome") == "NotExecuted"))
        {
            var reason = result.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value.Trim();
            skips.Add($"skipped {(string)result.Attribute("testName")}: {reason}");
        }
    }

    foreach (var skip in skips.OrderBy(s => s, StringComparer.Ordinal)) Information(skip);

    // The closing line CI reads: plain text, also kept in a file for .ci/run to repeat last.
    var summary = $"{passed} passed, {failed} failed" + (skipped > 0 ? $", {skipped} skipped" : string.Empty);
    System.IO.File.WriteAllText(testResults.Path.CombineWithFilePath("summary.txt").FullPath, summary + "\n");
    Console.WriteLine(summary);
    if (failures.Count > 0) throw new Exception(string.Join("; ", failures));
    if (failed > 0) throw new Exception($"{failed} test(s) failed");
    if (total == 0) throw new Exception("no tests ran");
});

Task("Bench")
    .Description("The fleet benchmark on the published build (render, validate, re-renders, peak memory, side by side with kubectl kustomize to stdout and -o DIR, and the write floor at ~9k, 30k and 100k objects), then the BenchmarkDotNet stage benchmarks. Put TMPDIR on a tmpfs to take the disk out.")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = "Release" });
    var published = artifacts + Directory("bench-cli");
    DotNetPublish("./src/Renderer.Cli/Renderer.Cli.csproj", new DotNetPublishSettings
    {
        Configuration = "Release",
        Runtime = "linux-x64",
        SelfContained = false,
        OutputDirectory = published,
    });
    var bench = "bench/Renderer.Benchmarks/bin/Release/net10.0/Renderer.Benchmarks.dll";
    var sizes = Argument("sizes", "100x30 334x30 1111x30");
    var runs = Argument("runs", 5);
    var kustomizeDir = Argument("kustomize-dir", true) ? string.Empty : " --no-kustomize-dir";
    if (StartProcess("dotnet", new ProcessSettings { Arguments = $"{bench} fleet {published}/fedrender --runs {runs}{kustomizeDir} {sizes}" }) != 0)
    {
        throw new Exception("the fleet benchmark failed");
    }

    if (Argument("micro", true) && StartProcess("dotnet", new ProcessSettings { Arguments = $"{bench} --filter * --job short --artifacts artifacts/benchmarks" }) != 0)
    {
        throw new Exception("the stage benchmarks failed");
    }
});

Task("Fuzz")
    .Description("Fuzzes the loader-to-renderer path and the patch engine for --seconds (default 300); crashes land in fuzz/regressions.")
    .Does(() =>
{
    var seconds = Argument("seconds", 300);
    var seed = Argument("seed", 1);
    DotNetBuild("./fuzz/Renderer.Fuzz/Renderer.Fuzz.csproj", new DotNetBuildSettings { Configuration = "Release" });
    var exit = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = $"fuzz/Renderer.Fuzz/bin/Release/net10.0/Renderer.Fuzz.dll {seconds} {seed}",
    });
    if (exit != 0) throw new Exception("the fuzzer found crashes; each is saved in fuzz/regressions and replayed by FuzzRegressionTests");
});

Task("Pack")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetPack("./src/Renderer.Cli/Renderer.Cli.csproj", new DotNetPackSettings
    {
        Configuration = configuration,
        NoRestore = true,
        NoBuild = true,
        OutputDirectory = artifacts + Directory("packages"),
    });
});

RunTarget(target);
