using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Pipeline;
using Renderer.Tests.Support;

namespace Renderer.Tests.Pipeline;

public sealed class ObjectBuilderTests
{
    private static Renderer.Core.Model.FederatedResource Resource(string yaml)
    {
        var (federation, diagnostics) = Documents.Bind(Documents.Load("in.yaml", yaml));
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        return Assert.Single(federation.Resources);
    }

    [Fact]
    public void IdentityComesFirstAndTemplateOrderIsKept()
    {
        var resource = Resource("""
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedDeployment
            metadata: {name: web, namespace: prod}
            spec:
              template:
                spec: {replicas: 1}
                metadata:
                  labels: {zeta: z, alpha: a}
            """);
        var built = ObjectBuilder.Build(resource, "c1", null, []);
        Assert.Equal("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"prod","labels":{"zeta":"z","alpha":"a","kubefed.io/managed":"true"}},"spec":{"replicas":1}}""", built?.ToJsonString());
    }

    [Fact]
    public void AnnotationsAndFinalizersAreDroppedWithWarnings()
    {
        var resource = Resource("""
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedConfigMap
            metadata: {name: c, namespace: ns}
            spec:
              template:
                metadata:
                  annotations: {a: b}
                  finalizers: [x]
                  labels: {kubefed.io/managed: "false", app: c}
            """);
        var diagnostics = new List<Diagnostic>();
        ObjectBuilder.InspectTemplate(resource, diagnostics);
        Assert.Equal(["FR5001", "FR5002"], diagnostics.Select(d => d.Code));
        Assert.Equal([7, 8], diagnostics.Select(d => d.Location.Line));
        var built = ObjectBuilder.Build(resource, "c1", null, diagnostics);
        Assert.Equal("""{"name":"c","namespace":"ns","labels":{"app":"c","kubefed.io/managed":"true"}}""", built?["metadata"]?.ToJsonString());
    }

    [Fact]
    public void OverrideOfAWrongPathSuggestsTheIntendedOne()
    {
        var resource = Resource("""
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedCronJob
            metadata: {name: snap, namespace: ns}
            spec:
              template:
                spec:
                  schedule: "0 1 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers: [{name: s, image: curl}]
              overrides:
              - clusterName: c1
                clusterOverrides:
                - path: /spec/template/spec/jobTemplate/spec/template/spec/containers/0/env
                  value: [{name: REGION, value: us-east-1}]
            """);
        var diagnostics = new List<Diagnostic>();
        var plan = OverrideValidator.Plan(resource, diagnostics);
        var built = ObjectBuilder.Build(resource, "c1", plan.Clusters["c1"], diagnostics);
        Assert.Null(built);
        var error = Assert.Single(diagnostics);
        Assert.Equal(("FR4006", 16, 13, "c1"), (error.Code, error.Location.Line, error.Location.Column, error.Cluster));
        Assert.Contains("\"/spec/jobTemplate/spec/template/spec/containers/0/env\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"/spec\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverrideRenamingViaMetadataIsRefused()
    {
        var resource = Resource("""
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedConfigMap
            metadata: {name: c, namespace: ns}
            spec:
              overrides:
              - clusterName: c1
                clusterOverrides:
                - path: /metadata
                  value: {name: other}
            """);
        var diagnostics = new List<Diagnostic>();
        var plan = OverrideValidator.Plan(resource, diagnostics);
        Assert.Null(ObjectBuilder.Build(resource, "c1", plan.Clusters["c1"], diagnostics));
        Assert.Equal(["FR4010", "FR4007"], diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void ReplaceThatAddsAKeyWarns()
    {
        var resource = Resource("""
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedService
            metadata: {name: s, namespace: ns}
            spec:
              template:
                spec:
                  ports: [{port: 80}]
              overrides:
              - clusterName: c1
                clusterOverrides:
                - path: /spec/ports/0/nodePort
                  value: 30080
            """);
        var diagnostics = new List<Diagnostic>();
        var plan = OverrideValidator.Plan(resource, diagnostics);
        var built = ObjectBuilder.Build(resource, "c1", plan.Clusters["c1"], diagnostics);
        Assert.Equal(30080, built?["spec"]?["ports"]?[0]?["nodePort"]?.GetValue<long>());
        Assert.Equal("FR4009", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void EachClusterGetsItsOwnCopy()
    {
        var resource = Resource("apiVersion: types.kubefed.io/v1beta1\nkind: FederatedConfigMap\nmetadata: {name: c, namespace: ns}\nspec:\n  template:\n    data: {k: v}\n");
        var first = ObjectBuilder.Build(resource, "c1", null, []);
        var second = ObjectBuilder.Build(resource, "c2", null, []);
        Assert.NotNull(first);
        first["data"]!["k"] = "changed";
        Assert.Equal("v", (string?)second?["data"]?["k"]);
        Assert.Equal("v", (string?)resource.Template?["data"]?["k"]);
    }
}
