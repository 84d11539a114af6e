using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Renderer.Core;
using Renderer.Core.Input;

namespace Renderer.Benchmarks;

/// <summary>Validating the ELK example's workloads against the generated Deployment and StatefulSet schemas.</summary>
[MemoryDiagnoser]
public class SchemaValidationBenchmarks
{
    private List<(string Kind, JsonObject Object)> objects = [];
    private Dictionary<string, Json.Schema.JsonSchema> jsonSchemaNet = [];
    private Dictionary<string, NJsonSchema.JsonSchema> njsonSchema = [];
    private Dictionary<string, Renderer.Core.Validation.CompiledSchema> compiled = [];

    [GlobalSetup]
    public void Setup()
    {
        var root = Repository.Root();
        objects = Workloads(root);
        foreach (var kind in new[] { "Deployment", "StatefulSet" })
        {
            var text = File.ReadAllText(Path.Combine(root, "schemas", "kubernetes", $"apps_v1_{kind.ToLowerInvariant()}.json"));
            jsonSchemaNet[kind] = SchemaCandidates.LoadJsonSchemaNet(text);
            njsonSchema[kind] = SchemaCandidates.LoadNJsonSchema(text);
            compiled[kind] = SchemaCandidates.LoadCompiled(text);
        }
    }

    public static List<(string Kind, JsonObject Object)> Workloads(string root)
    {
        var files = Directory.GetFiles(Path.Combine(root, "examples", "elk"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => SourceFile.FromText(Path.GetFileName(f), File.ReadAllText(f))).ToList();
        var plan = FederationRenderer.Plan(files, RenderOptions.Default);
        return plan.Clusters.SelectMany(c => c.Objects)
            .Where(o => o.Kind is "Deployment" or "StatefulSet")
            .Select(o => (o.Kind, o.Object))
            .ToList();
    }

    [Benchmark(Baseline = true)]
    public int JsonSchemaNet()
    {
        var errors = 0;
        foreach (var (kind, obj) in objects) errors += SchemaCandidates.ValidateJsonSchemaNet(jsonSchemaNet[kind], obj).Count;
        return errors;
    }

    [Benchmark]
    public int NJsonSchema()
    {
        var errors = 0;
        foreach (var (kind, obj) in objects) errors += SchemaCandidates.ValidateNJsonSchema(njsonSchema[kind], obj).Count;
        return errors;
    }

    [Benchmark]
    public int Compiled()
    {
        var errors = 0;
        foreach (var (kind, obj) in objects) errors += SchemaCandidates.ValidateCompiled(compiled[kind], obj).Count;
        return errors;
    }

    [Benchmark]
    public int LoadSchemasCompiled() =>
        Directory.GetFiles(Path.Combine(Repository.Root(), "schemas", "kubernetes")).Sum(f => SchemaCandidates.LoadCompiled(File.ReadAllText(f)).GetHashCode() & 1);

    [Benchmark]
    public int LoadSchemasJsonSchemaNet() =>
        Directory.GetFiles(Path.Combine(Repository.Root(), "schemas", "kubernetes")).Sum(f => SchemaCandidates.LoadJsonSchemaNet(File.ReadAllText(f)).GetHashCode() & 1);

    [Benchmark]
    public int LoadSchemasNJsonSchema() =>
        Directory.GetFiles(Path.Combine(Repository.Root(), "schemas", "kubernetes")).Sum(f => SchemaCandidates.LoadNJsonSchema(File.ReadAllText(f)).GetHashCode() & 1);
}
