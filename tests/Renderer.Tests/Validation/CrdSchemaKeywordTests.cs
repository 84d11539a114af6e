using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Validation;
using Renderer.Tests.Support;

namespace Renderer.Tests.Validation;

/// <summary>The structural-schema keywords of CRDs, on the published CRDs of tests/data/crds and on small schemas.</summary>
public sealed class CrdSchemaKeywordTests
{
    private static CompiledSchema Real(string file, string version)
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "data", "crds", file);
        var (documents, diagnostics) = YamlLoader.Load(new SourceFile(file, File.ReadAllBytes(path)));
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        var versions = documents.Single(d => d.Root is not null).Root.Get("spec").Get("versions") as JsonArray ?? [];
        var openApi = versions.Single(v => (string?)v.Get("name") == version).Get("schema").Get("openAPIV3Schema") as JsonObject ?? [];
        return CompiledSchema.Compile(CustomResourceSchemas.Convert(openApi, isRoot: true));
    }

    private static IReadOnlyList<Finding> Check(CompiledSchema schema, string yaml)
    {
        var (documents, _) = YamlLoader.Load(SourceFile.FromText("o.yaml", yaml));
        return SchemaValidator.Validate(schema, documents[0].Root ?? new JsonObject());
    }

    private static CompiledSchema Small(string openApiYaml)
    {
        var (documents, _) = YamlLoader.Load(SourceFile.FromText("s.yaml", openApiYaml));
        return CompiledSchema.Compile(CustomResourceSchemas.Convert(documents[0].Root as JsonObject ?? [], isRoot: true));
    }

    [Fact]
    public void CertManagerCertificateChecksEnumFormatAndPattern()
    {
        var schema = Real("cert-manager.io_certificates.yaml", "v1");
        Assert.Empty(Check(schema, "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: c}\nspec: {secretName: s, issuerRef: {name: i}, privateKey: {algorithm: RSA}, revisionHistoryLimit: 3}\n"));
        var findings = Check(schema, "spec: {secretName: s, issuerRef: {name: i}, privateKey: {algorithm: DSA}, revisionHistoryLimit: 3000000000, renewal: {windows: [{cron: '', windowDuration: 2 hours}]}}\n");
        Assert.Equal(
            [(FindingRule.IntegerFormat, "/spec/revisionHistoryLimit"), (FindingRule.Length, "/spec/renewal/windows/0/cron"), (FindingRule.NotAllowed, "/spec/privateKey/algorithm"), (FindingRule.Pattern, "/spec/renewal/windows/0/windowDuration")],
            findings.Select(f => (f.Rule, f.Pointer)).OrderBy(f => f.Pointer, StringComparer.Ordinal).OrderBy(f => f.Rule.ToString(), StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void PrometheusRuleGroupsAreAListKeyedByName()
    {
        var schema = Real("monitoring.coreos.com_prometheusrules.yaml", "v1");
        Assert.Empty(Check(schema, "spec: {groups: [{name: a, rules: [{alert: x, expr: up == 0, for: 5m}]}, {name: b, rules: [{record: r, expr: 1}]}]}\n"));
        var findings = Check(schema, "spec: {groups: [{name: a, interval: 1 minute}, {name: a}]}\n");
        Assert.Contains(findings, f => f.Rule == FindingRule.Duplicate && f.Pointer == "/spec/groups/1");
        Assert.Contains(findings, f => f.Rule == FindingRule.Pattern && f.Pointer == "/spec/groups/0/interval");
    }

    [Fact]
    public void PrometheusRuleExprIsIntOrString()
    {
        var schema = Real("monitoring.coreos.com_prometheusrules.yaml", "v1");
        var finding = Assert.Single(Check(schema, "spec: {groups: [{name: a, rules: [{alert: x, expr: [up]}]}]}\n"));
        Assert.Equal(FindingRule.WrongType, finding.Rule);
    }

    [Fact]
    public void ArgoCdApplicationChecksRequiredFormatsAndPreservesUnknownFields()
    {
        var schema = Real("argoproj.io_applications.yaml", "v1alpha1");
        Assert.Empty(Check(schema, "metadata: {name: a}\nspec: {project: default, destination: {server: https://k}, source: {repoURL: https://g, helm: {valuesObject: {anything: {goes: 1}}}}, syncPolicy: {retry: {limit: 5}}}\n"));
        var findings = Check(schema, "metadata: {name: a}\nspec: {project: default, source: {repoURL: https://g}, syncPolicy: {retry: {limit: 1.5}}}\n");
        Assert.Contains(findings, f => f.Rule == FindingRule.MissingField && f.Message.Contains("destination", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Rule == FindingRule.WrongType && f.Pointer == "/spec/syncPolicy/retry/limit");
    }

    [Theory]
    [InlineData("minimum: 1", "3", null)]
    [InlineData("minimum: 1", "0", FindingRule.Range)]
    [InlineData("{minimum: 1, exclusiveMinimum: true}", "1", FindingRule.Range)]
    [InlineData("{maximum: 10, exclusiveMaximum: true}", "10", FindingRule.Range)]
    [InlineData("maximum: 10", "10", null)]
    [InlineData("multipleOf: 5", "12", FindingRule.Range)]
    [InlineData("multipleOf: 5", "15", null)]
    [InlineData("{format: int32}", "2147483648", FindingRule.IntegerFormat)]
    [InlineData("{format: int64}", "9223372036854775807", null)]
    [InlineData("{format: int64}", "9223372036854775808", FindingRule.IntegerFormat)]
    [InlineData("enum: [1, 2]", "3", FindingRule.NotAllowed)]
    [InlineData("enum: [1, 2]", "2", null)]
    public void NumberKeywords(string keyword, string value, FindingRule? expected)
    {
        var schema = Small($"type: object\nproperties:\n  n: {{type: integer, {keyword.Trim('{', '}')}}}\n");
        var findings = Check(schema, $"n: {value}\n");
        if (expected is null) Assert.Empty(findings);
        else Assert.Equal(expected, Assert.Single(findings).Rule);
    }

    [Theory]
    [InlineData("pattern: '^[a-z]+$'", "abc", null)]
    [InlineData("pattern: '^[a-z]+$'", "ab1", FindingRule.Pattern)]
    [InlineData("minLength: 3", "ab", FindingRule.Length)]
    [InlineData("maxLength: 3", "héllo", FindingRule.Length)]
    [InlineData("maxLength: 5", "héllo", null)]
    [InlineData("format: date-time", "2024-05-01T12:00:00Z", null)]
    [InlineData("format: date-time", "yesterday", FindingRule.Format)]
    [InlineData("format: uuid", "123e4567-e89b-12d3-a456-426614174000", null)]
    [InlineData("format: byte", "not base64!", FindingRule.Format)]
    [InlineData("format: cidr", "10.0.0.0/8", null)]
    [InlineData("format: ipv4", "10.0.0", FindingRule.Format)]
    [InlineData("format: something-else", "anything", null)]
    public void StringKeywords(string keyword, string value, FindingRule? expected)
    {
        var schema = Small($"type: object\nproperties:\n  s: {{type: string, {keyword}}}\n");
        var findings = Check(schema, $"s: \"{value}\"\n");
        if (expected is null) Assert.Empty(findings);
        else Assert.Equal(expected, Assert.Single(findings).Rule);
    }

    [Theory]
    [InlineData("{type: array, minItems: 2, items: {type: string}}", "[a]", FindingRule.Count)]
    [InlineData("{type: array, maxItems: 1, items: {type: string}}", "[a, b]", FindingRule.Count)]
    [InlineData("{type: array, uniqueItems: true, items: {type: string}}", "[a, a]", FindingRule.Duplicate)]
    [InlineData("{type: array, x-kubernetes-list-type: set, items: {type: integer}}", "[1, 2, 1]", FindingRule.Duplicate)]
    [InlineData("{type: array, x-kubernetes-list-type: atomic, items: {type: integer}}", "[1, 1]", null)]
    [InlineData("{type: array, x-kubernetes-list-type: map, x-kubernetes-list-map-keys: [name, port], items: {type: object, properties: {name: {type: string}, port: {type: integer}}}}", "[{name: a, port: 1}, {name: a, port: 2}]", null)]
    [InlineData("{type: array, x-kubernetes-list-type: map, x-kubernetes-list-map-keys: [name, port], items: {type: object, properties: {name: {type: string}, port: {type: integer}}}}", "[{name: a, port: 1}, {port: 1, name: a}]", FindingRule.Duplicate)]
    [InlineData("{type: object, minProperties: 1, additionalProperties: {type: string}}", "{}", FindingRule.Count)]
    [InlineData("{type: object, maxProperties: 1, additionalProperties: {type: string}}", "{a: x, b: q}", FindingRule.Count)]
    [InlineData("{type: object, additionalProperties: {type: integer}}", "{a: x}", FindingRule.WrongType)]
    [InlineData("{type: object, properties: {a: {type: string}}}", "{b: x}", FindingRule.UnknownField)]
    [InlineData("{type: object, x-kubernetes-preserve-unknown-fields: true, properties: {a: {type: string}}}", "{b: x}", null)]
    [InlineData("{x-kubernetes-int-or-string: true}", "8080", null)]
    [InlineData("{x-kubernetes-int-or-string: true}", "true", FindingRule.WrongType)]
    [InlineData("{type: object, properties: {a: {type: string}, b: {type: string}}, oneOf: [{required: [a]}, {required: [b]}]}", "{a: x, b: q}", FindingRule.Composition)]
    [InlineData("{type: object, properties: {a: {type: string}, b: {type: string}}, oneOf: [{required: [a]}, {required: [b]}]}", "{}", FindingRule.Composition)]
    [InlineData("{type: object, properties: {a: {type: string}, b: {type: string}}, oneOf: [{required: [a]}, {required: [b]}]}", "{b: q}", null)]
    [InlineData("{type: object, properties: {a: {type: string}, b: {type: string}}, anyOf: [{required: [a]}, {required: [b]}]}", "{a: x, b: q}", null)]
    [InlineData("{type: object, properties: {a: {type: string}, b: {type: string}}, anyOf: [{required: [a]}, {required: [b]}]}", "{}", FindingRule.Composition)]
    [InlineData("{type: object, properties: {a: {type: string}}, allOf: [{properties: {a: {maxLength: 1}}}]}", "{a: xy}", FindingRule.Length)]
    [InlineData("{type: object, properties: {a: {type: string}}, not: {required: [a]}}", "{a: x}", FindingRule.Composition)]
    [InlineData("{type: object, properties: {a: {type: string}}, not: {required: [a]}}", "{}", null)]
    public void CollectionAndCompositionKeywords(string property, string value, FindingRule? expected)
    {
        var schema = Small($"type: object\nproperties:\n  v: {property}\n");
        var findings = Check(schema, $"v: {value}\n");
        if (expected is null) Assert.Empty(findings);
        else Assert.Equal(expected, Assert.Single(findings).Rule);
    }

    [Fact]
    public void NullableRequiredFieldMayBeNull()
    {
        var nullable = Small("type: object\nrequired: [a]\nproperties:\n  a: {type: string, nullable: true}\n");
        var plain = Small("type: object\nrequired: [a]\nproperties:\n  a: {type: string}\n");
        Assert.Empty(Check(nullable, "a: null\n"));
        Assert.Equal(FindingRule.MissingField, Assert.Single(Check(plain, "a: null\n")).Rule);
    }

    [Fact]
    public void CrdKeywordFindingsBecomeTheirOwnCodes()
    {
        var golden = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "golden", "crd-real-schemas", "expected", "diagnostics.txt"));
        foreach (var code in new[] { "FR7007", "FR7009", "FR7010", "FR7013" }) Assert.Contains(code, golden, StringComparison.Ordinal);
        Assert.DoesNotContain(golden.Split('\n'), l => l.Contains(Severity.Warning.ToString(), StringComparison.Ordinal) && l.Contains("FR7006", StringComparison.Ordinal));
    }
}
