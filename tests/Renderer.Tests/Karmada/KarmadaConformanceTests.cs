using System.Text.Json.Nodes;
using Renderer.Core;
using Renderer.Core.Input;

namespace Renderer.Tests.Karmada;

/// <summary>
/// Every Karmada vector, rendered through the whole pipeline (load, bind, match, place, divide, override):
/// which clusters get each object, their replicas, the fields the overriders set, and the diagnostics.
/// </summary>
public sealed class KarmadaConformanceTests
{
    public static TheoryData<string, string> Cases => KarmadaVectors.All();

    [Theory]
    [MemberData(nameof(Cases))]
    public void RenderIsWhatKarmadaProduces(string file, string name)
    {
        var entry = KarmadaVectors.Entry(file, name);
        var documents = entry["documents"]?.AsArray() ?? throw new InvalidDataException(name);
        var input = SourceFile.FromText("vector.yaml", string.Join("\n---\n", documents.Select(d => d?.ToJsonString())));
        var plan = FederationRenderer.Plan([input], RenderOptions.Default with { Parallelism = 1 });
        var objects = plan.Clusters.SelectMany(c => c.Objects.Select(o => (c.Cluster, o.RelativePath, o.Object)))
            .ToDictionary(o => o.Cluster + "/" + o.RelativePath, o => o.Object, StringComparer.Ordinal);

        var codes = (entry["expectCodes"]?.AsArray() ?? []).Select(c => (string?)c ?? string.Empty).ToList();
        foreach (var code in codes) Assert.Contains(plan.Diagnostics, d => d.Code == code);
        Assert.DoesNotContain(plan.Diagnostics, d => d.IsError && !codes.Contains(d.Code));
        var checkedSomething = codes.Count > 0;

        foreach (var (path, clusters) in entry["expectPlaced"]?.AsObject() ?? [])
        {
            var want = clusters?.AsArray().Select(c => (string?)c ?? string.Empty).Order(StringComparer.Ordinal).ToList() ?? [];
            var got = objects.Keys.Where(k => k.EndsWith("/" + path, StringComparison.Ordinal)).Select(k => k[..k.IndexOf('/', StringComparison.Ordinal)]).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(want, got);
            checkedSomething = true;
        }

        foreach (var (path, shares) in entry["expectReplicas"]?.AsObject() ?? [])
        {
            var want = shares?.AsObject().ToDictionary(p => p.Key, p => p.Value?.GetValue<long>() ?? -1, StringComparer.Ordinal) ?? [];
            var got = objects.Where(o => o.Key.EndsWith("/" + path, StringComparison.Ordinal))
                .ToDictionary(o => o.Key[..o.Key.IndexOf('/', StringComparison.Ordinal)], o => o.Value.At("/spec/replicas")?.GetValue<long>() ?? -1, StringComparer.Ordinal);
            Assert.Equal(want.OrderBy(p => p.Key, StringComparer.Ordinal), got.OrderBy(p => p.Key, StringComparer.Ordinal));
            checkedSomething = true;
        }

        foreach (var (path, fields) in entry["expectFields"]?.AsObject() ?? [])
        {
            checkedSomething = true;
            if (fields is null)
            {
                Assert.False(objects.ContainsKey(path), $"{path} should not be rendered");
                continue;
            }

            Assert.True(objects.TryGetValue(path, out var obj), $"{path} is not rendered");
            foreach (var (pointer, value) in fields.AsObject())
            {
                var actual = obj.At(pointer);
                Assert.True(JsonNode.DeepEquals(value, actual), $"{path} {pointer}: expected {value?.ToJsonString() ?? "absent"}, got {actual?.ToJsonString() ?? "absent"}");
            }
        }

        Assert.True(checkedSomething, $"vector \"{name}\" expects nothing");
    }
}
