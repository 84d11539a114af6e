using Renderer.Core.Diagnostics;

namespace Renderer.Core.Pipeline;

/// <summary>
/// Checks the clusters a command line names against the registered ones, once, where the pipeline first knows
/// them (after binding): each unknown name gets one diagnostic that lists the registered clusters (sorted, at most
/// <see cref="MaxListed"/>) and suggests a close one, the way an unregistered placement cluster does.
/// </summary>
public static class ClusterSelectionChecker
{
    /// <summary>How many registered clusters a message lists before it says how many more there are.</summary>
    public const int MaxListed = 10;

    /// <summary>The registry of a KubeFed federation's clusters, as a message names it.</summary>
    public const string KubeFedRegistry = "KubeFedCluster";

    /// <summary>The registry of a Karmada federation's clusters, as a message names it.</summary>
    public const string KarmadaRegistry = "Cluster (cluster.karmada.io/v1alpha1)";

    /// <summary>Reports each <c>--cluster</c> name of <paramref name="filter"/> that is not registered (FR2204); <c>--shard</c> needs no check.</summary>
    public static void CheckSelected(ClusterFilter filter, IReadOnlyCollection<string> registered, string registry, List<Diagnostic> diagnostics)
    {
        if (filter.Names is not { } names) return;
        var known = registered.ToHashSet(StringComparer.Ordinal);
        foreach (var name in names.Where(n => !known.Contains(n)).Order(StringComparer.Ordinal))
        {
            diagnostics.Add(ClusterSelectionDiagnostics.UnknownSelectedCluster(name, Listed(known), PlacementResolver.Suggest(name, known), registry));
        }
    }

    /// <summary>Whether <paramref name="cluster"/>, the one explain is asked about, is registered; FR2205 when it is not.</summary>
    public static bool CheckExplained(string cluster, IReadOnlyCollection<string> registered, List<Diagnostic> diagnostics)
    {
        var known = registered.ToHashSet(StringComparer.Ordinal);
        if (known.Contains(cluster)) return true;
        diagnostics.Add(ClusterSelectionDiagnostics.UnknownExplainedCluster(cluster, Listed(known), PlacementResolver.Suggest(cluster, known), KubeFedRegistry));
        return false;
    }

    /// <summary>The registered clusters as a message lists them: sorted ordinal, capped, "none" when there are none.</summary>
    public static string Listed(IReadOnlyCollection<string> registered)
    {
        if (registered.Count == 0) return "none";
        var sorted = registered.Order(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", sorted.Take(MaxListed).Select(Visible.Quote));
        return sorted.Count <= MaxListed ? shown : $"{shown} and {sorted.Count - MaxListed} more";
    }
}
