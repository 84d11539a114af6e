using System.Text.Json.Nodes;
using Renderer.Core;
using Renderer.Core.Input;
using Renderer.Core.Karmada;
using Renderer.Core.Model;
using Renderer.Core.Pipeline;
using Renderer.Tests.Conformance;
using Renderer.Tests.Golden;
using Renderer.Tests.Support;

namespace Renderer.Tests.Pipeline;

/// <summary>
/// Render, explain and preview read one placement result: for every federated resource and registered cluster,
/// explain says "rendered" exactly when render emits the object there, and preview marks the cell placed likewise.
/// </summary>
public sealed class PlacementAgreementTests
{
    private const string PlacementFile = "placement.json";

    /// <summary>
    /// Every golden case of KubeFed documents with a resource and a cluster to ask about (Karmada inputs are placed by
    /// Karmada's rules, which explain does not cover; a case that does not load has no resource).
    /// </summary>
    public static TheoryData<string> KubeFedGoldenCases()
    {
        var data = new TheoryData<string>();
        foreach (var name in GoldenCases.Names())
        {
            var golden = GoldenCases.Get(name);
            var (documents, _) = FederationRenderer.Load(golden.Inputs(), golden.Options.Limits, golden.Options.Namespace, []);
            var (federation, _) = Documents.Bind(documents);
            if (!KarmadaDocuments.AnyIn(documents) && federation.Resources.Count > 0 && federation.Clusters.Count > 0) data.Add(name);
        }

        return data;
    }

    public static TheoryData<string> PlacementVectors => ConformanceVectors.Names(PlacementFile);

    [Theory]
    [MemberData(nameof(KubeFedGoldenCases))]
    public void ExplainAndPreviewPlaceWhatRenderEmitsInGoldenCase(string name)
    {
        var golden = GoldenCases.Get(name);
        AssertAgreement(golden.Inputs(), golden.Options);
    }

    [Theory]
    [MemberData(nameof(PlacementVectors))]
    public void ExplainAndPreviewPlaceWhatRenderEmitsForPlacementVector(string name)
    {
        var entry = ConformanceVectors.Entry(PlacementFile, name);
        var nodes = PlacementConformanceTests.RegisteredClusters(entry);
        nodes.Add(Documents.Federated("FederatedConfigMap", "cfg", "ns1", new JsonObject
        {
            ["template"] = new JsonObject { ["data"] = new JsonObject { ["key"] = "value" } },
            ["placement"] = entry["placement"]?.DeepClone() ?? new JsonObject(),
        }));
        if (entry["federatedNamespacePlacement"] is JsonObject namespacePlacement)
        {
            nodes.Add(Documents.Federated("FederatedNamespace", "ns1", "ns1", new JsonObject { ["placement"] = namespacePlacement.DeepClone() }));
        }

        // Without the namespace field the vector is about the resource's own placement: a FederatedNamespace placed everywhere leaves it alone.
        if (!entry.ContainsKey("federatedNamespacePlacement"))
        {
            nodes.Add(Documents.Federated("FederatedNamespace", "ns1", "ns1", new JsonObject { ["placement"] = new JsonObject { ["clusterSelector"] = new JsonObject() } }));
        }

        var limited = entry["limitedScope"] is JsonValue flag && flag.GetValue<bool>();
        var options = RenderOptions.Default with { Scope = limited ? ControlPlaneScope.Namespaced : ControlPlaneScope.Cluster };
        var text = string.Join("\n---\n", nodes.Select(n => n.ToJsonString()));
        AssertAgreement([SourceFile.FromText("placement.yaml", text)], options);
    }

    private const string EastAndWest = """
        apiVersion: core.kubefed.io/v1beta1
        kind: KubeFedCluster
        metadata: {name: east, namespace: kube-federation-system}
        ---
        apiVersion: core.kubefed.io/v1beta1
        kind: KubeFedCluster
        metadata: {name: west, namespace: kube-federation-system}
        """;

    private const string NamespacedPlane = """
        apiVersion: core.kubefed.io/v1beta1
        kind: KubeFedConfig
        metadata: {name: kubefed, namespace: kube-federation-system}
        spec: {scope: Namespaced}
        ---

        """ + EastAndWest + """

        ---
        apiVersion: types.kubefed.io/v1beta1
        kind: FederatedNamespace
        metadata: {name: kube-federation-system, namespace: kube-federation-system}
        spec: {placement: {clusters: [{name: east}]}}
        ---
        apiVersion: types.kubefed.io/v1beta1
        kind: FederatedConfigMap
        metadata: {name: agent, namespace: kube-federation-system}
        spec:
          template: {data: {interval: 30s}}
          placement: {clusterSelector: {}}
        """;

    [Fact]
    public void UnderANamespacedPlaneTheFederatedNamespaceGatesByItsOwnPlacement()
    {
        var inputs = new[] { SourceFile.FromText("plane.yaml", NamespacedPlane) };
        AssertAgreement(inputs, RenderOptions.Default);
        var (east, _) = FederationRenderer.Explain(inputs, RenderOptions.Default, "east", "ConfigMap", "kube-federation-system", "agent", null);
        var (west, _) = FederationRenderer.Explain(inputs, RenderOptions.Default, "west", "ConfigMap", "kube-federation-system", "agent", null);
        Assert.True(east?.Rendered);
        Assert.Contains(east?.Steps ?? [], s => s.Text == "FederatedNamespace kube-federation-system includes east (rule 10)");
        Assert.False(west?.Rendered);
        Assert.Equal("FederatedNamespace kube-federation-system does not include west, and a resource goes only where its namespace goes (rule 10)", west?.Steps[^1].Text);
    }

    [Fact]
    public void UnderANamespacedPlaneAFederatedNamespaceSaysItsNamespaceIsNotSent()
    {
        var inputs = new[] { SourceFile.FromText("plane.yaml", NamespacedPlane) };
        var (explanation, _) = FederationRenderer.Explain(inputs, RenderOptions.Default, "east", "Namespace", null, "kube-federation-system", null);
        Assert.NotNull(explanation);
        Assert.False(explanation.Rendered);
        Assert.Equal(["placement", "scope", "namespace"], explanation.Steps.Select(s => s.Topic));
        Assert.Contains("sends no Namespace object", explanation.Steps[1].Text, StringComparison.Ordinal);
        // It points at the FederatedNamespace's kind, the type the scope does not propagate.
        var kindLine = NamespacedPlane.Split('\n').ToList().FindIndex(l => l == "kind: FederatedNamespace") + 1;
        Assert.Equal(("plane.yaml", kindLine), (explanation.Steps[1].Location.File, explanation.Steps[1].Location.Line));
    }

    [Fact]
    public void AClustersListRecordsWhereEachSelectedClusterIsListed()
    {
        var text = EastAndWest + """

            ---
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedClusterRole
            metadata: {name: reader}
            spec:
              template: {rules: []}
              placement:
                clusters:
                - name: west
                - name: gone
                - name: east
            """;
        var (federation, _) = Documents.Bind(Documents.Load("roles.yaml", text));
        var result = NamespacePlacement.Place(federation, ControlPlaneScope.Cluster, []);
        var placement = result.Resources[federation.Resources[0]];
        Assert.Equal(OwnPlacementRule.ClustersList, placement.Own.Rule);
        Assert.Equal(["east", "west"], placement.Own.Selection.Clusters);
        Assert.Equal("/spec/placement/clusters/2/name", placement.Own.ListedPointer("east"));
        Assert.Equal("/spec/placement/clusters/0/name", placement.Own.ListedPointer("west"));
        Assert.Null(placement.Own.ListedPointer("gone"));
        var east = result.Decide(federation.Resources[0], "east");
        Assert.True(east.Placed);
        Assert.Equal(federation.Resources[0].Document.At("/spec/placement/clusters/2/name"), east.Decisive?.Location);
        Assert.Same(result.Final[federation.Resources[0]], placement.Final);
    }

    /// <summary>Compares explain (and preview, when the inputs render without errors) with what render hands over, cell by cell.</summary>
    private static void AssertAgreement(IReadOnlyList<SourceFile> inputs, RenderOptions options)
    {
        var (documents, _) = FederationRenderer.Load(inputs, options.Limits, options.Namespace, []);
        var (federation, _) = Documents.Bind(documents);
        var emitted = new HashSet<(string Cluster, string Kind, string? Namespace, string Name)>();
        var plan = FederationRenderer.Plan(inputs, options);
        foreach (var cluster in plan.Clusters)
        {
            foreach (var item in cluster.Objects) emitted.Add((cluster.Cluster, item.Source.Target.Kind, Namespace(item.Source), item.Source.Name));
        }

        // Explain names an object by kind, namespace and name: a resource that shares them with another cannot be asked about.
        var askable = federation.Resources
            .GroupBy(r => (Kind: r.Target.Kind.ToLowerInvariant(), Namespace: Namespace(r), r.Name))
            .Where(g => g.Count() == 1)
            .Select(g => g.Single())
            .ToList();
        Assert.NotEmpty(askable);
        Assert.NotEmpty(federation.Clusters);
        var mismatches = new List<string>();
        // The steps explain prints say, on their own, what the final clusters say, for every resource and cluster.
        var scheduled = ReplicaScheduler.Apply(federation, []);
        var placement = NamespacePlacement.Place(scheduled, scheduled.Config?.Scope ?? options.Scope, []);
        foreach (var resource in scheduled.Resources)
        {
            foreach (var cluster in scheduled.Clusters)
            {
                var decision = placement.Decide(resource, cluster.Name);
                if (!decision.StepsAgree) mismatches.Add($"{resource.DisplayName} on {cluster.Name}: placed {decision.Placed}, but the steps say {string.Join("; ", decision.Steps.Select(s => $"{s.Text} [{(s.Admits ? "admits" : "leaves out")}]"))}");
            }
        }

        foreach (var resource in askable)
        {
            foreach (var cluster in federation.Clusters)
            {
                var (explanation, _) = FederationRenderer.Explain(inputs, options, cluster.Name, resource.Target.Kind, Namespace(resource), resource.Name, null);
                Assert.NotNull(explanation);
                var rendered = emitted.Contains((cluster.Name, resource.Target.Kind, Namespace(resource), resource.Name));
                if (explanation.Rendered != rendered)
                {
                    mismatches.Add($"{resource.DisplayName} on {cluster.Name}: render {(rendered ? "emits it" : "does not")}, explain says {(explanation.Rendered ? "rendered" : "not rendered")} ({string.Join("; ", explanation.Steps.Select(s => s.Text))})");
                }
            }
        }

        var preview = FederationRenderer.Preview(inputs, options);
        if (!preview.HasErrors)
        {
            Assert.NotEmpty(preview.Rows);
            var identities = askable.Select(r => (r.Target.Kind, Namespace(r), r.Name)).ToHashSet();
            foreach (var row in preview.Rows.Where(r => identities.Contains((r.Kind, r.Namespace, r.Name))))
            {
                foreach (var cell in row.Cells)
                {
                    var rendered = emitted.Contains((cell.Cluster, row.Kind, row.Namespace, row.Name));
                    if (cell.Placed != rendered) mismatches.Add($"preview {row.Kind} {row.Namespace}/{row.Name} on {cell.Cluster}: render {(rendered ? "emits it" : "does not")}, preview says {(cell.Placed ? "placed" : "not placed")} ({cell.Reason})");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static string? Namespace(FederatedResource resource) => resource.Target.Namespaced ? resource.Namespace : null;
}
