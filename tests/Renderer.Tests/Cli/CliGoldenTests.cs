using System.Text;
using Renderer.Tests.Golden;
using Renderer.Tests.Support;

namespace Renderer.Tests.Cli;

/// <summary>
/// The commands' exact output on the ELK example, run in-process over an in-memory copy of the repository's
/// examples, compared with tests/cli-golden/&lt;case&gt;.txt (exit code, stdout, stderr). The README quotes these.
/// </summary>
public sealed class CliGoldenTests
{
    private static readonly Dictionary<string, (Action<CliHarness> Setup, string[] Args)> Cases = new(StringComparer.Ordinal)
    {
        ["render"] = (_ => { }, ["render", "examples/elk", "--output", "out"]),
        ["render-again"] = (cli => cli.Run("render", "examples/elk", "--output", "out"), ["render", "examples/elk", "--output", "out"]),
        ["render-stdout-cluster3"] = (_ => { }, ["render", "examples/elk", "--cluster", "cluster3", "--stdout"]),
        ["render-shard-1-of-2"] = (_ => { }, ["render", "examples/elk", "--output", "out", "--shard", "1/2"]),
        ["check-stale"] = (Stale, ["check", "examples/elk", "--output", "out"]),
        ["diff-markdown"] = (Stale, ["diff", "examples/elk", "--output", "out", "--format", "markdown"]),
        ["validate-guide-as-written"] = (_ => { }, ["validate", "tests/golden/elk-guide-as-written/input"]),
        ["validate-guide-github"] = (_ => { }, ["validate", "tests/golden/elk-guide-as-written/input/03-federatedstatefulset-elasticsearch-master.yaml", "tests/golden/elk-guide-as-written/input/clusters.yaml", "--diagnostics-format", "github"]),
        ["validate-guide-sarif"] = (_ => { }, ["validate", "tests/golden/elk-guide-as-written/input/17-federatedjob-dr-test.yaml", "tests/golden/elk-guide-as-written/input/clusters.yaml", "--diagnostics-format", "sarif"]),
        ["explain-coordinator"] = (_ => { }, ["explain", "examples/elk", "--cluster", "cluster2", "Deployment/elastic/elasticsearch-coordinator", "--field", "/spec/template/spec/containers/0"]),
        ["explain-not-placed"] = (_ => { }, ["explain", "examples/elk", "--cluster", "cluster3", "StatefulSet/elastic/elasticsearch-master"]),
        ["federate-plain"] = (_ => { }, ["federate", "examples/plain", "--namespace-too", "--placement-clusters", "cluster1,cluster2"]),
    };

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Cases.Keys.Order(StringComparer.Ordinal)) data.Add(name);
            return data;
        }
    }

    /// <summary>The ELK render, then a hand edit and a template change, so check and diff have something to say.</summary>
    private static void Stale(CliHarness cli)
    {
        cli.Run("render", "examples/elk", "--output", "out");
        cli.FileSystem.Add("/work/out/cluster1/elastic/configmap-index-templates.yaml", "edited by hand\n");
        var kibana = cli.FileSystem.Text("/work/examples/elk/kibana.yaml");
        cli.FileSystem.Add("/work/examples/elk/kibana.yaml", kibana.Replace("kibana:8.8.0", "kibana:8.9.0", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void CommandOutputIsAsRecorded(string name)
    {
        var cli = new CliHarness();
        foreach (var folder in new[] { "examples", "tests/golden/elk-guide-as-written/input" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, folder), "*", SearchOption.AllDirectories))
            {
                cli.FileSystem.Add("/work/" + Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/'), File.ReadAllText(file));
            }
        }

        var (setup, args) = Cases[name];
        setup(cli);
        var (exit, stdout, stderr) = cli.Run(args);
        var actual = new StringBuilder()
            .Append("$ fedrender ").Append(string.Join(' ', args)).Append('\n')
            .Append("exit ").Append(exit).Append('\n')
            .Append("--- stdout\n").Append(stdout)
            .Append("--- stderr\n").Append(stderr)
            .ToString();

        var path = Path.Combine(RepositoryPaths.Root, "tests", "cli-golden", name + ".txt");
        var expected = File.Exists(path) ? File.ReadAllText(path) : null;
        if (expected == actual) return;
        var (update, refusal) = GoldenUpdater.Mode(Environment.GetEnvironmentVariable);
        if (update)
        {
            File.WriteAllText(path, actual);
            return;
        }

        var differences = GoldenComparison.Compare(new Dictionary<string, string>(StringComparer.Ordinal) { [name + ".txt"] = actual }, Path.Combine(RepositoryPaths.Root, "tests", "cli-golden"))
            .Where(d => d.Path == name + ".txt").ToList();
        Assert.Fail(GoldenComparison.Report("cli/" + name, differences) + (refusal ?? string.Empty));
    }
}
