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
    private readonly Option<bool> allowPrune = new("--allow-prune") { Description = "Allow a render that writes no objects, or removes more than half of the files fedrender wrote in --output." };
    private readonly Option<bool> stdout = new("--stdout") { Description = "Print one cluster's objects (choose it with --cluster) as a multi-document YAML stream instead of writing --output." };

    public override string Name => "render";

    public override string Description => "Render every member cluster's manifests into --output. Nothing is written when any error is found.";

    protected override void AddOptions(Command command)
    {
        command.Add(output);
        command.Add(force);
        command.Add(allowPrune);
        command.Add(stdout);
    }

    public override void CheckOptions(CommandRun run, List<Diagnostic> problems)
    {
        if (run.Value(stdout))
        {
            if (run.Options.Clusters.Names is not { Count: 1 }) problems.Add(CliDiagnostics.Usage("--stdout prints one cluster; name it with --cluster NAME"));
            return;
        }

        if (run.Value(output) is not { } given)
        {
            problems.Add(CliDiagnostics.Usage("Option '--output' is required (or --stdout with --cluster)"));
            return;
        }

        var target = run.OutputAt(given);
        if ((target.CheckPath() ?? OutputPlacement.CheckDirectory(target.FullPath, target.Display, run.Context.CurrentDirectory, run.InputPaths)) is { } refused) problems.Add(refused);
    }

    public override string? ExcludedPath(CommandRun run) => run.Value(output) is { } directory ? run.FullPath(directory) : null;

    public override Outcome Execute(CommandRun run) =>
        run.Value(stdout) ? ToStdout(run) : ToDirectory(run, run.OutputAt(run.Value(output) ?? string.Empty));

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

    private Outcome ToDirectory(CommandRun run, OutputDirectory target)
    {
        var existed = target.Exists;
        IDisposable? held;
        Diagnostic? problem;
        try
        {
            (held, problem) = target.Open(create: true);
        }
        catch (Exception e) when (OutputDirectory.IsIo(e))
        {
            run.Report(CliDiagnostics.OutputWriteFailed(target.Display, target.Reason(e)));
            return Outcome.Usage("nothing written");
        }

        if (held is null)
        {
            run.Report(problem ?? CliDiagnostics.OutputLocked(target.Display, OutputDirectory.LockWait));
            return Outcome.Usage("nothing written");
        }

        using (held)
        {
            var outcome = Write(run, target);
            if (!existed && outcome.Exit != Outcome.Ok && target.Exists && target.FileSystem.List(target.FullPath).Count == 0) target.FileSystem.DeleteDirectory(target.FullPath);
            return outcome;
        }
    }

    private Outcome Write(CommandRun run, OutputDirectory target)
    {
        var (inventory, problem) = target.Inventory();
        if (inventory is null || problem is not null)
        {
            run.Report(problem ?? CliDiagnostics.ManifestNotOurs(target.Display, 0, "it cannot be read"));
            return Outcome.Usage("nothing written");
        }

        if (inventory.Unsafe.Count > 0)
        {
            run.Report(inventory.Unsafe.Select(u => CliDiagnostics.OwnedEntryUnsafe(target.Display, u.Path, u.Entry.Describe())));
            return Outcome.Usage("nothing written");
        }

        var force = run.Value(this.force);
        if (!force && inventory.ForeignFiles > 0 && !inventory.HasManifest)
        {
            run.Report(CliDiagnostics.NotOurDirectory(target.Display, inventory.ForeignFiles));
            return Outcome.Fail("nothing written");
        }

        var options = run.Options;
        var transaction = target.Begin();
        var writer = new IncrementalWriter(target, inventory, transaction);
        try
        {
            var progress = new Progress(run.Context);
            run.Report(FederationRenderer.RenderTo(run.Files, options, cluster =>
            {
                writer.Write(cluster);
                progress.ClusterDone(cluster.Files.Count - 1);
            }));
            progress.Done();
            return Finish(run, target, inventory, writer, transaction, force);
        }
        catch (Exception e) when (OutputDirectory.IsIo(e))
        {
            run.Report(CliDiagnostics.OutputWriteFailed(target.Display, target.Reason(e)));
            return Outcome.Usage("nothing written");
        }
        finally
        {
            transaction.Abort();
        }
    }

    private Outcome Finish(CommandRun run, OutputDirectory target, OutputInventory inventory, IncrementalWriter writer, OutputTransaction transaction, bool force)
    {
        if (run.Blocked) return Outcome.Fail("nothing written");
        var collisions = writer.Collisions;
        var blocking = collisions.Where(c => !force || inventory.Foreign[c].Kind != FileSystem.EntryKind.File).ToList();
        if (blocking.Count > 0)
        {
            run.Report(blocking.Select(c => inventory.Foreign[c].Kind == FileSystem.EntryKind.File
                ? CliDiagnostics.ForeignFileInTheWay(target.Display, c)
                : CliDiagnostics.OwnedEntryUnsafe(target.Display, c, inventory.Foreign[c].Describe())));
            return Outcome.Fail("nothing written");
        }

        // With --cluster or --shard, the other clusters' files stay as they are.
        var selected = run.Options.Clusters;
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        var removed = new List<string>();
        foreach (var (relative, recorded) in inventory.Owned)
        {
            if (writer.Written.ContainsKey(relative)) continue;
            if (selected.Includes(Cluster(relative))) removed.Add(relative);
            else if (IncrementalWriter.HashOf(target, relative, recorded) is { } hash) kept[relative] = hash;
        }

        if (PruneProblem(run, target, inventory, writer, removed) is { } prune)
        {
            run.Report(prune);
            return Outcome.Fail("nothing written");
        }

        var writtenClusters = writer.Written.Keys.Select(Cluster).ToHashSet(StringComparer.Ordinal);
        foreach (var cluster in removed.Select(Cluster).Distinct(StringComparer.Ordinal).Where(c => !writtenClusters.Contains(c)).Order(StringComparer.Ordinal))
        {
            run.Report(CliDiagnostics.ClusterDirectoryRemoved(target.Display, cluster));
        }

        if (run.Blocked) return Outcome.Fail("nothing written");
        var manifest = ManifestFile.Write(writer.Written.Concat(kept));
        var summary = $"{DiagnosticPrinter.Plural(writer.Objects, "object")} for {DiagnosticPrinter.Plural(writer.Clusters, "cluster")} written to {target.Display}";
        if (transaction.Writes == 0 && removed.Count == 0)
        {
            var current = target.ReadOwned(ManifestFile.Name);
            if (current is not null && current.AsSpan().SequenceEqual(manifest)) return Outcome.Done($"{target.Display} is up to date ({DiagnosticPrinter.Plural(writer.Objects, "object")}); nothing rewritten");
        }

        transaction.Commit(removed, manifest);
        return Outcome.Done(summary);
    }

    /// <summary>A render that empties the output, or removes more than half of it, needs --allow-prune.</summary>
    private Diagnostic? PruneProblem(CommandRun run, OutputDirectory target, OutputInventory inventory, IncrementalWriter writer, IReadOnlyList<string> removed)
    {
        if (run.Value(allowPrune)) return null;
        var byCluster = removed.Count == 0 ? "nothing yet" : string.Join(", ", removed.GroupBy(Cluster, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {DiagnosticPrinter.Plural(g.Count(), "file")}"));
        if (writer.Objects == 0) return CliDiagnostics.NothingToWrite(target.Display, byCluster);
        return removed.Count * 2 > inventory.Owned.Count ? CliDiagnostics.MassRemoval(target.Display, removed.Count, inventory.Owned.Count, byCluster) : null;
    }

    private static string Cluster(string relative) => relative[..relative.IndexOf('/', StringComparison.Ordinal)];
}
