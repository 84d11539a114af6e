using System.Text.Json.Nodes;
using Renderer.Core.Model;
using Renderer.Core.Pipeline;

namespace Renderer.Tests.Conformance;

/// <summary>Every case of KubeFed's planner unit tests (rule 37).</summary>
public sealed class PlannerConformanceTests
{
    private const string File = "planner.json";

    public static TheoryData<string> Cases => ConformanceVectors.Names(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void PlannerDividesReplicasAsKubeFed(string name)
    {
        var entry = ConformanceVectors.Entry(File, name);
        var preferences = new Dictionary<string, ClusterPreferences>(StringComparer.Ordinal);
        foreach (var (cluster, value) in entry["preferences"]?["clusters"]?.AsObject() ?? [])
        {
            preferences[cluster] = new ClusterPreferences(
                value?["weight"]?.GetValue<long>() ?? 0,
                value?["minReplicas"]?.GetValue<long>() ?? 0,
                value?["maxReplicas"]?.GetValue<long>());
        }

        var plan = ReplicaPlanner.Plan(
            entry["totalReplicas"]?.GetValue<long>() ?? 0,
            entry["preferences"]?["rebalance"]?.GetValue<bool>() ?? false,
            preferences,
            entry["availableClusters"]?.AsArray().Select(n => (string?)n ?? string.Empty).ToList() ?? [],
            Counts(entry["currentReplicas"]),
            Counts(entry["capacity"]),
            (string?)entry["replicaSetKey"] ?? string.Empty);

        Assert.Equal(Counts(entry["expected"]), plan.Replicas.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary());
        Assert.Equal(Counts(entry["expectedOverflow"]), plan.Overflow.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary());
    }

    [Theory]
    [InlineData("", 2166136261u)]
    [InlineData("a", 0x050c5d7eu)]
    public void Fnv1MatchesTheReferenceValues(string text, uint expected) => Assert.Equal(expected, ReplicaPlanner.Fnv1(text));

    private static Dictionary<string, long> Counts(JsonNode? node) =>
        (node as JsonObject ?? []).OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value?.GetValue<long>() ?? 0, StringComparer.Ordinal);
}
