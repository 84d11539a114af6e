using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Renderer.Core.Input;

namespace Renderer.Core.Validation;

/// <summary>
/// A JSON Schema compiled into a tree of nodes for the subset fedrender's schemas use: <c>$ref</c> into
/// <c>$defs</c>, <c>type</c> (one or several), <c>properties</c>, <c>additionalProperties</c>,
/// <c>required</c>, <c>items</c>, <c>enum</c> and <c>pattern</c>. Definitions are shared, so recursive
/// schemas compile to cycles.
/// </summary>
public sealed class CompiledSchema
{
    [Flags]
    public enum Types
    {
        None = 0,
        Object = 1,
        Array = 2,
        String = 4,
        Integer = 8,
        Number = 16,
        Boolean = 32,
        Any = Object | Array | String | Integer | Number | Boolean,
    }

    public Types Allowed { get; private set; } = Types.Any;

    public string? Definition { get; private set; }

    public IReadOnlyDictionary<string, CompiledSchema>? Properties { get; private set; }

    /// <summary>The schema of keys not in <see cref="Properties"/>; null means they are not allowed.</summary>
    public CompiledSchema? AdditionalProperties { get; private set; }

    public bool AdditionalAllowed { get; private set; } = true;

    public IReadOnlyList<string> Required { get; private set; } = [];

    public CompiledSchema? Items { get; private set; }

    public IReadOnlyList<string>? Enum { get; private set; }

    public Regex? Pattern { get; private set; }

    public static CompiledSchema Compile(JsonObject root)
    {
        var defs = new Dictionary<string, CompiledSchema>(StringComparer.Ordinal);
        var sources = root["$defs"] as JsonObject ?? [];
        foreach (var (name, _) in sources) defs[name] = new CompiledSchema { Definition = name };
        foreach (var (name, source) in sources)
        {
            if (source is JsonObject definition) defs[name].Fill(definition, defs);
        }

        var result = new CompiledSchema();
        result.Fill(root, defs);
        return result;
    }

    private void Fill(JsonObject source, Dictionary<string, CompiledSchema> defs)
    {
        if (JsonKinds.IsString(source["$ref"], out var reference) && reference.StartsWith("#/$defs/", StringComparison.Ordinal)
            && defs.TryGetValue(Pointer.Unescape(reference["#/$defs/".Length..]), out var target))
        {
            CopyFrom(target);
            return;
        }

        Allowed = source["type"] switch
        {
            JsonArray many => many.Select(t => Parse(JsonKinds.IsString(t, out var name) ? name : null)).Aggregate(Types.None, (a, b) => a | b),
            JsonValue one when JsonKinds.IsString(one, out var name) => Parse(name),
            _ => Types.Any,
        };

        if (source["properties"] is JsonObject properties)
        {
            var compiled = new Dictionary<string, CompiledSchema>(StringComparer.Ordinal);
            foreach (var (name, property) in properties) compiled[name] = Child(property, defs);
            Properties = compiled;
        }

        switch (source["additionalProperties"])
        {
            case JsonValue flag when flag.GetValueKind() == System.Text.Json.JsonValueKind.False:
                AdditionalAllowed = false;
                break;
            case JsonObject schema:
                AdditionalProperties = Child(schema, defs);
                break;
        }

        if (source["required"] is JsonArray required) Required = required.Select(r => JsonKinds.IsString(r, out var name) ? name : string.Empty).Where(n => n.Length > 0).ToList();
        if (source["items"] is JsonObject items) Items = Child(items, defs);
        if (source["enum"] is JsonArray values) Enum = values.Select(v => JsonKinds.IsString(v, out var s) ? s : v?.ToJsonString() ?? "null").ToList();
        if (JsonKinds.IsString(source["pattern"], out var pattern)) Pattern = new Regex(pattern, RegexOptions.CultureInvariant);
    }

    /// <summary>A property or item schema: a reference shares the definition's node, anything else is compiled in place.</summary>
    private static CompiledSchema Child(JsonNode? source, Dictionary<string, CompiledSchema> defs)
    {
        if (source is JsonObject { Count: 1 } only && JsonKinds.IsString(only["$ref"], out var reference)
            && defs.TryGetValue(Pointer.Unescape(reference["#/$defs/".Length..]), out var shared))
        {
            return shared;
        }

        var child = new CompiledSchema();
        if (source is JsonObject obj) child.Fill(obj, defs);
        return child;
    }

    private void CopyFrom(CompiledSchema other)
    {
        Allowed = other.Allowed;
        Definition = other.Definition;
        Properties = other.Properties;
        AdditionalProperties = other.AdditionalProperties;
        AdditionalAllowed = other.AdditionalAllowed;
        Required = other.Required;
        Items = other.Items;
        Enum = other.Enum;
        Pattern = other.Pattern;
    }

    private static Types Parse(string? name) => name switch
    {
        "object" => Types.Object,
        "array" => Types.Array,
        "string" => Types.String,
        "integer" => Types.Integer,
        "number" => Types.Number | Types.Integer,
        "boolean" => Types.Boolean,
        _ => Types.None,
    };
}
