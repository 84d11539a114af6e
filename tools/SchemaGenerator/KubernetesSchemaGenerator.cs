using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Renderer.Core.Model;

namespace SchemaGenerator;

/// <summary>
/// Generates one JSON Schema per built-in kind from KubernetesClient's model classes (field names and types)
/// and the overlay data file (required fields, enumerations, free-form fields the models do not carry).
/// Unknown fields are rejected (additionalProperties: false) except in maps and free-form fields.
/// </summary>
public static class KubernetesSchemaGenerator
{
    private static readonly Assembly Models = typeof(k8s.Models.V1Pod).Assembly;

    /// <summary>File name (relative to schemas/kubernetes) → schema text, for every kind of the built-in type table.</summary>
    public static SortedDictionary<string, string> Generate(string overlayPath)
    {
        var overlay = JsonNode.Parse(File.ReadAllText(overlayPath))?.AsObject() ?? throw new InvalidDataException(overlayPath);
        var required = overlay["required"]?.AsObject() ?? [];
        var enums = overlay["enums"]?.AsObject() ?? [];
        var freeForm = (overlay["freeForm"]?.AsArray() ?? []).Select(n => (string?)n).ToHashSet(StringComparer.Ordinal);
        var bounds = (overlay["minimum"]?.AsObject() ?? [], overlay["maximum"]?.AsObject() ?? []);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var target in BuiltInTypes.All)
        {
            var model = ModelFor(target) ?? throw new InvalidOperationException($"no KubernetesClient model for {target.ApiVersion} {target.Kind}");
            var definitions = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
            var context = new Context(required, enums, freeForm, bounds, definitions);
            var root = context.Reference(model);
            var schema = new JsonObject
            {
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                ["$id"] = $"https://fedrender.dev/schemas/kubernetes/{FileName(target)}",
                ["title"] = $"{target.ApiVersion} {target.Kind}",
                ["$ref"] = root["$ref"]?.DeepClone(),
                ["$defs"] = new JsonObject(definitions.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value))),
            };
            files[FileName(target)] = schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
        }

        return files;
    }

    public static string FileName(TargetType target) =>
        (target.Group.Length == 0 ? "core" : target.Group) + "_" + target.Version + "_" + target.Kind.ToLowerInvariant() + ".json";

    private static Type? ModelFor(TargetType target)
    {
        var prefix = char.ToUpperInvariant(target.Version[0]) + target.Version[1..];
        return Models.GetType($"k8s.Models.{prefix}{target.Kind}");
    }

    private sealed class Context(JsonObject required, JsonObject enums, HashSet<string?> freeForm, (JsonObject Minimum, JsonObject Maximum) bounds, SortedDictionary<string, JsonNode> definitions)
    {
        public JsonObject Reference(Type model)
        {
            var name = model.Name;
            if (!definitions.ContainsKey(name))
            {
                definitions[name] = new JsonObject();
                definitions[name] = freeForm.Contains(name) ? new JsonObject { ["type"] = "object" } : Object(model);
            }

            return new JsonObject { ["$ref"] = "#/$defs/" + name };
        }

        private JsonObject Object(Type model)
        {
            var properties = new JsonObject();
            foreach (var property in model.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => JsonName(p), StringComparer.Ordinal))
            {
                var jsonName = JsonName(property);
                if (jsonName is null) continue;
                var schema = Schema(property.PropertyType);
                if (enums[$"{model.Name}.{jsonName}"] is JsonArray values) schema["enum"] = values.DeepClone();
                if (bounds.Minimum[$"{model.Name}.{jsonName}"] is JsonValue minimum) schema["minimum"] = minimum.DeepClone();
                if (bounds.Maximum[$"{model.Name}.{jsonName}"] is JsonValue maximum) schema["maximum"] = maximum.DeepClone();
                properties[jsonName] = schema;
            }

            var result = new JsonObject { ["type"] = "object", ["properties"] = properties, ["additionalProperties"] = false };
            if (required[model.Name] is JsonArray fields && fields.Count > 0) result["required"] = fields.DeepClone();
            return result;
        }

        private JsonObject Schema(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type == typeof(string) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(byte[])) return new JsonObject { ["type"] = "string" };
            if (type == typeof(bool)) return new JsonObject { ["type"] = "boolean" };
            if (type == typeof(int)) return new JsonObject { ["type"] = "integer", ["format"] = "int32" };
            if (type == typeof(long)) return new JsonObject { ["type"] = "integer", ["format"] = "int64" };
            if (type == typeof(double) || type == typeof(float) || type == typeof(decimal)) return new JsonObject { ["type"] = "number" };
            if (type == typeof(object)) return new JsonObject();
            if (type.Name == "IntOrString" || type.Name == "IntstrIntOrString") return new JsonObject { ["type"] = new JsonArray("integer", "string") };
            if (type.Name == "ResourceQuantity") return new JsonObject { ["type"] = new JsonArray("string", "number"), ["pattern"] = Renderer.Core.Validation.Quantity.PatternText };
            if (type.IsGenericType && type.GetGenericTypeDefinition() is var generic)
            {
                var arguments = type.GetGenericArguments();
                if (generic == typeof(IDictionary<,>) || generic == typeof(Dictionary<,>))
                {
                    return new JsonObject { ["type"] = "object", ["additionalProperties"] = Schema(arguments[1]) };
                }

                if (typeof(IEnumerable).IsAssignableFrom(type)) return new JsonObject { ["type"] = "array", ["items"] = Schema(arguments[0]) };
            }

            if (type.IsClass && type.Namespace == "k8s.Models") return Reference(type);
            throw new InvalidOperationException($"no schema mapping for {type.FullName}");
        }

        private static string? JsonName(PropertyInfo property) => property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
    }
}
