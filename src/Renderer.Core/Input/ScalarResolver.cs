using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Renderer.Core.Input;

/// <summary>What a plain (unquoted) YAML scalar means to Kubernetes.</summary>
public enum ScalarKind
{
    String,
    Null,
    Boolean,
    Integer,
    Float,
    NotRepresentable,
}

/// <summary>The meaning of one plain scalar, and whether a YAML 1.2 reader would disagree.</summary>
public readonly record struct ResolvedScalar(ScalarKind Kind, JsonNode? Node, string? Yaml11Only);

/// <summary>
/// Resolves plain scalars the way Kubernetes reads YAML (sigs.k8s.io/yaml over go-yaml v2, YAML 1.1 rules):
/// <c>yes</c>/<c>on</c>/<c>y</c> are booleans, <c>0755</c> is octal, <c>1_000</c> is an integer, <c>1e3</c> a float.
/// Timestamps stay strings, as go-yaml v2 leaves them when decoding into untyped values.
/// </summary>
public static partial class ScalarResolver
{
    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();

    public static ResolvedScalar Resolve(string text)
    {
        switch (text)
        {
            case "":
            case "~":
            case "null":
            case "Null":
            case "NULL":
                return new(ScalarKind.Null, null, null);
            case "true":
            case "True":
            case "TRUE":
                return new(ScalarKind.Boolean, JsonValue.Create(true), null);
            case "false":
            case "False":
            case "FALSE":
                return new(ScalarKind.Boolean, JsonValue.Create(false), null);
            case "y":
            case "Y":
            case "yes":
            case "Yes":
            case "YES":
            case "on":
            case "On":
            case "ON":
                return new(ScalarKind.Boolean, JsonValue.Create(true), "boolean true");
            case "n":
            case "N":
            case "no":
            case "No":
            case "NO":
            case "off":
            case "Off":
            case "OFF":
                return new(ScalarKind.Boolean, JsonValue.Create(false), "boolean false");
            case ".inf":
            case ".Inf":
            case ".INF":
            case "+.inf":
            case "+.Inf":
            case "+.INF":
            case "-.inf":
            case "-.Inf":
            case "-.INF":
            case ".nan":
            case ".NaN":
            case ".NAN":
                return new(ScalarKind.NotRepresentable, null, null);
        }

        var first = text[0];
        if (!(char.IsAsciiDigit(first) || first is '-' or '+' or '.'))
        {
            return new(ScalarKind.String, JsonValue.Create(text), null);
        }

        var plain = text.Contains('_', StringComparison.Ordinal) ? text.Replace("_", string.Empty, StringComparison.Ordinal) : text;
        if (TryParseGoInteger(plain, out var integer, out var unusual))
        {
            var note = unusual || !ReferenceEquals(plain, text)
                ? "the integer " + integer.ToString(CultureInfo.InvariantCulture)
                : null;
            return new(ScalarKind.Integer, IntegerNode(integer), note);
        }

        if (FloatPattern().IsMatch(plain) &&
            double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            if (double.IsInfinity(number)) return new(ScalarKind.NotRepresentable, null, null);
            return new(ScalarKind.Float, FloatNode(number), null);
        }

        return new(ScalarKind.String, JsonValue.Create(text), null);
    }

    /// <summary>A float that holds an integral value in range becomes an integer node, as Go's JSON encoding prints it.</summary>
    public static JsonNode FloatNode(double number)
    {
        if (Math.Floor(number) == number && Math.Abs(number) < 9.007199254740992E15)
        {
            return JsonValue.Create((long)number);
        }

        return JsonValue.Create(number);
    }

    private static JsonNode IntegerNode(Int128 value) =>
        value >= long.MinValue && value <= long.MaxValue
            ? JsonValue.Create((long)value)
            : JsonValue.Create((ulong)value);

    /// <summary>strconv.ParseInt(s, 0, 64), then ParseUint: sign, 0x, 0o, 0b prefixes and a leading 0 for octal.</summary>
    private static bool TryParseGoInteger(string s, out Int128 value, out bool unusual)
    {
        value = 0;
        unusual = false;
        var span = s.AsSpan();
        var negative = false;
        if (span.Length > 0 && span[0] is '+' or '-')
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        if (span.Length == 0) return false;
        var radix = 10;
        if (span.Length > 1 && span[0] == '0')
        {
            unusual = true;
            switch (span[1])
            {
                case 'x' or 'X':
                    radix = 16;
                    span = span[2..];
                    break;
                case 'o' or 'O':
                    radix = 8;
                    span = span[2..];
                    break;
                case 'b' or 'B':
                    radix = 2;
                    span = span[2..];
                    break;
                default:
                    radix = 8;
                    span = span[1..];
                    break;
            }

            if (span.Length == 0) return false;
        }

        Int128 result = 0;
        foreach (var c in span)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix) return false;
            result = (result * radix) + digit;
            if (result > ulong.MaxValue) return false;
        }

        if (negative)
        {
            result = -result;
            if (result < long.MinValue) return false;
        }

        value = result;
        return true;
    }
}
