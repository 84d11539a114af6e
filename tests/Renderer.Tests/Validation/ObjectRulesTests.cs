using System.Text.Json.Nodes;
using Renderer.Core.Model;
using Renderer.Core.Validation;
using Renderer.Tests.Support;

namespace Renderer.Tests.Validation;

public sealed class ObjectRulesTests
{
    private static JsonObject Object(string yaml) => Assert.IsType<JsonObject>(Documents.Load("o.yaml", yaml)[0].Root);

    private static IReadOnlyList<Finding> Check(string kind, string yaml) =>
        ObjectRules.Check(Object(yaml), BuiltInTypes.ForKind(kind) ?? throw new InvalidOperationException(kind));

    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, labels: {app: web}}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              volumes: [{name: cfg, configMap: {name: web}}]
              containers:
              - name: web
                image: nginx
                ports: [{containerPort: 80, name: http}]
                volumeMounts: [{name: cfg, mountPath: /etc/web}]
                env: [{name: MODE, value: x}]
                resources: {limits: {cpu: 500m, memory: 1Gi}}
        """;

    [Fact]
    public void ValidDeploymentHasNoFindings() => Assert.Empty(Check("Deployment", Deployment));

    [Theory]
    [InlineData("selector: {matchLabels: {app: web}}", "selector: {matchLabels: {app: api}}", FindingRule.Selector, "/spec/selector/matchLabels/app")]
    [InlineData("volumeMounts: [{name: cfg,", "volumeMounts: [{name: config,", FindingRule.Volume, "/spec/template/spec/containers/0/volumeMounts/0/name")]
    [InlineData("name: http}", "name: HTTP_port}", FindingRule.Port, "/spec/template/spec/containers/0/ports/0/name")]
    [InlineData("env: [{name: MODE", "env: [{name: \"A=B\"", FindingRule.EnvName, "/spec/template/spec/containers/0/env/0/name")]
    [InlineData("env: [{name: MODE", "env: [{name: \"1MODE\"", FindingRule.EnvNamePortability, "/spec/template/spec/containers/0/env/0/name")]
    [InlineData("labels: {app: web}}\nspec", "labels: {app: web, \"bad key!\": x}}\nspec", FindingRule.Label, "/metadata/labels/bad key!")]
    [InlineData("- name: web\n", "- name: Web\n", FindingRule.Container, "/spec/template/spec/containers/0/name")]
    public void EachRuleIsFoundAtItsPointer(string from, string to, FindingRule rule, string pointer)
    {
        var yaml = Deployment.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(from, yaml, StringComparison.Ordinal);
        var findings = Check("Deployment", yaml.Replace(from, to, StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Rule == rule && f.Pointer == pointer);
    }

    [Fact]
    public void StatefulSetMountsMayNameAClaimTemplate()
    {
        var findings = Check("StatefulSet", """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              serviceName: db
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: db, image: pg, volumeMounts: [{name: data, mountPath: /data}]}]
              volumeClaimTemplates:
              - metadata: {name: data}
                spec: {resources: {requests: {storage: 10Gi}}}
            """);
        Assert.Empty(findings);
    }

    [Fact]
    public void ServicePortsMustBeNamedWhenSeveral()
    {
        var findings = Check("Service", "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports: [{port: 80, name: http}, {port: 443}]\n");
        var finding = Assert.Single(findings);
        Assert.Equal(("/spec/ports/1", FindingRule.Port), (finding.Pointer, finding.Rule));
    }

    [Fact]
    public void ServiceNameMustBeADns1035Label()
    {
        var finding = Assert.Single(Check("Service", "apiVersion: v1\nkind: Service\nmetadata: {name: 1web}\n"));
        Assert.Equal(FindingRule.Name, finding.Rule);
    }

    [Theory]
    [InlineData("0 1 * * *", true)]
    [InlineData("*/15 0-6 1,15 jan-jun mon-fri", true)]
    [InlineData("@daily", true)]
    [InlineData("0 1 * *", false)]
    [InlineData("61 * * * *", false)]
    [InlineData("0 25 * * *", false)]
    [InlineData("@sometimes", false)]
    [InlineData("TZ=UTC 0 1 * * *", false)]
    public void CronSchedulesAreCheckedAsTheApiServerDoes(string schedule, bool valid) =>
        Assert.Equal(valid, CronSchedule.Check(schedule) is null);

    [Theory]
    [InlineData("500m", true)]
    [InlineData("1.5", true)]
    [InlineData("2Gi", true)]
    [InlineData("1e3", true)]
    [InlineData("-1", true)]
    [InlineData("1 Gi", false)]
    [InlineData("1GB", false)]
    [InlineData("", false)]
    public void QuantitiesFollowTheKubernetesGrammar(string text, bool valid) => Assert.Equal(valid, Quantity.IsValid(text));
}
