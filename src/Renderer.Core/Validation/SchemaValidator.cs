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
                    var nullable = schema.Properties is not null && schema.Properties.TryGetValue(required, out var requiredSchema) && requiredSchema.Nullable;
                    if (obj[required] is null && !(nullable && obj.ContainsKey(required))) findings.Add(new Finding(pointer, FindingRule.MissingField, $"required field \"{required}\" is missing at {Display(pointer)}"));
                }

                CheckCount(obj.Count, schema.MinProperties, schema.MaxProperties, "field", pointer, findings);
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
            case JsonArray array:
                if (schema.Items is { } items)
                {
                    for (var i = 0; i < array.Count; i++) Walk(array[i], items, Pointer.Append(pointer, i), findings, depth + 1);
                }

                CheckCount(array.Count, schema.MinItems, schema.MaxItems, "item", pointer, findings);
                CheckUnique(array, schema, pointer, findings);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                CheckString(value.GetValue<string>(), schema, pointer, findings);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                CheckNumber(value, schema, pointer, findings);
                break;
            case JsonValue value when schema.Enum is { } allowed && !allowed.Contains(value.ToJsonString(), StringComparer.Ordinal):
                findings.Add(new Finding(pointer, FindingRule.NotAllowed, $"{Display(pointer)} is {value.ToJsonString()}, which is not one of {string.Join(", ", allowed)}"));
                break;
        }

        CheckComposition(node, schema, pointer, findings, depth);
    }

    private static void CheckString(string text, CompiledSchema schema, string pointer, List<Finding> findings)
    {
        if (schema.Enum is { } allowed && !allowed.Contains(text, StringComparer.Ordinal))
        {
            findings.Add(new Finding(pointer, FindingRule.NotAllowed, $"{Display(pointer)} is \"{Shorten(text)}\", which is not one of {string.Join(", ", allowed)}"));
            return;
        }

        if (schema.Pattern is { } pattern && !Matches(pattern, text))
        {
            findings.Add(schema.PatternText == Quantity.PatternText
                ? new Finding(pointer, FindingRule.Quantity, $"{Display(pointer)} \"{text}\" is not a quantity (such as 500m, 1, 1.5, 512Mi, 2Gi)")
                : new Finding(pointer, FindingRule.Pattern, $"{Display(pointer)} \"{Shorten(text)}\" does not match the pattern {schema.PatternText}"));
        }

        if (schema.MinLength is not null || schema.MaxLength is not null)
        {
            var length = text.EnumerateRunes().Count();
            if (length < schema.MinLength) findings.Add(new Finding(pointer, FindingRule.Length, $"{Display(pointer)} \"{Shorten(text)}\" has {N(length)} characters, fewer than the minimum {N(schema.MinLength.Value)}"));
            if (length > schema.MaxLength) findings.Add(new Finding(pointer, FindingRule.Length, $"{Display(pointer)} \"{Shorten(text)}\" has {N(length)} characters, more than the maximum {N(schema.MaxLength.Value)}"));
        }

        if (schema.Format is { } format && ValueFormats.Check(format, text) is { } expected)
        {
            findings.Add(new Finding(pointer, FindingRule.Format, $"{Display(pointer)} \"{Shorten(text)}\" is not {expected} (format {format})"));
        }
    }

    private static bool Matches(System.Text.RegularExpressions.Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return true;
        }
    }

    /// <summary>Enumeration, integer format, bounds and multipleOf; the message quotes the number as fedrender writes it.</summary>
    private static void CheckNumber(JsonValue value, CompiledSchema schema, string pointer, List<Finding> findings)
    {
        var written = Output.YamlEmitter.FormatNumber(value);
        if (schema.Enum is { } allowed && !allowed.Contains(written, StringComparer.Ordinal) && !allowed.Contains(value.ToJsonString(), StringComparer.Ordinal))
        {
            findings.Add(new Finding(pointer, FindingRule.NotAllowed, $"{Display(pointer)} is {written}, which is not one of {string.Join(", ", allowed)}"));
        }

        var exact = TryDecimal(value, out var number);
        var range = schema.Format switch
        {
            "int32" => ((decimal)int.MinValue, (decimal)int.MaxValue, "a 32-bit"),
            "int64" => ((decimal)long.MinValue, (decimal)long.MaxValue, "a 64-bit"),
            _ => ((decimal?)null, (decimal?)null, string.Empty),
        };
        if (range.Item1 is { } low && range.Item2 is { } high && (!exact || number < low || number > high))
        {
            findings.Add(new Finding(pointer, FindingRule.IntegerFormat,
                $"{Display(pointer)} is {written} as fedrender writes it, outside the {schema.Format} range {N(low)} to {N(high)}; the API server cannot decode it into {range.Item3} integer and refuses the object"));
            return;
        }

        if (!exact) return;
        if (schema.Minimum is { } minimum && (number < minimum || schema.ExclusiveMinimum && number == minimum))
        {
            findings.Add(new Finding(pointer, FindingRule.Range, $"{Display(pointer)} is {written}, but it must be {(schema.ExclusiveMinimum ? "greater than" : "at least")} {N(minimum)}"));
        }

        if (schema.Maximum is { } maximum && (number > maximum || schema.ExclusiveMaximum && number == maximum))
        {
            findings.Add(new Finding(pointer, FindingRule.Range, $"{Display(pointer)} is {written}, but it must be {(schema.ExclusiveMaximum ? "less than" : "at most")} {N(maximum)}"));
        }

        if (schema.MultipleOf is { } step && number % step != 0)
        {
            findings.Add(new Finding(pointer, FindingRule.Range, $"{Display(pointer)} is {written}, which is not a multiple of {N(step)}"));
        }
    }

    private static bool TryDecimal(JsonValue value, out decimal number)
    {
        if (value.TryGetValue<long>(out var integer))
        {
            number = integer;
            return true;
        }

        if (value.TryGetValue<int>(out var small))
        {
            number = small;
            return true;
        }

        if (value.TryGetValue<ulong>(out var unsigned))
        {
            number = unsigned;
            return true;
        }

        if (value.TryGetValue<decimal>(out number)) return true;
        if (value.TryGetValue<double>(out var real) && Math.Abs(real) < 7.9e28)
        {
            number = (decimal)real;
            return true;
        }

        number = 0;
        return false;
    }

    private static void CheckCount(int count, int? min, int? max, string what, string pointer, List<Finding> findings)
    {
        if (count < min) findings.Add(new Finding(pointer, FindingRule.Count, $"{Display(pointer)} has {N(count)} {what}(s), fewer than the minimum {N(min.Value)}"));
        if (count > max) findings.Add(new Finding(pointer, FindingRule.Count, $"{Display(pointer)} has {N(count)} {what}(s), more than the maximum {N(max.Value)}"));
    }

    /// <summary><c>uniqueItems</c> and <c>x-kubernetes-list-type: set</c> (no two equal items), and <c>map</c> (no two items with the same keys).</summary>
    private static void CheckUnique(JsonArray array, CompiledSchema schema, string pointer, List<Finding> findings)
    {
        var byMapKeys = schema.ListType == "map" && schema.ListMapKeys.Count > 0;
        if (!byMapKeys && !schema.UniqueItems && schema.ListType != "set") return;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var key = byMapKeys
                ? string.Join(", ", schema.ListMapKeys.Select(k => $"{k}={Canonical(array[i].Get(k))}"))
                : Canonical(array[i]);
            if (seen.TryAdd(key, i)) continue;
            findings.Add(new Finding(Pointer.Append(pointer, i), FindingRule.Duplicate, byMapKeys
                ? $"{Display(pointer)} item {N(i)} has the same {string.Join(" and ", schema.ListMapKeys)} as item {N(seen[key])} ({Shorten(key)}); items of this list are keyed by {string.Join(", ", schema.ListMapKeys)}, so merge them"
                : $"{Display(pointer)} item {N(i)} repeats item {N(seen[key])} ({Shorten(key)}); the items of this list must be unique"));
        }
    }

    /// <summary>allOf, anyOf, oneOf and not only validate: they never change what is allowed in the object.</summary>
    private static void CheckComposition(JsonNode node, CompiledSchema schema, string pointer, List<Finding> findings, int depth)
    {
        foreach (var part in schema.AllOf) Walk(node, part, pointer, findings, depth + 1);
        if (schema.AnyOf.Count > 0)
        {
            var failures = schema.AnyOf.Select(part => Failures(node, part, pointer, depth)).ToList();
            if (failures.All(f => f.Count > 0))
            {
                findings.Add(new Finding(pointer, FindingRule.Composition, $"{Display(pointer)} matches none of the {N(schema.AnyOf.Count)} alternatives of its anyOf (the first fails because {failures[0][0].Message})"));
            }
        }

        if (schema.OneOf.Count > 0)
        {
            var failures = schema.OneOf.Select(part => Failures(node, part, pointer, depth)).ToList();
            var matched = failures.Count(f => f.Count == 0);
            if (matched == 0)
            {
                findings.Add(new Finding(pointer, FindingRule.Composition, $"{Display(pointer)} matches none of the {N(schema.OneOf.Count)} alternatives of its oneOf (the first fails because {failures[0][0].Message})"));
            }
            else if (matched > 1)
            {
                findings.Add(new Finding(pointer, FindingRule.Composition, $"{Display(pointer)} matches {N(matched)} of the alternatives of its oneOf, and exactly one is allowed; remove the fields that make it match more than one"));
            }
        }

        if (schema.Not is { } not && Failures(node, not, pointer, depth).Count == 0)
        {
            findings.Add(new Finding(pointer, FindingRule.Composition, $"{Display(pointer)} matches the schema its \"not\" forbids; remove the fields it names"));
        }
    }

    private static List<Finding> Failures(JsonNode node, CompiledSchema schema, string pointer, int depth)
    {
        var failures = new List<Finding>();
        Walk(node, schema, pointer, failures, depth + 1);
        return failures;
    }

    /// <summary>JSON text with object keys sorted, so that equal values compare equal.</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonValue.Create(p.Key).ToJsonString() + ":" + Canonical(p.Value))) + "}",
        JsonArray array => "[" + string.Join(",", array.Select(Canonical)) + "]",
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => Output.YamlEmitter.FormatNumber(value),
        _ => node.ToJsonString(),
    };

    private static string N(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

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
