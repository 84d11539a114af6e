using System.CommandLine;
using Renderer.Cli.Output;
using Renderer.Core;
using Renderer.Core.Diagnostics;

namespace Renderer.Cli.Commands;

/// <summary><c>fedrender render</c>: every member cluster's manifests into --output, or one cluster to stdout.</summary>
public sealed class RenderCommand : VerbCommand
{
    private readonly Option<string?> output = OutputOptions.Directory(required: false, "The output directory: one folder per member cluster, each with a kustomization.yaml (required unless --stdout).");
    private readonly Option<bool> force = new("--force") { Description = "Write into a directory fedrender did not create, and overwrite files it did not write." };
    private readonly Option<bool> stdout = new("--stdout") { Description = "Print one cluster's objects (choose it with --cluster) as a multi-document YAML stream instead of writing --output." };

    public override string Name => "render";

    public override string Description => "Render every member cluster's manifests into --output. Nothing is written when any error is found.";

    protected override void AddOptions(Command command)
    {
        command.Add(output);
        command.Add(force);
        command.Add(stdout);
    }

    public override void CheckOptions(CommandRun run, List<Diagnostic> problems)
    {
        if (run.Value(stdout))
        {
            if (run.Options.Clusters.Names is not { Count: 1 }) problems.Add(CliDiagnostics.Usage("--stdout prints one cluster; name it with --cluster NAME"));
            return;
        }

        if (run.Value(output) is null) problems.Add(CliDiagnostics.Usage("Option '--output' is required (or --stdout with --cluster)"));
    }

    public override string? ExcludedPath(CommandRun run) => run.Value(output) is { } directory ? run.FullPath(directory) : null;

    public override Outcome Execute(CommandRun run) =>
        run.Value(stdout) ? ToStdout(run) : ToDirectory(run, run.Value(output) ?? string.Empty, run.Value(force));

    private static Outcome ToStdout(CommandRun run)
    {
        var result = run.Render();
        if (run.Blocked) return Outcome.Fail("nothing printed");
        var name = run.Options.Clusters.Names?.Single() ?? string.Empty;
        var cluster = result.Clusters.SingleOrDefault();
        if (cluster is null) return Outcome.Fail($"cluster \"{name}\" receives nothing (is it registered, and is anything placed on it?)");

        // In apply order, as the cluster's kustomization.yaml lists them.
        var byPath = cluster.Files.ToDictionary(f => f.RelativePath, f => f.Content, StringComparer.Ordinal);
        var order = byPath[Core.Output.ManifestLayout.KustomizationFile].Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..]);
        foreach (var path in order)
        {
            run.Out.Write("---\n");
            run.Out.Write(byPath[path]);
        }

        return Outcome.Done($"{DiagnosticPrinter.Plural(byPath.Count - 1, "object")} of cluster {cluster.Cluster} printed");
    }

    private static Outcome ToDirectory(CommandRun run, string given, bool force)
    {
        var target = new OutputDirectory(run.Context.FileSystem, run.FullPath(given), run.Display(given));
        if (target.CheckPath() is { } pathProblem)
        {
            run.Report(pathProblem);
            return Outcome.Fail("nothing written");
        }

        target.Recover();
        var (owned, foreign, hasManifest) = target.Inventory();
        if (!force && foreign.Count > 0 && !hasManifest)
        {
            run.Report(CliDiagnostics.NotOurDirectory(target.Display, foreign.Count));
            return Outcome.Fail("nothing written");
        }

        // Clusters are rendered and written into a new tree one by one, so memory stays flat however large the fleet.
        StagedOutput? staged = null;
        var options = run.Options;
        try
        {
            // With --cluster or --shard, the other clusters' files stay as they are.
            var keepOwned = options.Clusters.IsAll
                ? new HashSet<string>(StringComparer.Ordinal)
                : owned.Where(o => !options.Clusters.Includes(o.Split('/')[0])).ToHashSet(StringComparer.Ordinal);
            staged = target.Begin(owned, foreign, keepOwned);
            var progress = new Progress(run.Context);
            var writer = staged;
            run.Report(FederationRenderer.RenderTo(run.Files, options, cluster =>
            {
                writer.Write(cluster);
                progress.ClusterDone(cluster.Files.Count - 1);
            }));
            progress.Done();
        }
        catch (Exception e) when (target.WriteFailure(e) is { } failure)
        {
            staged?.Abort();
            run.Report(failure);
            return Outcome.Fail("nothing written");
        }

        if (run.Blocked)
        {
            staged.Abort();
            return Outcome.Fail("nothing written");
        }

        if (!force && staged.Collisions.Count > 0)
        {
            staged.Abort();
            run.Report(staged.Collisions.Select(f => CliDiagnostics.ForeignFileInTheWay(target.Display, f)));
            return Outcome.Fail("nothing written");
        }

        if (hasManifest && staged.UpToDate)
        {
            staged.Abort();
            return Outcome.Done($"{target.Display} is up to date ({DiagnosticPrinter.Plural(staged.Objects, "object")}); nothing rewritten");
        }

        if (staged.Commit(foreign) is { } writeProblem)
        {
            run.Report(writeProblem);
            return Outcome.Fail("nothing written");
        }

        return Outcome.Done($"{DiagnosticPrinter.Plural(staged.Objects, "object")} for {DiagnosticPrinter.Plural(staged.Clusters, "cluster")} written to {target.Display}");
    }
}
