using Renderer.Cli.Output;
using Renderer.Core;

namespace Renderer.Cli.Commands;

/// <summary>What check and diff compare: the render (cluster files and the layout's root files), and the files fedrender owns in --output (those of the selected clusters, and root files, it would remove).</summary>
public sealed record OutputComparison(RenderResult Result, OutputDirectory Target, SortedDictionary<string, byte[]> Tree, OutputInventory Inventory, IReadOnlyList<string> Removed)
{
    /// <summary>Renders and takes stock of --output; null (with the outcome to end on) when there is nothing to compare.</summary>
    public static (OutputComparison? Comparison, Outcome? Outcome) Of(CommandRun run, string given)
    {
        var result = run.Render();
        if (run.Blocked) return (null, Outcome.Fail("nothing compared"));
        var target = run.OutputAt(given);
        if (target.CheckPath() is { } pathProblem)
        {
            run.Report(pathProblem);
            return (null, Outcome.Usage("nothing compared"));
        }

        // A render killed while it applied its changes is finished first, under the directory's lock.
        var (held, problem) = target.Open(create: false);
        if (held is null)
        {
            run.Report(problem ?? CliDiagnostics.OutputLocked(target.Display, OutputDirectory.LockWait));
            return (null, Outcome.Usage("nothing compared"));
        }

        using (held)
        {
            var (inventory, manifestProblem) = target.Inventory();
            if (inventory is null || manifestProblem is not null)
            {
                run.Report(manifestProblem ?? CliDiagnostics.ManifestNotOurs(target.Display, 0, "it cannot be read"));
                return (null, Outcome.Usage("nothing compared"));
            }

            if (inventory.Unsafe.Count > 0)
            {
                run.Report(inventory.Unsafe.Select(u => CliDiagnostics.OwnedEntryUnsafe(target.Display, u.Path, u.Entry.Describe())));
                return (null, Outcome.Usage("nothing compared"));
            }

            // The layout's root files are compared whatever the selection, as render writes them whatever the selection.
            var tree = OutputTree.From(result.Clusters, result.RootFiles);
            var removed = inventory.Owned.Keys.Where(o => !tree.ContainsKey(o) && OutputTree.Covers(run.Options.Clusters.Includes, o)).Order(StringComparer.Ordinal).ToList();
            return (new OutputComparison(result, target, tree, inventory, removed), null);
        }
    }

    /// <summary>The current bytes of an owned file of --output, or null when fedrender does not own it or it is gone.</summary>
    public byte[]? Existing(string relative) => Inventory.Owned.ContainsKey(relative) ? Target.ReadOwned(relative) : null;
}
