namespace Renderer.Tests.Cli;

/// <summary><c>fedrender federate --schemas PATH</c>: CustomResourceDefinitions that type custom kinds without being federated.</summary>
public sealed class FederateSchemasTests
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {kind: Widget, plural: widgets}
          versions:
          - {name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: beside-the-crd, namespace: shop}
        data: {a: b}
        """;

    private const string Widget = """
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: gear, namespace: shop}
        spec: {size: 3}
        """;

    private static CliHarness Harness()
    {
        var cli = new CliHarness();
        cli.FileSystem.Add("/work/manifests/widget.yaml", Widget);
        cli.FileSystem.Add("/work/crds/widgets.yaml", Crd);
        return cli;
    }

    [Fact]
    public void CustomKindWhoseCrdIsInSchemasGetsItsTypeConfig()
    {
        var (exit, output, error) = Harness().Run("federate", "manifests", "--schemas", "crds");
        Assert.True(exit == 0, error);
        Assert.Contains("kind: FederatedTypeConfig\nmetadata:\n  name: widgets.example.com\n", output, StringComparison.Ordinal);
        Assert.Contains("kind: FederatedWidget\nmetadata:\n  name: gear\n  namespace: shop\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatSchemasHoldsIsNotFederated()
    {
        var (exit, output, error) = Harness().Run("federate", "manifests", "--schemas", "crds/widgets.yaml");
        Assert.True(exit == 0, error);
        Assert.DoesNotContain("beside-the-crd", output, StringComparison.Ordinal);
        Assert.DoesNotContain("CustomResourceDefinition", output, StringComparison.Ordinal);
    }

    [Fact]
    public void SchemasGiveTheSameDocumentsAsTheCrdAmongTheInputs()
    {
        var cli = Harness();
        cli.FileSystem.Add("/work/together/widget.yaml", Widget);
        cli.FileSystem.Add("/work/together/crd.yaml", Crd.Split("---")[0]);
        var apart = cli.Run("federate", "manifests", "--schemas", "crds");
        var together = cli.Run("federate", "together");
        Assert.Equal(0, together.Exit);
        Assert.Equal(together.Out, apart.Out);
    }

    [Fact]
    public void MissingSchemasPathIsAUsageError()
    {
        var (exit, output, error) = Harness().Run("federate", "manifests", "--schemas", "no-such-dir");
        Assert.Equal(2, exit);
        Assert.Contains("no-such-dir", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public void FederateHelpListsSchemas()
    {
        var (exit, help, _) = new CliHarness().Run("federate", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("--schemas <schemas>", help, StringComparison.Ordinal);
    }
}
