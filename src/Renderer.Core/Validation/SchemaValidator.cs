using System.Text.Json;
using System.Text.Json.Nodes;
using Renderer.Core.Input;

namespace Renderer.Core.Validation;

/// <summary>
/// Validates an object against its kind's compiled schema as <c>kubectl --validate=strict</c> would: unknown
/// fields, wrong types, missing required fields, values outside an enumeration and malformed quantities are
/// findings at their JSON pointer, worded for the person who wrote the YAML. A null value counts as absent,
/// as the API server treats it.
/// </summary>
public static class SchemaValidator
{
    private const int MaxDepth = 256;

    public static IReadOnlyList<Finding> Validate(CompiledSchema schema, JsonNode obj)
    {
        var findings = new List<Finding>();
        Walk(obj, schema, string.Empty, findings, 0);
        return findings;
    }

    private static void Walk(JsonNode? node, CompiledSchema schema, string pointer, List<Finding> findings, int depth)
    {
        if (node is null || depth > MaxDepth) return;
        var kind = KindOf(node);
        if ((schema.Allowed & kind) == 0)
        {
            findings.Add(new Finding(pointer, FindingRule.WrongType, $"{Display(pointer)} must be {Expected(schema.Allowed)}, not {Describe(node)}"));
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var required in schema.Required)
                {
                    if (obj[required] is null) findings.Add(new Finding(pointer, FindingRule.MissingField, $"required field \"{required}\" is missing at {Display(pointer)}"));
                }

                foreach (var (key, value) in obj)
                {
                    var at = Pointer.Append(pointer, key);
                    if (schema.Properties is not null && schema.Properties.TryGetValue(key, out var property))
                    {
                        Walk(value, property, at, findings, depth + 1);
                    }
                    else if (schema.AdditionalProperties is { } additional)
                    {
                        Walk(value, additional, at, findings, depth + 1);
                    }
                    else if (!schema.AdditionalAllowed && value is not null)
                    {
                        var suggestion = Closest(key, schema.Properties?.Keys.ToList() ?? []);
                        findings.Add(new Finding(at, FindingRule.UnknownField,
                            $"unknown field \"{key}\" at {Display(pointer)}{(suggestion is null ? string.Empty : $" (did you mean \"{suggestion}\"?)")}"));
                    }
                }

                break;
            case JsonArray array when schema.Items is { } items:
                for (var i = 0; i < array.Count; i++) Walk(array[i], items, Pointer.Append(pointer, i), findings, depth + 1);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                if (schema.Enum is { } allowed && !allowed.Contains(text, StringComparer.Ordinal))
                {
                    findings.Add(new Finding(pointer, FindingRule.NotAllowed, $"{Display(pointer)} is \"{text}\", which is not one of {string.Join(", ", allowed)}"));
                }
                else if (schema.Pattern is { } pattern && !pattern.IsMatch(text))
                {
                    findings.Add(new Finding(pointer, FindingRule.Quantity, $"{Display(pointer)} \"{text}\" is not a quantity (such as 500m, 1, 1.5, 512Mi, 2Gi)"));
                }

                break;
        }
    }

    private static CompiledSchema.Types KindOf(JsonNode node) => node switch
    {
        JsonObject => CompiledSchema.Types.Object,
        JsonArray => CompiledSchema.Types.Array,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => CompiledSchema.Types.String,
            JsonValueKind.True or JsonValueKind.False => CompiledSchema.Types.Boolean,
            JsonValueKind.Number => IsIntegral(v) ? CompiledSchema.Types.Integer : CompiledSchema.Types.Number,
            _ => CompiledSchema.Types.None,
        },
        _ => CompiledSchema.Types.None,
    };

    private static bool IsIntegral(JsonValue value) =>
        value.TryGetValue<long>(out _) || value.TryGetValue<int>(out _) || value.TryGetValue<ulong>(out _)
        || value.TryGetValue<double>(out var number) && Math.Floor(number) == number;

    private static string Expected(CompiledSchema.Types types)
    {
        var names = new List<string>();
        if (types.HasFlag(CompiledSchema.Types.Object)) names.Add("a mapping");
        if (types.HasFlag(CompiledSchema.Types.Array)) names.Add("a list");
        if (types.HasFlag(CompiledSchema.Types.String)) names.Add("a string");
        if (types.HasFlag(CompiledSchema.Types.Number)) names.Add("a number");
        else if (types.HasFlag(CompiledSchema.Types.Integer)) names.Add("an integer");
        if (types.HasFlag(CompiledSchema.Types.Boolean)) names.Add("true or false");
        return string.Join(" or ", names);
    }

    private static string Describe(JsonNode node) => node switch
    {
        JsonObject => "a mapping",
        JsonArray => "a list",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => $"the string \"{Shorten(v.GetValue<string>())}\" (unquote numbers and booleans)",
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => $"the boolean {v.ToJsonString()} (quote it if it is text)",
        JsonValue v => $"the number {v.ToJsonString()} (quote it if it is text)",
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static string Display(string pointer) => pointer.Length == 0 ? "the object" : Pointer.Unescape(pointer).TrimStart('/').Replace('/', '.');

    /// <summary>The allowed name nearest to <paramref name="field"/> (edit distance at most a third of its length), or null.</summary>
    public static string? Closest(string field, IReadOnlyList<string> allowed)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in allowed)
        {
            var distance = EditDistance(field.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance || distance == bestDistance && string.CompareOrdinal(candidate, best) < 0)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= Math.Max(1, field.Length / 3) ? best : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }
}
