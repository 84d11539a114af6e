using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Renderer.Tests.Support;

namespace Renderer.IntegrationTests.Integrations;

/// <summary>
/// action.yml, run step by step as a GitHub runner runs a composite action: each step's <c>run:</c> script with
/// <c>bash --noprofile --norc -eo pipefail</c>, the env it declares (inputs substituted), GITHUB_PATH,
/// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and <c>if: always()</c>, on the ELK example.
/// </summary>
[Collection(PackCollection.Name)]
public sealed partial class GitHubActionTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("fedrender-action-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [GeneratedRegex(@"^\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}$")]
    private static partial Regex InputExpression();

    private sealed record Step(string Name, int? Exit, string Output);

    private sealed record Run(IReadOnlyList<Step> Steps, string Summary, string RunnerTemp)
    {
        public Step this[string name] => Steps.Single(s => s.Name == name);
    }

    /// <summary>Runs action.yml's steps in <paramref name="workspace"/> with these inputs.</summary>
    private Run RunAction(string workspace, IReadOnlyDictionary<string, string> with, string name)
    {
        var action = Assert.Single(Yaml.File(Path.Combine(RepositoryPaths.Root, "action.yml")));
        Assert.Equal("composite", (string?)action["runs"]?["using"]);
        var inputs = (action["inputs"]?.AsObject() ?? []).ToDictionary(p => p.Key, p => with.GetValueOrDefault(p.Key) ?? (string?)p.Value?["default"] ?? string.Empty, StringComparer.Ordinal);
        Assert.All(with.Keys, key => Assert.Contains(key, inputs.Keys));

        var runner = Path.Combine(temp, name);
        Directory.CreateDirectory(runner);
        var summary = Path.Combine(runner, "summary.md");
        var pathFile = Path.Combine(runner, "path");
        File.WriteAllText(summary, string.Empty);
        File.WriteAllText(pathFile, string.Empty);
        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        var steps = new List<Step>();
        var failed = false;
        var index = 0;
        foreach (var step in action["runs"]?["steps"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            var title = (string?)step["name"] ?? $"step {index}";
            var condition = (string?)step["if"];
            Assert.True(condition is null or "always()", $"{title}: the test runner knows no condition but always()");
            if (failed && condition is null)
            {
                steps.Add(new Step(title, null, "skipped"));
                continue;
            }

            Assert.Equal("bash", (string?)step["shell"]);
            var script = (string?)step["run"] ?? string.Empty;
            Assert.DoesNotContain("${{", script, StringComparison.Ordinal);
            var scriptFile = Path.Combine(runner, $"step{index++}.sh");
            File.WriteAllText(scriptFile, script);
            var output = Path.Combine(runner, $"output{index}");
            File.WriteAllText(output, string.Empty);
            var environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["PATH"] = path,
                ["GITHUB_ACTION_PATH"] = RepositoryPaths.Root,
                ["GITHUB_WORKSPACE"] = workspace,
                ["RUNNER_TEMP"] = runner,
                ["GITHUB_STEP_SUMMARY"] = summary,
                ["GITHUB_PATH"] = pathFile,
                ["GITHUB_OUTPUT"] = output,
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
            };
            foreach (var (key, value) in step["env"]?.AsObject() ?? [])
            {
                var match = InputExpression().Match((string?)value ?? string.Empty);
                Assert.True(match.Success, $"{title}: env {key} is not a plain ${{{{ inputs.NAME }}}}");
                environment[key] = inputs[match.Groups[1].Value];
            }

            var result = ExternalProcess.Run("bash", ["--noprofile", "--norc", "-eo", "pipefail", scriptFile], workspace, environment);
            steps.Add(new Step(title, result.Exit, result.Out + result.Error));
            failed |= result.Exit != 0;
            // Later steps see what this one added to GITHUB_PATH, as on a runner.
            path = string.Join(':', File.ReadAllLines(pathFile).Reverse().Append(Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin"));
            if ((string?)step["id"] == "render") Assert.Equal($"directory={Path.Combine(runner, "fedrender-rendered")}\n", File.ReadAllText(output));
        }

        return new Run(steps, File.ReadAllText(summary), runner);
    }

    private static string Workspace(string root)
    {
        var federation = Path.Combine(root, "federation");
        Directory.CreateDirectory(federation);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "examples", "elk"), "*.yaml")) File.Copy(file, Path.Combine(federation, Path.GetFileName(file)));
        var rendered = DiskCli.Run(root, "render", "federation", "--output", "rendered");
        Assert.True(rendered.Exit == 0, rendered.Error);
        return root;
    }

    [Fact]
    public void ActionPassesOnCurrentOutputAndPostsTheDiffWhenItIsStale()
    {
        var workspace = Workspace(Path.Combine(temp, "workspace"));

        // Up to date: every step passes, render's directory is the same tree, the summary says nothing changes.
        var current = RunAction(workspace, new Dictionary<string, string>(), "current");
        Assert.All(current.Steps, s => Assert.True(s.Exit == 0, $"{s.Name}: {s.Output}"));
        Assert.DoesNotContain("::error", current["Validate"].Output, StringComparison.Ordinal);
        Assert.StartsWith("### fedrender: no changes\n", current.Summary, StringComparison.Ordinal);
        var rendered = Path.Combine(current.RunnerTemp, "fedrender-rendered");
        Assert.Equal(
            Directory.GetFiles(Path.Combine(workspace, "rendered"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(workspace, "rendered"), f)).Order(StringComparer.Ordinal),
            Directory.GetFiles(rendered, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(rendered, f)).Order(StringComparer.Ordinal));

        // Stale: check fails the job, and the summary still shows the diff of the edited file.
        File.AppendAllText(Path.Combine(workspace, "rendered", "cluster1", "elastic", "deployment-kibana.yaml"), "# edited by hand\n");
        var packages = new Dictionary<string, string> { ["package-source"] = Path.Combine(current.RunnerTemp, "fedrender-packages") };
        var stale = RunAction(workspace, packages, "stale");
        Assert.Equal([0, 0, 0, 1, 0], stale.Steps.Select(s => s.Exit ?? -1));
        Assert.Contains("~ cluster1/elastic/deployment-kibana.yaml", stale["Check the committed output"].Output, StringComparison.Ordinal);
        Assert.Contains("<code>cluster1/elastic/deployment-kibana.yaml</code> (changed)", stale.Summary, StringComparison.Ordinal);
        Assert.Contains("-# edited by hand", stale.Summary, StringComparison.Ordinal);

        // A mistake in the documents: validate annotates it, render and check are skipped, the summary step still runs.
        File.AppendAllText(Path.Combine(workspace, "federation", "kibana.yaml"), "---\napiVersion: types.kubefed.io/v1beta1\nkind: FederatedConfigMap\nmetadata: {name: broken, namespace: elastic}\nspec:\n  placement: {clusters: [{name: cluster1}]}\n  overrides:\n  - clusterName: cluster1\n    clusterOverrides: [{op: replace, path: /data/missing, value: x}]\n");
        var broken = RunAction(workspace, packages, "broken");
        Assert.Equal(1, broken["Validate"].Exit);
        Assert.Matches(@"::error file=federation/kibana\.yaml,line=\d+", broken["Validate"].Output);
        Assert.Null(broken["Render"].Exit);
        Assert.Null(broken["Check the committed output"].Exit);
        Assert.Equal(0, broken["Post the diff as the job summary"].Exit);
    }
}
