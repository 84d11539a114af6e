using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Pipeline;
using Renderer.Tests.Support;

namespace Renderer.Tests.Conformance;

/// <summary>
/// The object built per cluster (rules 17-33) against KubeFed's fixtures and derived vectors. The object
/// pipeline is called directly, as the vectors' README asks; placement has its own vectors. The RSP table
/// (rule 38) belongs with the ReplicaSchedulingPreference tests.
/// </summary>
public sealed class OverridesConformanceTests
{
    private const string File = "overrides.json";

    public static TheoryData<string> Cases => ConformanceVectors.Names(File, e => !e.ContainsKey("table"));

    [Theory]
    [MemberData(nameof(Cases))]
    public void ObjectForEachClusterIsWhatKubeFedCreated(string name)
    {
        var entry = ConformanceVectors.Entry(File, name);
        var target = entry["target"]?.AsObject() ?? throw new InvalidDataException(name);
        var fedObject = entry["fedObject"]?.DeepClone().AsObject() ?? throw new InvalidDataException(name);
        var typeConfig = TypeConfigFor(fedObject, target);

        var (federation, diagnostics) = Documents.Bind(Documents.FromJson("fed.yaml", [typeConfig, fedObject]));
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        var resource = Assert.Single(federation.Resources);
        ObjectBuilder.InspectTemplate(resource, diagnostics);
        var plan = OverrideValidator.Plan(resource, diagnostics);

        var expected = entry["expected"]?.AsObject() ?? throw new InvalidDataException(name);
        foreach (var (cluster, outcome) in expected)
        {
            var clusterDiagnostics = new List<Diagnostic>();
            var built = plan.Valid ? ObjectBuilder.Build(resource, cluster, plan.Clusters.GetValueOrDefault(cluster), clusterDiagnostics) : null;
            if (outcome?["error"] is not null)
            {
                Assert.Null(built);
                var errors = diagnostics.Concat(clusterDiagnostics).Where(d => d.IsError).ToList();
                Assert.NotEmpty(errors);
                Assert.All(errors, d => Assert.True(d.Location.Line > 0, $"{name}: {d} has no line"));
                continue;
            }

            Assert.True(built is not null, $"{name}/{cluster}: expected an object, got {string.Join("; ", diagnostics.Concat(clusterDiagnostics))}");
            var want = outcome?["object"];
            Assert.True(JsonNode.DeepEquals(want, built), $"{name}/{cluster}:\nexpected {want?.ToJsonString()}\nactual   {built.ToJsonString()}");
        }
    }

    private static JsonObject TypeConfigFor(JsonObject fedObject, JsonObject target)
    {
        var group = (string?)target["group"] ?? string.Empty;
        var kind = (string?)target["kind"] ?? string.Empty;
        var plural = kind.ToLowerInvariant() + "s";
        return new JsonObject
        {
            ["apiVersion"] = "core.kubefed.io/v1beta1",
            ["kind"] = "FederatedTypeConfig",
            ["metadata"] = new JsonObject { ["name"] = group.Length == 0 ? plural : plural + "." + group, ["namespace"] = "kube-federation-system" },
            ["spec"] = new JsonObject
            {
                ["federatedType"] = new JsonObject { ["group"] = "types.kubefed.io", ["kind"] = (string?)fedObject["kind"], ["pluralName"] = "federated" + plural, ["scope"] = "Namespaced", ["version"] = "v1beta1" },
                ["targetType"] = new JsonObject { ["group"] = group, ["kind"] = kind, ["pluralName"] = plural, ["scope"] = target["namespaced"]?.GetValue<bool>() == true ? "Namespaced" : "Cluster", ["version"] = (string?)target["version"] },
                ["propagation"] = "Enabled",
            },
        };
    }
}
