using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;

namespace Renderer.Core.Validation;

/// <summary>
/// Turns the <c>openAPIV3Schema</c> of each served version of a CustomResourceDefinition into the schema
/// subset the validator checks: <c>x-kubernetes-int-or-string</c> becomes an integer-or-string type,
/// <c>x-kubernetes-preserve-unknown-fields</c> allows unknown fields, every other object with properties
/// rejects unknown fields (as <c>kubectl --validate=strict</c>), and metadata is left to the API server.
/// </summary>
public static class CustomResourceSchemas
{
    public static SchemaCatalog Catalog(IReadOnlyList<SourceDocument> definitions, List<Diagnostic> diagnostics)
    {
        var catalog = new SchemaCatalog();
        foreach (var document in definitions)
        {
            var spec = document.Root.Get("spec");
            if (!JsonKinds.IsString(spec.Get("group"), out var group) || !JsonKinds.IsString(spec.Get("names").Get("kind"), out var kind)) continue;
            foreach (var version in spec.Get("versions") as JsonArray ?? [])
            {
                if (version.Get("schema").Get("openAPIV3Schema") is not JsonObject openApi || !JsonKinds.IsString(version.Get("name"), out var name)) continue;
                var schema = Convert(openApi, isRoot: true);
                catalog.Register(group + "/" + name, kind, schema);
            }
        }

        return catalog;
    }

    /// <summary>The apiVersions (<c>group/version</c>) each CRD declares for its kind, by (group, kind).</summary>
    public static IReadOnlyDictionary<(string Group, string Kind), IReadOnlySet<string>> DeclaredVersions(IReadOnlyList<SourceDocument> definitions)
    {
        var result = new Dictionary<(string Group, string Kind), IReadOnlySet<string>>();
        foreach (var document in definitions)
        {
            var spec = document.Root.Get("spec");
            if (!JsonKinds.IsString(spec.Get("group"), out var group) || !JsonKinds.IsString(spec.Get("names").Get("kind"), out var kind)) continue;
            var versions = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var version in spec.Get("versions") as JsonArray ?? [])
            {
                if (JsonKinds.IsString(version.Get("name"), out var name)) versions.Add(group + "/" + name);
            }

            result[(group, kind)] = versions;
        }

        return result;
    }

    /// <summary>Value keywords copied as they are: the API server applies each of them to custom resources.</summary>
    private static readonly string[] Kept =
    [
        "required", "enum", "pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "nullable",
        "x-kubernetes-list-type", "x-kubernetes-list-map-keys",
    ];

    /// <param name="validationOnly">Inside allOf, anyOf, oneOf and not: the clause only validates, so unknown fields are not rejected there.</param>
    public static JsonObject Convert(JsonObject openApi, bool isRoot = false, bool validationOnly = false)
    {
        var result = new JsonObject();
        var preserve = validationOnly || openApi["x-kubernetes-preserve-unknown-fields"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
        if (openApi["x-kubernetes-int-or-string"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
        {
            result["type"] = new JsonArray("integer", "string");
        }
        else if (openApi["type"] is JsonValue type)
        {
            result["type"] = type.DeepClone();
        }

        if (openApi["properties"] is JsonObject properties)
        {
            var converted = new JsonObject();
            foreach (var (name, property) in properties)
            {
                if (property is JsonObject child) converted[name] = Convert(child, validationOnly: validationOnly);
            }

            if (isRoot)
            {
                converted["apiVersion"] = new JsonObject { ["type"] = "string" };
                converted["kind"] = new JsonObject { ["type"] = "string" };
                converted["metadata"] = new JsonObject { ["type"] = "object" };
            }

            result["properties"] = converted;
            if (!preserve && openApi["additionalProperties"] is null) result["additionalProperties"] = false;
        }

        switch (openApi["additionalProperties"])
        {
            case JsonObject additional:
                result["additionalProperties"] = Convert(additional, validationOnly: validationOnly);
                break;
            case JsonValue flag:
                result["additionalProperties"] = flag.DeepClone();
                break;
        }

        if (openApi["items"] is JsonObject items) result["items"] = Convert(items, validationOnly: validationOnly);
        foreach (var keyword in Kept)
        {
            if (openApi[keyword] is { } value) result[keyword] = value.DeepClone();
        }

        foreach (var keyword in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (openApi[keyword] is JsonArray clauses) result[keyword] = new JsonArray(clauses.OfType<JsonObject>().Select(c => (JsonNode)Convert(c, validationOnly: true)).ToArray());
        }

        if (openApi["not"] is JsonObject not) result["not"] = Convert(not, validationOnly: true);
        return result;
    }
}
