using Renderer.Cli.Output;
using Renderer.Core;

namespace Renderer.Cli.Commands;

/// <summary>What check and diff compare: the render, and the files fedrender owns in --output (those of the selected clusters it would remove).</summary>
public sealed record OutputComparison(RenderResult Result, OutputDirectory Target, SortedDictionary<string, byte[]> Tree, IReadOnlySet<string> Owned, IReadOnlyList<string> Removed)
{
    /// <summary>Renders and takes stock of --output; null (with the outcome to end on) when there is nothing to compare.</summary>
    public static (OutputComparison? Comparison, Outcome? Outcome) Of(CommandRun run, string given)
    {
        var result = run.Render();
        if (run.Blocked) return (null, Outcome.Fail("nothing compared"));
        var target = new OutputDirectory(run.Context.FileSystem, run.FullPath(given), run.Display(given));
        if (target.CheckPath() is { } pathProblem)
        {
            run.Report(pathProblem);
            return (null, Outcome.Fail("nothing compared"));
        }

        var tree = OutputTree.From(result.Clusters);
        var (owned, _, _) = target.Inventory();
        var removed = owned.Where(o => !tree.ContainsKey(o) && run.Options.Clusters.Includes(o.Split('/')[0])).Order(StringComparer.Ordinal).ToList();
        return (new OutputComparison(result, target, tree, owned, removed), null);
    }

    /// <summary>The current bytes of an owned file of --output, or null when fedrender does not own it or it is gone.</summary>
    public byte[]? Existing(string relative) => Owned.Contains(relative) ? Target.ReadOwned(relative) : null;
}
