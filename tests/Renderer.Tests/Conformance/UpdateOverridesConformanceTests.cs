using System.Text.Json.Nodes;
using Renderer.Core.Model;
using Renderer.Core.Pipeline;

namespace Renderer.Tests.Conformance;

/// <summary>How a ReplicaSchedulingPreference merges /spec/replicas into existing overrides (rule 38).</summary>
public sealed class UpdateOverridesConformanceTests
{
    private const string File = "overrides.json";
    private const string TableName = "rsp-updateOverridesMap-tables";

    public static TheoryData<string> Rows
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var row in ConformanceVectors.Entry(File, TableName)["table"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                data.Add((string?)row["name"] ?? string.Empty);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void ReplicaOverridesMergeAsKubeFed(string name)
    {
        var row = ConformanceVectors.Entry(File, TableName)["table"]?.AsArray().OfType<JsonObject>().Single(r => (string?)r["name"] == name)
            ?? throw new InvalidDataException(name);
        var overrides = new List<ClusterOverride>();
        foreach (var (cluster, list) in row["overridesMap"]?.AsObject() ?? [])
        {
            var operations = list?.AsArray().OfType<JsonObject>()
                .Select(o => new OverrideOperation((string?)o["op"] ?? string.Empty, (string?)o["path"], o["value"]?.DeepClone(), "/spec/overrides"))
                .ToList() ?? [];
            overrides.Add(new ClusterOverride(cluster, operations, "/spec/overrides"));
        }

        var replicas = (row["replicasMap"]?.AsObject() ?? []).ToDictionary(p => p.Key, p => p.Value?.GetValue<long>() ?? 0, StringComparer.Ordinal);
        var updated = ReplicaScheduler.UpdateOverrides(overrides, replicas);

        var actual = new JsonObject();
        foreach (var op in updated.Single(o => o.ClusterName == "cluster1").Operations) actual[op.Path ?? string.Empty] = op.Value?.DeepClone();
        var expected = row["expected"];
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{name}: expected {expected?.ToJsonString()}, got {actual.ToJsonString()}");
    }
}
