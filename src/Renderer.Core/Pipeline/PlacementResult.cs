using System.Diagnostics.CodeAnalysis;
using Renderer.Core.Model;

namespace Renderer.Core.Pipeline;

/// <summary>
/// Placement worked out once per resource (<see cref="Resources"/>): its own clusters and the rule behind them, its
/// namespace gate, and its final clusters. <see cref="Own"/> and <see cref="Final"/> are views of the same records.
/// Render, explain and preview all read it; no other code restates the rules.
/// </summary>
public sealed record PlacementResult(IReadOnlyList<MemberCluster> Clusters, IReadOnlyDictionary<FederatedResource, ResourcePlacement> Resources)
{
    /// <summary>What each resource's own placement selects (rules 1-9).</summary>
    public IReadOnlyDictionary<FederatedResource, ClusterSelection> Own { get; } = new SelectionView(Resources, p => p.Own.Selection);

    /// <summary>Where each resource's object is rendered: its own placement through its namespace gate (rules 10-16).</summary>
    public IReadOnlyDictionary<FederatedResource, ClusterSelection> Final { get; } = new SelectionView(Resources, p => p.Final);

    /// <summary>
    /// The decision for <paramref name="resource"/> on <paramref name="cluster"/>; a cluster that is not registered
    /// gets no object, and a step that says so.
    /// </summary>
    public ClusterPlacement Decide(FederatedResource resource, string cluster)
    {
        var member = Clusters.FirstOrDefault(c => c.Name == cluster);
        if (member is not null && Resources.TryGetValue(resource, out var placement)) return placement.For(member);
        var registered = string.Join(", ", Clusters.Select(c => c.Name));
        return new ClusterPlacement(cluster, false, false, [new("cluster", string.Empty, false, $"\"{cluster}\" is not a registered cluster (registered: {registered})", Diagnostics.SourceLocation.None)]);
    }

    /// <summary>A read-only view of one selection of every record.</summary>
    private sealed class SelectionView(IReadOnlyDictionary<FederatedResource, ResourcePlacement> records, Func<ResourcePlacement, ClusterSelection> pick)
        : IReadOnlyDictionary<FederatedResource, ClusterSelection>
    {
        public ClusterSelection this[FederatedResource key] => pick(records[key]);

        public IEnumerable<FederatedResource> Keys => records.Keys;

        public IEnumerable<ClusterSelection> Values => records.Values.Select(pick);

        public int Count => records.Count;

        public bool ContainsKey(FederatedResource key) => records.ContainsKey(key);

        public bool TryGetValue(FederatedResource key, [MaybeNullWhen(false)] out ClusterSelection value)
        {
            if (records.TryGetValue(key, out var record))
            {
                value = pick(record);
                return true;
            }

            value = null;
            return false;
        }

        public IEnumerator<KeyValuePair<FederatedResource, ClusterSelection>> GetEnumerator() =>
            records.Select(r => new KeyValuePair<FederatedResource, ClusterSelection>(r.Key, pick(r.Value))).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
