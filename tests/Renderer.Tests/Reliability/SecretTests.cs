using Renderer.Core;
using Renderer.Core.Input;

namespace Renderer.Tests.Reliability;

/// <summary>No Secret value appears in any diagnostic, whatever is wrong with the Secret.</summary>
public sealed class SecretTests
{
    private static readonly string[] Values = ["s3cr3t-Passw0rd", "yes", "123456789012345678901234567890", "hunter22", "dG9wc2VjcmV0"];

    [Fact]
    public void DiagnosticsAboutSecretsNeverCarryTheirValues()
    {
        const string yaml = """
            apiVersion: core.kubefed.io/v1beta1
            kind: KubeFedCluster
            metadata: {name: c1}
            ---
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedNamespace
            metadata: {name: ns, namespace: ns}
            spec: {placement: {clusterSelector: {}}}
            ---
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedSecret
            metadata: {name: creds, namespace: ns}
            spec:
              template:
                data:
                  token: dG9wc2VjcmV0
                  number: 123456789012345678901234567890
                stringData:
                  password: s3cr3t-Passw0rd
                  enabled: yes
                  nested: {x: hunter22}
              placement: {clusterSelector: {}}
              overrides:
              - clusterName: c1
                clusterOverrides:
                - path: /stringData/password
                  value: s3cr3t-Passw0rd
                - path: /data/token/deeper
                  value: hunter22
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: plain, namespace: ns}
            stringData:
              password: s3cr3t-Passw0rd
              enabled: yes
            """;
        var result = FederationRenderer.Render([SourceFile.FromText("secrets.yaml", yaml)], RenderOptions.Default);
        Assert.True(result.Diagnostics.Count >= 5, string.Join("\n", result.Diagnostics));
        var text = string.Join("\n", result.Diagnostics);
        Assert.All(Values, value => Assert.DoesNotContain(value, text, StringComparison.Ordinal));
        Assert.Contains("<redacted>", text, StringComparison.Ordinal);
    }
}
