using Renderer.Tests.Cli;

namespace Renderer.Tests.Reliability;

/// <summary>
/// Every path by which a Secret value could reach a reader, run through the real command in each diagnostics
/// format: no value appears on stdout or stderr (only render --stdout prints them), and the diagnostics that
/// would have quoted them are still reported.
/// </summary>
public sealed class SecretRedactionTests
{
    private const string Federation = """
        apiVersion: core.kubefed.io/v1beta1
        kind: KubeFedCluster
        metadata: {name: east}
        ---
        apiVersion: types.kubefed.io/v1beta1
        kind: FederatedNamespace
        metadata: {name: app, namespace: app}
        spec: {placement: {clusterSelector: {}}}

        """;

    public static TheoryData<string> Formats() => new() { "text", "json", "github", "sarif" };

    private static void AssertHidden((int Exit, string Out, string Error) result, string[] values, string expectedCode, bool checkOut = true)
    {
        var shown = (checkOut ? result.Out : string.Empty) + result.Error;
        Assert.Contains(expectedCode, shown, StringComparison.Ordinal);
        foreach (var value in values) Assert.DoesNotContain(value, shown, StringComparison.Ordinal);
    }

    private static CliHarness With(string yaml)
    {
        var cli = new CliHarness();
        cli.FileSystem.Add("/work/fed/app.yaml", Federation + yaml);
        return cli;
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void LoadDiagnosticsOnSecretValuesDoNotQuoteThem(string format)
    {
        var cli = With("""
            ---
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedSecret
            metadata: {name: creds, namespace: app}
            spec:
              template:
                stringData:
                  mode: 1_000_777
                  big: 123456789012345678901234567890
              placement: {clusterSelector: {}}
            """);
        AssertHidden(cli.Run("validate", "fed", "--diagnostics-format", format), ["1_000_777", "1000777", "123456789012345678901234567890", "1.2345678901234568"], "FR1006");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void ValidationOfSecretValuesNamesTheKeyNotTheValue(string format)
    {
        var cli = With("""
            ---
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedSecret
            metadata: {name: creds, namespace: app}
            spec:
              template:
                data:
                  token: "not*base64*token-value"
                stringData:
                  pin: 987654321
              placement: {clusterSelector: {}}
            """);
        var result = cli.Run("validate", "fed", "--diagnostics-format", format);
        AssertHidden(result, ["not*base64*token-value", "987654321"], "FR7050");
        Assert.Contains("FR7051", result.Error, StringComparison.Ordinal);
        Assert.Contains("stringData.pin", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void ASecretWithADuplicateKeyKeepsItsValuesHidden(string format)
    {
        var cli = With("""
            ---
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedSecret
            metadata: {name: creds, namespace: app}
            spec:
              template:
                stringData:
                  flag: 1_222_333
                  password: first-duplicate-secret
                  password: second-duplicate-secret
              placement: {clusterSelector: {}}
            """);
        var result = cli.Run("validate", "fed", "--diagnostics-format", format);
        AssertHidden(result, ["1_222_333", "1222333", "first-duplicate-secret", "second-duplicate-secret"], "FR1002");
        Assert.Contains("FR1006", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void ASecretWithASyntaxErrorKeepsItsValuesHidden(string format)
    {
        var cli = new CliHarness();
        cli.FileSystem.Add("/work/fed/app.yaml", Federation);
        cli.FileSystem.Add("/work/fed/broken.yaml", """
            apiVersion: v1
            kind: Secret
            metadata: {name: plain, namespace: app}
            stringData:
              flag: 1_444_555
              other: "unclosed
              next: x
            """);
        var result = cli.Run("validate", "fed", "--diagnostics-format", format);
        AssertHidden(result, ["1_444_555", "1444555"], "FR1001");
        Assert.Contains("FR1006", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void AKindATypeConfigMapsToSecretIsTreatedAsASecret(string format)
    {
        var cli = With("""
            ---
            apiVersion: core.kubefed.io/v1beta1
            kind: FederatedTypeConfig
            metadata: {name: secrets, namespace: kube-federation-system}
            spec:
              federatedType: {group: types.kubefed.io, kind: FederatedCredential, pluralName: federatedcredentials, scope: Namespaced, version: v1beta1}
              targetType: {kind: Secret, pluralName: secrets, scope: Namespaced, version: v1}
              propagation: Enabled
            ---
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedCredential
            metadata: {name: creds, namespace: app}
            spec:
              template:
                stringData:
                  mode: 1_666_777
                  count: 55443322
              placement: {clusterSelector: {}}
              overrides:
              - clusterName: east
                clusterOverrides:
                - {path: /stringData/extra, value: 1_888_999}
            """);
        var result = cli.Run("validate", "fed", "--diagnostics-format", format);
        AssertHidden(result, ["1_666_777", "1666777", "55443322", "1_888_999", "1888999"], "FR1006");
        Assert.Contains("FR7051", result.Error, StringComparison.Ordinal);
        Assert.Contains("FR5050", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void FederateDoesNotQuoteAPlainSecretsValuesInDiagnostics(string format)
    {
        var cli = new CliHarness();
        cli.FileSystem.Add("/work/plain/secret.yaml", """
            apiVersion: v1
            kind: Secret
            metadata: {name: plain, namespace: app}
            stringData:
              flag: 1_121_314
              big: 999999999999999999999999999999
            """);
        var result = cli.Run("federate", "plain", "--diagnostics-format", format);
        AssertHidden(result, ["1_121_314", "1121314", "999999999999999999999999999999"], "FR1006", checkOut: false);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("")]
    [InlineData("/stringData")]
    [InlineData("/stringData/password")]
    [InlineData("/data/token")]
    public void ExplainHidesSecretValuesForEveryField(string field)
    {
        var cli = With("""
            ---
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedSecret
            metadata: {name: creds, namespace: app}
            spec:
              template:
                data: {token: ZXhwbGFpbi10b2tlbg==}
                stringData: {password: explain-password-value}
              placement: {clusterSelector: {}}
              overrides:
              - clusterName: east
                clusterOverrides:
                - {path: /stringData/password, value: explain-override-value}
            """);
        string[] args = field.Length == 0
            ? ["explain", "fed", "--cluster", "east", "Secret/app/creds"]
            : ["explain", "fed", "--cluster", "east", "Secret/app/creds", "--field", field];
        var (exit, output, error) = cli.Run(args);
        Assert.True(exit == 0, error);
        Assert.Contains("<hidden>", output, StringComparison.Ordinal);
        foreach (var value in new[] { "ZXhwbGFpbi10b2tlbg==", "explain-password-value", "explain-override-value" })
        {
            Assert.DoesNotContain(value, output + error, StringComparison.Ordinal);
        }
    }

    private const string Changing = """
        ---
        apiVersion: types.kubefed.io/v1beta1
        kind: FederatedSecret
        metadata: {name: creds, namespace: app}
        spec:
          template:
            stringData: {password: VALUE}
          placement: {clusterSelector: {}}
        """;

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    public void DiffShowsThatASecretChangedButNotItsValues(string format)
    {
        var cli = With(Changing.Replace("VALUE", "diff-before-value", StringComparison.Ordinal));
        Assert.Equal(0, cli.Run("render", "fed", "-o", "out").Exit);
        cli.FileSystem.Add("/work/fed/app.yaml", Federation + Changing.Replace("VALUE", "diff-after-value", StringComparison.Ordinal));
        var (exit, output, error) = cli.Run("diff", "fed", "-o", "out", "--format", format);
        Assert.Equal(1, exit);
        Assert.Contains("secret-creds.yaml", output, StringComparison.Ordinal);
        Assert.Contains("sha256:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("diff-before-value", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("diff-after-value", output + error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: \"Secret\"\nmetadata: {name: creds, namespace: apps}\nstringData: {password: committed-value}\n")]
    [InlineData("{apiVersion: v1, kind: Secret, metadata: {name: creds, namespace: apps}, stringData: {password: committed-value}}\n")]
    [InlineData("apiVersion: v1\r\nkind: Secret\r\nmetadata: {name: creds, namespace: apps}\r\nstringData: {password: committed-value}\r\n")]
    [InlineData("kind: Secret\nstringData: {password: committed-value\n")]
    public void DiffHidesTheValuesOfACommittedSecretHoweverItIsWritten(string committed)
    {
        var cli = With(Changing.Replace("VALUE", "rendered-value", StringComparison.Ordinal));
        Assert.Equal(0, cli.Run("render", "fed", "-o", "out").Exit);
        var secret = Assert.Single(cli.FileSystem.Files.Keys, f => f.StartsWith("/work/out/", StringComparison.Ordinal) && f.EndsWith("secret-creds.yaml", StringComparison.Ordinal));
        cli.FileSystem.Add(secret, committed);
        var (exit, output, error) = cli.Run("diff", "fed", "-o", "out");
        Assert.Equal(1, exit);
        Assert.Contains("secret-creds.yaml", output, StringComparison.Ordinal);
        Assert.DoesNotContain("committed-value", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("rendered-value", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void PreviewShowsNoSecretValue()
    {
        var cli = With(Changing.Replace("VALUE", "preview-secret-value", StringComparison.Ordinal));
        var (exit, _, error) = cli.Run("preview", "fed", "--output", "preview.html");
        Assert.True(exit == 0, error);
        var html = cli.FileSystem.Text("/work/preview.html");
        Assert.Contains("creds", html, StringComparison.Ordinal);
        Assert.DoesNotContain("preview-secret-value", html + error, StringComparison.Ordinal);
        Assert.Contains("sha256:", html, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyRenderToStdoutPrintsValues()
    {
        var cli = With(Changing.Replace("VALUE", "stdout-secret-value", StringComparison.Ordinal));
        var (exit, output, error) = cli.Run("render", "fed", "--cluster", "east", "--stdout");
        Assert.Equal(0, exit);
        Assert.Contains("stdout-secret-value", output, StringComparison.Ordinal);
        Assert.DoesNotContain("FR5050", error, StringComparison.Ordinal);
    }

    [Fact]
    public void APlainSecretInTheTreeIsAWarningNamingTheFileAndStrictMakesItAnError()
    {
        var cli = With(Changing.Replace("VALUE", "tree-secret-value", StringComparison.Ordinal));
        var (exit, _, error) = cli.Run("render", "fed", "-o", "out");
        Assert.Equal(0, exit);
        Assert.Contains("warning FR5050", error, StringComparison.Ordinal);
        Assert.Contains("east/app/secret-creds.yaml", error, StringComparison.Ordinal);
        var strict = cli.Run("render", "fed", "-o", "strict-out", "--strict");
        Assert.Equal(1, strict.Exit);
        Assert.Contains("error FR5050", strict.Error, StringComparison.Ordinal);
        Assert.False(cli.FileSystem.FileExists("/work/strict-out/east/app/secret-creds.yaml"));
    }

    [Fact]
    public void SecretsOmitLeavesThemOutOfTheTreeAndListsThem()
    {
        var cli = With(Changing.Replace("VALUE", "omit-secret-value", StringComparison.Ordinal));
        var (exit, _, error) = cli.Run("render", "fed", "-o", "out", "--secrets", "omit");
        Assert.True(exit == 0, error);
        Assert.DoesNotContain("FR5050", error, StringComparison.Ordinal);
        Assert.Contains("1 Secret left out (--secrets omit): east/app/secret-creds.yaml", error, StringComparison.Ordinal);
        Assert.False(cli.FileSystem.FileExists("/work/out/east/app/secret-creds.yaml"));
        Assert.DoesNotContain("secret-creds", cli.FileSystem.Text("/work/out/east/kustomization.yaml"), StringComparison.Ordinal);
        Assert.Equal(0, cli.Run("check", "fed", "-o", "out", "--secrets", "omit").Exit);
    }
}
