using System.Text.Json.Nodes;
using CsCheck;
using Renderer.Core;
using Renderer.Core.Input;
using Renderer.Core.Pipeline;
using Renderer.Tests.Support;

namespace Renderer.Tests.Pipeline;

/// <summary>federate, then render for one cluster, gives back the plain objects, less what federate strips, plus the managed label.</summary>
public sealed class FederateRoundTripTests
{
    private const string Cluster = """
        apiVersion: core.kubefed.io/v1beta1
        kind: KubeFedCluster
        metadata: {name: c1}
        """;

    /// <summary>The reference model of what federate strips and render adds, written independently of both.</summary>
    private static JsonObject Expected(JsonObject plain)
    {
        var expected = plain.DeepClone().AsObject();
        expected.Remove("status");
        var metadata = expected["metadata"]?.AsObject() ?? [];
        foreach (var key in metadata.Select(p => p.Key).ToList())
        {
            if (key is not ("name" or "namespace" or "labels")) metadata.Remove(key);
        }

        if (metadata["labels"] is not JsonObject labels)
        {
            labels = [];
            metadata["labels"] = labels;
        }

        labels["kubefed.io/managed"] = "true";
        var kind = (string?)expected["kind"];
        if (kind == "Service" && expected["spec"] is JsonObject spec)
        {
            spec.Remove("clusterIP");
            spec.Remove("clusterIPs");
            foreach (var port in spec["ports"]?.AsArray() ?? []) port?.AsObject().Remove("nodePort");
        }

        if (kind == "ServiceAccount") expected.Remove("secrets");
        if (kind == "Namespace" && expected["spec"] is JsonObject nsSpec)
        {
            nsSpec.Remove("finalizers");
            if (nsSpec.Count == 0) expected.Remove("spec");
        }

        return expected;
    }

    private static void AssertRoundTrip(IReadOnlyList<JsonObject> plain)
    {
        var text = string.Join("---\n", plain.Select(p => p.ToJsonString() + "\n"));
        var federated = FederationRenderer.Federate([SourceFile.FromText("plain.yaml", text)], LoadLimits.Default, new FederateOptions(["c1"], NamespaceToo: true));
        Assert.False(federated.HasErrors, string.Join("\n", federated.Diagnostics));

        var plan = FederationRenderer.Plan([SourceFile.FromText("clusters.yaml", Cluster), SourceFile.FromText("federated.yaml", federated.Yaml)], RenderOptions.Default);
        Assert.False(plan.HasErrors, string.Join("\n", plan.Diagnostics));
        var rendered = plan.Clusters.Single().Objects.ToDictionary(o => $"{o.Kind}/{o.Source.Namespace}/{o.Source.Name}", o => o.Object, StringComparer.Ordinal);
        foreach (var original in plain)
        {
            var kind = (string?)original["kind"];
            var ns = kind == "Namespace" ? (string?)original["metadata"]?["name"] : (string?)original["metadata"]?["namespace"];
            var key = $"{kind}/{ns}/{(string?)original["metadata"]?["name"]}";
            Assert.True(rendered.TryGetValue(key, out var back), $"{key} was not rendered");
            var expected = Expected(original);
            Assert.True(JsonNode.DeepEquals(expected, back), $"{key}:\nexpected {expected.ToJsonString()}\nactual   {back.ToJsonString()}");
        }
    }

    [Fact]
    public void PlainExamplesRoundTrip()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "examples", "plain", "shop.yaml"));
        var plain = Documents.Load("shop.yaml", text).Select(d => d.Root).OfType<JsonObject>().ToList();
        Assert.Equal(6, plain.Count);
        AssertRoundTrip(plain);
    }

    [Fact]
    public void RandomObjectsRoundTrip()
    {
        var key = Gen.String["abcdefghijklmnopqrstuvwxyz-"].Where(s => s.Length is > 0 and < 20 && char.IsAsciiLetter(s[0]) && char.IsAsciiLetter(s[^1]));
        var value = Gen.OneOf(Gen.String.Select(s => (JsonNode?)JsonValue.Create(s)), Gen.Int[-1000, 1000].Select(i => (JsonNode?)JsonValue.Create((long)i)), Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)));
        var map = Gen.Dictionary(key, value)[0, 5].Select(d => new JsonObject(d.Select(p => KeyValuePair.Create(p.Key, p.Value))));
        var labels = Gen.Dictionary(key, key)[0, 4].Select(d => new JsonObject(d.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))));
        var kind = Gen.OneOf("ConfigMap", "Secret", "Service", "ServiceAccount");
        var objects = Gen.Select(kind, key, labels, map, labels, Gen.Int[1, 65535]).Select((k, name, l, body, annotations, port) =>
        {
            var metadata = new JsonObject { ["name"] = name, ["namespace"] = "ns1", ["annotations"] = annotations, ["uid"] = "u-" + name };
            if (l.Count > 0) metadata["labels"] = l;
            var obj = new JsonObject { ["apiVersion"] = "v1", ["kind"] = k, ["metadata"] = metadata };
            switch (k)
            {
                case "Service":
                    obj["spec"] = new JsonObject { ["clusterIP"] = "10.0.0.1", ["ports"] = new JsonArray(new JsonObject { ["port"] = port, ["nodePort"] = 30000 }), ["selector"] = annotations.DeepClone() };
                    break;
                case "ServiceAccount":
                    obj["secrets"] = new JsonArray(new JsonObject { ["name"] = name + "-token" });
                    break;
                default:
                    // A Secret's data values are base64, as the API server requires (FR7050).
                    obj["data"] = new JsonObject(body.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(k == "Secret"
                        ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(p.Value?.ToJsonString() ?? string.Empty))
                        : p.Value?.ToJsonString() ?? string.Empty))));
                    break;
            }

            obj["status"] = new JsonObject { ["seen"] = true };
            return obj;
        });

        objects.List[1, 6]
            .Select(list => list.DistinctBy(o => $"{(string?)o["kind"]}/{(string?)o["metadata"]?["name"]}").ToList())
            .Sample(list => AssertRoundTrip(list), iter: 150, threads: 1);
    }
}
