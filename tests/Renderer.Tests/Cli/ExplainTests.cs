namespace Renderer.Tests.Cli;

public sealed class ExplainTests
{
    private const string Federation = """
        apiVersion: core.kubefed.io/v1beta1
        kind: KubeFedCluster
        metadata: {name: east, labels: {region: east}}
        ---
        apiVersion: core.kubefed.io/v1beta1
        kind: KubeFedCluster
        metadata: {name: west, labels: {region: west}}
        ---
        apiVersion: types.kubefed.io/v1beta1
        kind: FederatedNamespace
        metadata: {name: app, namespace: app}
        spec: {placement: {clusters: [{name: east}, {name: west}]}}
        ---
        apiVersion: types.kubefed.io/v1beta1
        kind: FederatedDeployment
        metadata: {name: web, namespace: app}
        spec:
          template:
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: web
                    image: nginx:1.25
                    env: [{name: MODE, value: normal}]
          placement:
            clusterSelector: {matchLabels: {region: east}}
          overrides:
          - clusterName: east
            clusterOverrides:
            - {path: /spec/replicas, value: 5}
            - {op: add, path: /spec/template/spec/containers/0/env/-, value: {name: REGION, value: east}}
        ---
        apiVersion: types.kubefed.io/v1beta1
        kind: FederatedSecret
        metadata: {name: creds, namespace: app}
        spec:
          template:
            stringData: {token: s3cr3t-value}
          placement: {clusterSelector: {}}
        """;

    private static (int Exit, string Out, string Error) Explain(params string[] args)
    {
        var cli = new CliHarness();
        cli.FileSystem.Add("/work/fed/app.yaml", Federation);
        return cli.Run(["explain", "fed", .. args]);
    }

    [Fact]
    public void FieldsSayWhichLineSetThem()
    {
        var (exit, output, _) = Explain("--cluster", "east", "Deployment/app/web");
        Assert.Equal(0, exit);
        Assert.StartsWith("Deployment/app/web on cluster \"east\": rendered\n", output, StringComparison.Ordinal);
        Assert.Contains("east's labels region=east satisfy the cluster selector (rules 5-6) [fed/app.yaml(30,22)]", output, StringComparison.Ordinal);
        Assert.Contains("FederatedNamespace app includes east (rule 10)", output, StringComparison.Ordinal);
        Assert.Contains("  /spec/replicas = 5\n      override replace /spec/replicas [fed/app.yaml(34,14)]\n", output, StringComparison.Ordinal);
        Assert.Contains("  /spec/template/spec/containers/0/env/1/name = \"REGION\"\n      override add /spec/template/spec/containers/0/env/- [fed/app.yaml(35,23)]\n", output, StringComparison.Ordinal);
        Assert.Contains("  /spec/template/spec/containers/0/image = \"nginx:1.25\"\n      template [fed/app.yaml(27,20)]\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void FieldOptionLimitsTheAnswer()
    {
        var (_, output, _) = Explain("--cluster", "east", "Deployment/app/web", "--field", "/spec/replicas");
        Assert.Equal(1, output.Split('\n').Count(l => l.StartsWith("  /", StringComparison.Ordinal)));
    }

    [Fact]
    public void ObjectNotOnAClusterSaysWhichRuleLeftItOut()
    {
        var (exit, output, _) = Explain("--cluster", "west", "Deployment/app/web");
        Assert.Equal(0, exit);
        Assert.Contains("on cluster \"west\": not rendered", output, StringComparison.Ordinal);
        Assert.Contains("west's labels region=west do not satisfy the cluster selector", output, StringComparison.Ordinal);
        Assert.DoesNotContain("fields:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void SecretValuesAreHidden()
    {
        var (exit, output, error) = Explain("--cluster", "east", "Secret/app/creds");
        Assert.Equal(0, exit);
        Assert.Contains("/stringData/token = <hidden>", output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value", output + error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--cluster", "east", "Deployment/app/nothing")]
    public void UnknownObjectIsExitOne(params string[] args) => Assert.Equal(1, Explain(args).Exit);

    [Fact]
    public void ExplainNeedsOneClusterAndAnObject()
    {
        Assert.Equal(2, Explain("Deployment/app/web").Exit);
        Assert.Equal(2, Explain("--cluster", "east").Exit);
    }
}
