using System.Text;

namespace Renderer.Core;

/// <summary>
/// Which clusters a render produces: named clusters (<c>--cluster</c>), and/or shard <c>I</c> of <c>N</c>
/// (<c>--shard I/N</c>), a stable partition by a hash of the cluster name, so that N CI jobs together render
/// exactly what one full render does, and adding a cluster moves no other cluster between shards.
/// </summary>
public sealed record ClusterFilter(IReadOnlySet<string>? Names, int ShardIndex, int ShardCount)
{
    public static ClusterFilter All { get; } = new(null, 1, 1);

    public bool IsAll => Names is null && ShardCount == 1;

    public bool Includes(string cluster) =>
        (Names is null || Names.Contains(cluster)) && (ShardCount <= 1 || Shard(cluster, ShardCount) == ShardIndex);

    /// <summary>The 1-based shard of <paramref name="cluster"/> among <paramref name="count"/>: 32-bit FNV-1a of its name.</summary>
    public static int Shard(string cluster, int count)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(cluster))
        {
            hash ^= b;
            hash *= 16777619u;
        }

        return (int)(hash % (uint)count) + 1;
    }
}
