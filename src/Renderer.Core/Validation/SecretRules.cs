using System.Text.Json.Nodes;
using Renderer.Core.Input;
using Renderer.Core.Model;
using Renderer.Core.Secrets;

namespace Renderer.Core.Validation;

/// <summary>
/// The API server's rules for a Secret's values: each <c>data</c> value is standard base64 (with padding, line
/// breaks ignored, as Go's decoder reads it) and each <c>stringData</c> value a string. A finding names the
/// key and what is wrong, never the value.
/// </summary>
public static class SecretRules
{
    public static IReadOnlyList<Finding> Check(JsonObject obj, TargetType type)
    {
        var findings = new List<Finding>();
        if (!SecretKinds.IsSecret(type)) return findings;
        if (obj["data"] is JsonObject data)
        {
            foreach (var (key, value) in data)
            {
                var pointer = Pointer.Append("/data", key);
                if (!JsonKinds.IsString(value, out var text))
                {
                    if (value is not null) findings.Add(new(pointer, FindingRule.SecretData, $"data.{key} must be a base64 string, not {JsonKinds.Describe(value)}"));
                }
                else if (Base64Problem(text) is { } problem)
                {
                    findings.Add(new(pointer, FindingRule.SecretData, $"the value of data.{key} is not valid base64 ({problem})"));
                }
            }
        }

        if (obj["stringData"] is JsonObject stringData)
        {
            foreach (var (key, value) in stringData)
            {
                if (value is null || JsonKinds.IsString(value, out _)) continue;
                findings.Add(new(Pointer.Append("/stringData", key), FindingRule.SecretStringData, $"stringData.{key} must be a string, not {JsonKinds.Describe(value)}"));
            }
        }

        return findings;
    }

    /// <summary>Whether a schema finding at <paramref name="pointer"/> is one these rules report in their own words.</summary>
    public static bool Replaces(TargetType type, Finding finding) =>
        SecretKinds.IsSecret(type) && finding.Rule == FindingRule.WrongType && SecretKinds.IsPlainValue(finding.Pointer) && finding.Pointer.Count(c => c == '/') == 2;

    private static string? Base64Problem(string text)
    {
        var length = 0;
        var padding = 0;
        foreach (var c in text)
        {
            if (c is '\r' or '\n') continue;
            if (c == '=')
            {
                padding++;
            }
            else if (padding > 0)
            {
                return "it has characters after the = padding";
            }
            else if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/'))
            {
                return "it has a character outside A-Z, a-z, 0-9, + and /";
            }

            length++;
        }

        if (padding > 2) return "it ends in more than two = signs";
        if (length % 4 != 0) return $"its length, {length} characters, is not a multiple of 4 (is padding missing?)";
        if (padding > 0 && length - padding > 0 && (length - padding) % 4 == 1) return "its last group is too short";
        return null;
    }
}
