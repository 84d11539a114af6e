using System.Text.Json.Nodes;
using Renderer.Core.Input;
using Renderer.Core.Output;
using YamlDotNet.RepresentationModel;

namespace Renderer.Tests.Output;

public sealed class YamlEmitterTests
{
    private static JsonNode? ReadBack(string yaml)
    {
        var (documents, diagnostics) = YamlLoader.Load(SourceFile.FromText("out.yaml", yaml));
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        new YamlStream().Load(new StringReader(yaml));

        // A document that is null means nothing, as kubectl reads it, so the loader does not keep it.
        Assert.True(documents.Count <= 1, yaml);
        return documents.SingleOrDefault()?.Root;
    }

    private static void AssertRoundTrip(JsonNode? node)
    {
        var yaml = YamlEmitter.Emit(node);
        var back = ReadBack(yaml);
        Assert.True(JsonNode.DeepEquals(node, back), $"round trip changed the value:\n{yaml}\nread back as {back?.ToJsonString()}");
    }

    [Fact]
    public void DeploymentLooksLikeWhatAPersonWrites()
    {
        var node = JsonNode.Parse("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"kibana","namespace":"elastic","labels":{"app":"kibana","kubefed.io/managed":"true"}},
             "spec":{"replicas":3,"selector":{"matchLabels":{"app":"kibana"}},"template":{"metadata":{"labels":{"app":"kibana"}},
             "spec":{"containers":[{"name":"kibana","image":"kibana:8.8.0","env":[{"name":"ES_JAVA_OPTS","value":"-Xms1g -Xmx1g"}],
             "ports":[{"containerPort":5601,"name":"http"}],"resources":{"limits":{"cpu":"1000m","memory":"1Gi"}},"args":[],"securityContext":{}}]}}}}
            """);
        Assert.Equal("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: kibana
              namespace: elastic
              labels:
                app: kibana
                kubefed.io/managed: "true"
            spec:
              replicas: 3
              selector:
                matchLabels:
                  app: kibana
              template:
                metadata:
                  labels:
                    app: kibana
                spec:
                  containers:
                  - name: kibana
                    image: kibana:8.8.0
                    env:
                    - name: ES_JAVA_OPTS
                      value: -Xms1g -Xmx1g
                    ports:
                    - containerPort: 5601
                      name: http
                    resources:
                      limits:
                        cpu: 1000m
                        memory: 1Gi
                    args: []
                    securityContext: {}

            """.Replace("\r\n", "\n", StringComparison.Ordinal), YamlEmitter.Emit(node));
        AssertRoundTrip(node);
    }

    [Fact]
    public void MultiLineTextIsALiteralBlockWithTheRightChomping()
    {
        var node = new JsonObject
        {
            ["clip"] = "a: 1\n  b: {{ $labels.cluster }}\n",
            ["strip"] = "line one\nline two",
            ["keep"] = "x\n\n\n",
            ["indented"] = "  starts with spaces\nthen not\n",
        };
        Assert.Equal(
            "clip: |\n  a: 1\n    b: {{ $labels.cluster }}\nstrip: |-\n  line one\n  line two\nkeep: |+\n  x\n\n\nindented: |2\n    starts with spaces\n  then not\n",
            YamlEmitter.Emit(node));
        AssertRoundTrip(node);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("on")]
    [InlineData("y")]
    [InlineData("n")]
    [InlineData("off")]
    [InlineData("true")]
    [InlineData("False")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData("1.0")]
    [InlineData("0755")]
    [InlineData("1e3")]
    [InlineData("0x1F")]
    [InlineData("0o17")]
    [InlineData(".5")]
    [InlineData("+1")]
    [InlineData("1_000")]
    [InlineData(".inf")]
    [InlineData(".nan")]
    [InlineData("2001-12-14")]
    [InlineData("190:20:30")]
    [InlineData("<<")]
    [InlineData("=")]
    [InlineData("{{ $labels.cluster }}")]
    [InlineData("%{[metadata][region]}")]
    [InlineData("- item")]
    [InlineData("key: value")]
    [InlineData("a #comment")]
    [InlineData(" leading")]
    [InlineData("trailing ")]
    [InlineData("ends:")]
    [InlineData("*alias")]
    [InlineData("&anchor")]
    [InlineData("!tag")]
    [InlineData("@at")]
    [InlineData("`tick")]
    [InlineData("'single'")]
    [InlineData("\"double\"")]
    [InlineData("---")]
    [InlineData("tab\tinside")]
    [InlineData("bell\u0007")]
    [InlineData("crlf\r\nline")]
    public void AmbiguousStringsAreQuotedAndReadBackUnchanged(string value)
    {
        var yaml = YamlEmitter.Emit(new JsonObject { ["v"] = value });
        Assert.StartsWith("v: \"", yaml, StringComparison.Ordinal);
        AssertRoundTrip(new JsonObject { ["v"] = value, [value] = "as a key" });
    }

    [Theory]
    [InlineData("${REGION}")]
    [InlineData("-Xms1g -Xmx1g")]
    [InlineData("https://elasticsearch-master.elastic.svc.cluster.local:9200")]
    [InlineData("docker.elastic.co/elasticsearch/elasticsearch:8.8.0")]
    [InlineData("0 1 * * *")]
    [InlineData("1000m")]
    [InlineData("100Gi")]
    [InlineData("Zürich ☃")]
    [InlineData("/_cluster/health?local=true")]
    public void OrdinaryStringsStayPlain(string value)
    {
        Assert.Equal($"v: {value}\n", YamlEmitter.Emit(new JsonObject { ["v"] = value }));
        AssertRoundTrip(new JsonObject { ["v"] = value });
    }

    [Theory]
    [InlineData("3", "3")]
    [InlineData("-7", "-7")]
    [InlineData("18446744073709551615", "18446744073709551615")]
    [InlineData("1.5", "1.5")]
    [InlineData("0.1", "0.1")]
    [InlineData("1e21", "1e+21")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("123456789012345678", "123456789012345678")]
    public void NumbersArePrintedAsGoPrintsThem(string json, string expected)
    {
        var node = new JsonObject { ["num"] = JsonNode.Parse(json) };
        Assert.Equal($"num: {expected}\n", YamlEmitter.Emit(node));
        AssertRoundTrip(node);
    }

    [Fact]
    public void NestedSequencesAndEmptyCollectionsRoundTrip()
    {
        AssertRoundTrip(JsonNode.Parse("""{"a":[[1,2],[],[{"x":[]}],{}],"b":{"c":{"d":null}},"e":[null,true,false,"x\ny"]}"""));
        AssertRoundTrip(JsonNode.Parse("""[{"a":1},[{"b":"two\nlines\n"}]]"""));
    }

    [Fact]
    public void RandomDocumentsRoundTrip()
    {
        var random = new Random(20261124);
        string[] atoms = ["yes", "no", "", " ", "a: b", "#", "x", "-", "1", "0.5", "null", "|", ">", "'", "\"", "\\", "\t", "\n", "\r", "é", "{", "}", "[", "]", ",", "~", "*", "&", "!", "%", "@", "`", "---", "...", "<<", "0x", "e3", ":", "?"];
        for (var i = 0; i < 400; i++)
        {
            AssertRoundTrip(Generate(random, atoms, 0));
        }
    }

    private static JsonNode? Generate(Random random, string[] atoms, int depth)
    {
        var choice = random.Next(depth > 3 ? 4 : 7);
        switch (choice)
        {
            case 0:
                return JsonValue.Create(string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => atoms[random.Next(atoms.Length)])));
            case 1:
                return JsonValue.Create((long)random.Next(-1000, 1000));
            case 2:
                return random.Next(3) switch { 0 => null, 1 => JsonValue.Create(true), _ => JsonValue.Create(random.NextDouble() * 100) };
            case 3:
                return JsonValue.Create(string.Join("\n", Enumerable.Range(0, random.Next(1, 4)).Select(_ => atoms[random.Next(atoms.Length)] + "text")) + new string('\n', random.Next(3)));
            case 4 or 5:
                var obj = new JsonObject();
                for (var k = random.Next(4); k > 0; k--) obj[atoms[random.Next(atoms.Length)] + k] = Generate(random, atoms, depth + 1);
                return obj;
            default:
                var array = new JsonArray();
                for (var k = random.Next(4); k > 0; k--) array.Add(Generate(random, atoms, depth + 1));
                return array;
        }
    }
}
