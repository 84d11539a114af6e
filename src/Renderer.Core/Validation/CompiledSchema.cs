using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Renderer.Core.Input;

namespace Renderer.Core.Validation;

/// <summary>
/// A JSON Schema compiled into a tree of nodes for the subset Kubernetes applies: <c>$ref</c> into
/// <c>$defs</c>, <c>type</c> (one or several), <c>properties</c>, <c>additionalProperties</c>,
/// <c>required</c>, <c>items</c>, <c>enum</c>, <c>pattern</c>, <c>format</c>, <c>minimum</c>/<c>maximum</c>
/// (exclusive as OpenAPI v3 booleans or JSON Schema numbers), <c>multipleOf</c>, <c>minLength</c>/<c>maxLength</c>,
/// <c>minItems</c>/<c>maxItems</c>, <c>uniqueItems</c>, <c>minProperties</c>/<c>maxProperties</c>, <c>nullable</c>,
/// <c>x-kubernetes-list-type</c> with <c>x-kubernetes-list-map-keys</c>, and <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>/<c>not</c>.
/// Definitions are shared, so recursive schemas compile to cycles.
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

    /// <summary>Patterns come from input CRDs: they run in linear time (no backtracking) and are compiled once.</summary>
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    public Types Allowed { get; private set; } = Types.Any;

    public string? Definition { get; private set; }

    public IReadOnlyDictionary<string, CompiledSchema>? Properties { get; private set; }

    /// <summary>The schema of keys not in <see cref="Properties"/>; null means they are not allowed.</summary>
    public CompiledSchema? AdditionalProperties { get; private set; }

    public bool AdditionalAllowed { get; private set; } = true;

    public IReadOnlyList<string> Required { get; private set; } = [];

    public CompiledSchema? Items { get; private set; }

    /// <summary>Allowed values: strings as they are, anything else as its JSON text.</summary>
    public IReadOnlyList<string>? Enum { get; private set; }

    public Regex? Pattern { get; private set; }

    public string? PatternText { get; private set; }

    public string? Format { get; private set; }

    public decimal? Minimum { get; private set; }

    public bool ExclusiveMinimum { get; private set; }

    public decimal? Maximum { get; private set; }

    public bool ExclusiveMaximum { get; private set; }

    public decimal? MultipleOf { get; private set; }

    public int? MinLength { get; private set; }

    public int? MaxLength { get; private set; }

    public int? MinItems { get; private set; }

    public int? MaxItems { get; private set; }

    public bool UniqueItems { get; private set; }

    public int? MinProperties { get; private set; }

    public int? MaxProperties { get; private set; }

    /// <summary>A null value is a value (kept and valid), not an absent field.</summary>
    public bool Nullable { get; private set; }

    /// <summary><c>x-kubernetes-list-type</c>: atomic, set or map.</summary>
    public string? ListType { get; private set; }

    public IReadOnlyList<string> ListMapKeys { get; private set; } = [];

    public IReadOnlyList<CompiledSchema> AllOf { get; private set; } = [];

    public IReadOnlyList<CompiledSchema> AnyOf { get; private set; } = [];

    public IReadOnlyList<CompiledSchema> OneOf { get; private set; } = [];

    public CompiledSchema? Not { get; private set; }

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
            case JsonValue flag when flag.GetValueKind() == JsonValueKind.False:
                AdditionalAllowed = false;
                break;
            case JsonObject schema:
                AdditionalProperties = Child(schema, defs);
                break;
        }

        if (source["required"] is JsonArray required) Required = required.Select(r => JsonKinds.IsString(r, out var name) ? name : string.Empty).Where(n => n.Length > 0).ToList();
        if (source["items"] is JsonObject items) Items = Child(items, defs);
        if (source["enum"] is JsonArray values) Enum = values.Select(v => JsonKinds.IsString(v, out var s) ? s : v?.ToJsonString() ?? "null").ToList();
        if (JsonKinds.IsString(source["pattern"], out var pattern)) CompilePattern(pattern);
        if (JsonKinds.IsString(source["format"], out var format)) Format = format;
        Minimum = Number(source["minimum"]);
        Maximum = Number(source["maximum"]);
        (ExclusiveMinimum, Minimum) = Exclusive(source["exclusiveMinimum"], Minimum);
        (ExclusiveMaximum, Maximum) = Exclusive(source["exclusiveMaximum"], Maximum);
        MultipleOf = Number(source["multipleOf"]) is > 0 and var step ? step : null;
        MinLength = Count(source["minLength"]);
        MaxLength = Count(source["maxLength"]);
        MinItems = Count(source["minItems"]);
        MaxItems = Count(source["maxItems"]);
        MinProperties = Count(source["minProperties"]);
        MaxProperties = Count(source["maxProperties"]);
        UniqueItems = source["uniqueItems"]?.GetValueKind() == JsonValueKind.True;
        Nullable = source["nullable"]?.GetValueKind() == JsonValueKind.True;
        if (JsonKinds.IsString(source["x-kubernetes-list-type"], out var listType)) ListType = listType;
        if (source["x-kubernetes-list-map-keys"] is JsonArray keys) ListMapKeys = keys.Select(k => JsonKinds.IsString(k, out var key) ? key : string.Empty).Where(k => k.Length > 0).ToList();
        AllOf = Many(source["allOf"], defs);
        AnyOf = Many(source["anyOf"], defs);
        OneOf = Many(source["oneOf"], defs);
        if (source["not"] is JsonObject not) Not = Child(not, defs);
    }

    private void CompilePattern(string pattern)
    {
        PatternText = pattern;
        try
        {
            // The API server runs Go's RE2, which has no backtracking either; a pattern .NET cannot read this way is not applied.
            Pattern = pattern == Validation.Quantity.PatternText
                ? new Regex(pattern, RegexOptions.CultureInvariant)
                : new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, PatternTimeout);
        }
        catch (ArgumentException)
        {
            Pattern = null;
        }
        catch (NotSupportedException)
        {
            Pattern = null;
        }
    }

    private static IReadOnlyList<CompiledSchema> Many(JsonNode? node, Dictionary<string, CompiledSchema> defs) =>
        node is JsonArray list ? list.Select(item => Child(item, defs)).ToList() : [];

    private static decimal? Number(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number) return null;
        if (value.TryGetValue<decimal>(out var number)) return number;
        if (value.TryGetValue<long>(out var integer)) return integer;
        if (value.TryGetValue<int>(out var small)) return small;
        if (value.TryGetValue<ulong>(out var unsigned)) return unsigned;
        return value.TryGetValue<double>(out var real) && Math.Abs(real) < 7.9e28 ? (decimal)real : null;
    }

    private static int? Count(JsonNode? node) =>
        Number(node) is { } count && count >= 0 && decimal.Truncate(count) == count
            ? (int)Math.Min(count, int.MaxValue)
            : null;

    /// <summary>OpenAPI v3.0 says <c>exclusiveMinimum: true</c> beside <c>minimum</c>; JSON Schema 2020 gives the bound itself.</summary>
    private static (bool Exclusive, decimal? Bound) Exclusive(JsonNode? node, decimal? bound) => node switch
    {
        JsonValue flag when flag.GetValueKind() == JsonValueKind.True => (bound is not null, bound),
        JsonValue number when Number(number) is { } value => (true, value),
        _ => (false, bound),
    };

    /// <summary>A property or item schema: a reference shares the definition's node, anything else is compiled in place.</summary>
    private static CompiledSchema Child(JsonNode? source, Dictionary<string, CompiledSchema> defs)
    {
        if (source is JsonObject { Count: 1 } only && JsonKinds.IsString(only["$ref"], out var reference)
            && reference.StartsWith("#/$defs/", StringComparison.Ordinal)
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
        PatternText = other.PatternText;
        Format = other.Format;
        Minimum = other.Minimum;
        ExclusiveMinimum = other.ExclusiveMinimum;
        Maximum = other.Maximum;
        ExclusiveMaximum = other.ExclusiveMaximum;
        MultipleOf = other.MultipleOf;
        MinLength = other.MinLength;
        MaxLength = other.MaxLength;
        MinItems = other.MinItems;
        MaxItems = other.MaxItems;
        UniqueItems = other.UniqueItems;
        MinProperties = other.MinProperties;
        MaxProperties = other.MaxProperties;
        Nullable = other.Nullable;
        ListType = other.ListType;
        ListMapKeys = other.ListMapKeys;
        AllOf = other.AllOf;
        AnyOf = other.AnyOf;
        OneOf = other.OneOf;
        Not = other.Not;
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
