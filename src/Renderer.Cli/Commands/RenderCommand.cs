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
    private readonly Option<bool> stdout = new("--stdout") { Description = "Print one cluster's objects (choose it with --cluster) as a multi-document YAML stream instead of writing --output; exit 1 when it receives nothing." };
    private readonly LayoutOptions layout = new();
    private readonly Option<string> secrets = SecretsOption.Create();

    public override string Name => "render";

    public override string Description => "Render every member cluster's manifests into --output. Nothing is written when any error is found.";

    protected override void AddOptions(Command command)
    {
        command.Add(output);
        command.Add(force);
        command.Add(allowPrune);
        command.Add(stdout);
        command.Add(secrets);
        layout.AddTo(command);
    }

    public override void CheckOptions(CommandRun run, List<Diagnostic> problems)
    {
        SecretsOption.Apply(run, secrets, problems);
        if (run.Value(stdout))
        {
            // A stream for a pipe, not a tree to commit: Secrets print as they are.
            run.Adjust(options => options with { PlainSecrets = Core.Secrets.PlainSecrets.Allow });
            if (run.Options.Clusters.Names is not { Count: 1 }) problems.Add(CliDiagnostics.Usage("--stdout prints one cluster; name it with --cluster NAME"));
            if (layout.Given(run)) problems.Add(IntegrationCliDiagnostics.OptionNeedsAnother("--layout", "--output", "--stdout prints one stream in apply order, whatever the layout"));
            return;
        }

        layout.Apply(run, problems);

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
        if (cluster is null)
        {
            run.Report(IntegrationCliDiagnostics.ClusterReceivesNothing(name));
            return Outcome.Fail("nothing printed");
        }

        // In apply order, as the cluster's kustomization.yaml lists them.
        foreach (var file in cluster.ApplyOrder)
        {
            run.Out.Write("---\n");
            run.Out.Write(file.Content);
        }

        return Outcome.Done($"{DiagnosticPrinter.Plural(cluster.ApplyOrder.Count, "object")} of cluster {cluster.Cluster} printed");
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
        var (inventory, problems) = target.WritableInventory();
        if (inventory is null)
        {
            run.Report(problems);
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
        var omitted = new List<string>();
        try
        {
            var progress = new Progress(run.Context);
            run.Report(FederationRenderer.RenderTo(run.Files, options, cluster =>
            {
                writer.Write(cluster);
                lock (omitted) omitted.AddRange(cluster.OmittedSecrets.Select(path => cluster.Cluster + "/" + path));
                progress.ClusterDone(cluster.Objects);
            }));
            progress.Done();
            return Finish(run, target, inventory, writer, transaction, force, omitted);
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

    private Outcome Finish(CommandRun run, OutputDirectory target, OutputInventory inventory, IncrementalWriter writer, OutputTransaction transaction, bool force, List<string> omitted)
    {
        if (run.Blocked) return Outcome.Fail("nothing written");
        // The root files describe the whole render, so every render writes them, with --cluster or --shard too
        // (their content does not depend on the clusters): parallel shards agree on them byte for byte.
        writer.WriteRoot(run.Options.Layout.RootFiles);
        var collisions = writer.Collisions;
        var blocking = collisions.Where(c => !force || inventory.Foreign[c].Kind != FileSystem.EntryKind.File).ToList();
        if (blocking.Count > 0)
        {
            run.Report(blocking.Select(c => inventory.Foreign[c].Kind == FileSystem.EntryKind.File
                ? CliDiagnostics.ForeignFileInTheWay(target.Display, c)
                : CliDiagnostics.OwnedEntryUnsafe(target.Display, c, inventory.Foreign[c].Describe())));
            return Outcome.Fail("nothing written");
        }

        // With --cluster or --shard, the other clusters' files stay as they are; owned root files the layout no
        // longer writes (a kustomize render after a hydrator one) go with any selection.
        var selected = run.Options.Clusters;
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        var removed = new List<string>();
        foreach (var (relative, recorded) in inventory.Owned)
        {
            if (writer.Written.ContainsKey(relative)) continue;
            if (OutputTree.Covers(selected.Includes, relative)) removed.Add(relative);
            else if (IncrementalWriter.HashOf(target, relative, recorded) is { } hash) kept[relative] = hash;
        }

        if (PruneProblem(run, target, inventory, writer, removed) is { } prune)
        {
            run.Report(prune);
            return Outcome.Fail("nothing written");
        }

        var writtenClusters = writer.Written.Keys.Select(OutputTree.ClusterOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var cluster in removed.Select(OutputTree.ClusterOf).OfType<string>().Distinct(StringComparer.Ordinal).Where(c => !writtenClusters.Contains(c)).Order(StringComparer.Ordinal))
        {
            run.Report(CliDiagnostics.ClusterDirectoryRemoved(target.Display, cluster));
        }

        if (run.Blocked) return Outcome.Fail("nothing written");
        var manifest = ManifestFile.Write(writer.Written.Concat(kept));
        var objects = writer.Objects;
        var summary = $"{DiagnosticPrinter.Plural(objects, "object")} for {DiagnosticPrinter.Plural(writer.Clusters, "cluster")} written to {target.Display}{Omitted(omitted)}";
        if (transaction.Writes == 0 && removed.Count == 0)
        {
            var current = target.ReadOwned(ManifestFile.Name);
            if (current is not null && current.AsSpan().SequenceEqual(manifest)) return Outcome.Done($"{target.Display} is up to date ({DiagnosticPrinter.Plural(objects, "object")}); nothing rewritten{Omitted(omitted)}");
        }

        transaction.Commit(removed, manifest);
        return Outcome.Done(summary);
    }

    /// <summary>A render that empties the output, or removes more than half of it, needs --allow-prune.</summary>
    private Diagnostic? PruneProblem(CommandRun run, OutputDirectory target, OutputInventory inventory, IncrementalWriter writer, IReadOnlyList<string> removed)
    {
        if (run.Value(allowPrune)) return null;
        var byCluster = removed.Count == 0 ? "nothing yet" : string.Join(", ", removed.GroupBy(OutputTree.GroupOf, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {DiagnosticPrinter.Plural(g.Count(), "file")}"));
        if (writer.Objects == 0) return CliDiagnostics.NothingToWrite(target.Display, byCluster);
        return removed.Count * 2 > inventory.Owned.Count ? CliDiagnostics.MassRemoval(target.Display, removed.Count, inventory.Owned.Count, byCluster) : null;
    }

    /// <summary>The summary's list of the Secrets --secrets omit left out of the tree.</summary>
    private static string Omitted(List<string> omitted) =>
        omitted.Count == 0 ? string.Empty : $"; {DiagnosticPrinter.Plural(omitted.Count, "Secret")} left out (--secrets omit): {string.Join(", ", omitted.Order(StringComparer.Ordinal))}";
}
