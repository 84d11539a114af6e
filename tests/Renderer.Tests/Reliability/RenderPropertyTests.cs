using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Renderer.Core;
using Renderer.Core.Input;
using Renderer.Core.Output;
using Renderer.Core.Patching;

namespace Renderer.Tests.Reliability;

/// <summary>Properties that hold for random federations and random patches.</summary>
public sealed class RenderPropertyTests
{
    private static readonly Gen<string> Name = Gen.Int[0, 60].Select(i => "n" + i.ToString(CultureInfo.InvariantCulture));

    /// <summary>A random federation, one document per element (clusters, a namespace, ConfigMaps with overrides).</summary>
    private static readonly Gen<List<string>> Federations =
        Gen.Select(Gen.Int[1, 4], Gen.Dictionary(Name, Gen.Dictionary(Name, Name)[1, 4])[1, 6], Gen.Int[0, 1000])
            .Select((clusters, configMaps, seed) =>
            {
                var random = new Random(seed);
                var documents = new List<string>();
                for (var c = 0; c < clusters; c++) documents.Add($"apiVersion: core.kubefed.io/v1beta1\nkind: KubeFedCluster\nmetadata: {{name: c{c}, labels: {{zone: z{c % 2}}}}}\n");
                documents.Add("apiVersion: types.kubefed.io/v1beta1\nkind: FederatedNamespace\nmetadata: {name: ns, namespace: ns}\nspec: {placement: {clusterSelector: {}}}\n");
                foreach (var (name, data) in configMaps)
                {
                    var text = new StringBuilder($"apiVersion: types.kubefed.io/v1beta1\nkind: FederatedConfigMap\nmetadata: {{name: cm-{name}, namespace: ns}}\nspec:\n  template:\n    data:\n");
                    foreach (var (key, value) in data) text.Append(CultureInfo.InvariantCulture, $"      k-{key}: v-{value}\n");
                    text.Append(random.Next(2) == 0 ? "  placement: {clusterSelector: {}}\n" : "  placement: {clusterSelector: {matchLabels: {zone: z0}}}\n");
                    text.Append("  overrides:\n");
                    for (var c = 0; c < clusters; c++)
                    {
                        if (random.Next(2) == 0) continue;
                        text.Append(CultureInfo.InvariantCulture, $"  - clusterName: c{c}\n    clusterOverrides:\n    - op: add\n      path: /data/cluster\n      value: c{c}-{random.Next(100)}\n");
                    }

                    documents.Add(text.ToString());
                }

                return documents;
            });

    private static string Render(IEnumerable<string> documents, int files, RenderOptions? options = null)
    {
        var list = documents.ToList();
        var inputs = Enumerable.Range(0, files)
            .Select(f => SourceFile.FromText($"f{f}.yaml", string.Join("---\n", list.Where((_, i) => i % files == f))))
            .ToList();
        var result = FederationRenderer.Render(inputs, options ?? RenderOptions.Default);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return string.Concat(result.Clusters.SelectMany(c => c.Files.Select(f => $"{c.Cluster}/{f.RelativePath}\n{f.Content}")));
    }

    [Fact]
    public void SameBytesForAnyOrderCultureAndParallelism()
    {
        Gen.Select(Federations, Gen.Int[1, 3], Gen.Int[0, 1000]).Sample((documents, files, seed) =>
        {
            var expected = Render(documents, 1, RenderOptions.Default with { Parallelism = 1 });
            var shuffled = documents.OrderBy(_ => new Random(seed).Next()).ToList();
            var culture = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
                Assert.Equal(expected, Render(shuffled, files, RenderOptions.Default with { Parallelism = 1 + (seed % 4) }));
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
            }
        }, iter: 60, threads: 1);
    }

    [Fact]
    public void AnOverrideForOneClusterNeverChangesAnother()
    {
        Federations.Sample(documents =>
        {
            var plan = FederationRenderer.Plan([SourceFile.FromText("f.yaml", string.Join("---\n", documents))], RenderOptions.Default);
            foreach (var cluster in plan.Clusters)
            {
                foreach (var item in cluster.Objects.Where(o => o.Kind == "ConfigMap"))
                {
                    var value = (string?)item.Object["data"]?["cluster"];
                    Assert.True(value is null || value.StartsWith(cluster.Cluster + "-", StringComparison.Ordinal), $"{cluster.Cluster} got {value}");
                }
            }
        }, iter: 100, threads: 1);
    }

    [Fact]
    public void RenderedYamlParsesBackToTheSameObjects()
    {
        Federations.Sample(documents =>
        {
            var plan = FederationRenderer.Plan([SourceFile.FromText("f.yaml", string.Join("---\n", documents))], RenderOptions.Default);
            foreach (var item in plan.Clusters.SelectMany(c => c.Objects))
            {
                var (back, diagnostics) = YamlLoader.Load(SourceFile.FromText("out.yaml", YamlEmitter.Emit(item.Object)));
                Assert.Empty(diagnostics);
                Assert.True(JsonNode.DeepEquals(item.Object, back.Single().Root));
            }
        }, iter: 100, threads: 1);
    }

    /// <summary>The patch engine agrees with a simple model: apply to a path-to-value dictionary, rebuild the document.</summary>
    [Fact]
    public void PatchEngineAgreesWithAReferenceModelOnMappings()
    {
        var key = Gen.OneOf(Gen.Const("a"), Gen.Const("b"), Gen.Const("c"));
        var path = Gen.OneOf(key.Select(k => "/" + k), Gen.Select(key, key).Select((k, l) => $"/{k}/{l}"));
        var op = Gen.Select(Gen.OneOf(Gen.Const(PatchOperationKind.Add), Gen.Const(PatchOperationKind.Remove), Gen.Const(PatchOperationKind.Replace)), path, Gen.Int[0, 9])
            .Select((kind, p, v) => new PatchOperation(kind, p, kind == PatchOperationKind.Remove ? null : JsonValue.Create((long)v)));
        var doc = Gen.Dictionary(key, Gen.OneOf(Gen.Int[0, 9].Select(i => (JsonNode?)JsonValue.Create((long)i)), Gen.Dictionary(key, Gen.Int[0, 9])[0, 3].Select(d => (JsonNode?)new JsonObject(d.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create((long)p.Value)))))))[0, 3]
            .Select(d => new JsonObject(d.Select(p => KeyValuePair.Create(p.Key, p.Value))));

        Gen.Select(doc, op.List[1, 5]).Sample((document, operations) =>
        {
            var expected = Model(document, operations);
            var actual = JsonPatch.Apply(document, operations);
            if (expected is null)
            {
                Assert.False(actual.Succeeded);
            }
            else
            {
                Assert.True(actual.Succeeded, actual.Failure?.Reason);
                Assert.True(JsonNode.DeepEquals(expected, actual.Document), $"{expected.ToJsonString()} vs {actual.Document?.ToJsonString()}");
            }
        }, iter: 2000, threads: 1);
    }

    /// <summary>Rules 27-30 for mappings only, on a copy: parents must exist, remove needs the key, add and replace set it.</summary>
    private static JsonObject? Model(JsonObject document, IReadOnlyList<PatchOperation> operations)
    {
        var state = document.DeepClone().AsObject();
        foreach (var operation in operations)
        {
            var segments = operation.Path.Split('/').Skip(1).ToList();
            JsonObject? parent = state;
            foreach (var segment in segments.Take(segments.Count - 1)) parent = parent?[segment] as JsonObject;
            if (parent is null) return null;
            var last = segments[^1];
            if (operation.Kind == PatchOperationKind.Remove)
            {
                if (!parent.ContainsKey(last)) return null;
                parent.Remove(last);
            }
            else
            {
                parent[last] = operation.Value?.DeepClone();
            }
        }

        return state;
    }
}
