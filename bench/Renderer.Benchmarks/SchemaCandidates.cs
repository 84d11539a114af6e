using System.Text.Json;
using System.Text.Json.Nodes;

namespace Renderer.Benchmarks;

/// <summary>The two validator libraries under comparison, each given the same generated schema and the same objects.</summary>
public static class SchemaCandidates
{
    public static Json.Schema.JsonSchema LoadJsonSchemaNet(string schemaText) =>
        Json.Schema.JsonSchema.FromText(schemaText, new Json.Schema.BuildOptions { SchemaRegistry = new Json.Schema.SchemaRegistry() });

    public static Renderer.Core.Validation.CompiledSchema LoadCompiled(string schemaText) =>
        Renderer.Core.Validation.CompiledSchema.Compile(JsonNode.Parse(schemaText)?.AsObject() ?? []);

    public static IReadOnlyList<string> ValidateCompiled(Renderer.Core.Validation.CompiledSchema schema, JsonNode obj) =>
        Renderer.Core.Validation.SchemaValidator.Validate(schema, obj).Select(f => $"{f.Pointer}: {f.Message}").ToList();

    public static IReadOnlyList<string> ValidateJsonSchemaNet(Json.Schema.JsonSchema schema, JsonNode obj)
    {
        using var document = JsonDocument.Parse(obj.ToJsonString());
        var results = schema.Evaluate(document.RootElement, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
        if (results.IsValid) return [];
        return (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .ToList();
    }

    /// <summary>NJsonSchema resolves draft-07 "definitions" but not 2020-12 "$defs", so it gets the same schema in draft-07 form.</summary>
    public static NJsonSchema.JsonSchema LoadNJsonSchema(string schemaText) =>
        NJsonSchema.JsonSchema.FromJsonAsync(schemaText
            .Replace("\"$defs\"", "\"definitions\"", StringComparison.Ordinal)
            .Replace("#/$defs/", "#/definitions/", StringComparison.Ordinal)
            .Replace("https://json-schema.org/draft/2020-12/schema", "http://json-schema.org/draft-07/schema#", StringComparison.Ordinal)).GetAwaiter().GetResult();

    public static IReadOnlyList<string> ValidateNJsonSchema(NJsonSchema.JsonSchema schema, JsonNode obj) =>
        schema.Validate(obj.ToJsonString()).Select(e => $"{e.Path}: {e.Kind}").ToList();
}
