using System.Text;
using System.Text.Json.Nodes;

namespace Renderer.Core.Input;

/// <summary>
/// The value of an explicitly tagged scalar, as sigs.k8s.io/yaml over go-yaml v2 reads it: <c>!!str</c> keeps
/// the text, <c>!!int</c>, <c>!!float</c>, <c>!!bool</c> and <c>!!null</c> read it with the YAML 1.1 rules and
/// insist on that type (<c>!!float</c> also takes an integer), <c>!!binary</c> is base64 decoded into the
/// text of its bytes, and the non-specific <c>!</c> makes a string. Quoted or not makes no difference once a
/// tag is given. Any other tag is not something the API server reads.
/// </summary>
public static class TagResolver
{
    public const string Prefix = "tag:yaml.org,2002:";

    /// <summary>The outcome: the value, or why the tag cannot apply (<see cref="Unsupported"/> or a failed read).</summary>
    public readonly record struct Result(JsonNode? Node, bool Unsupported, string? Problem);

    public static Result Resolve(string tag, string text)
    {
        switch (tag)
        {
            case "!":
            case Prefix + "str":
                return new(JsonValue.Create(text), false, null);
            case Prefix + "binary":
                try
                {
                    var bytes = Convert.FromBase64String(text.Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal));
                    return new(JsonValue.Create(Encoding.UTF8.GetString(bytes)), false, null);
                }
                catch (FormatException)
                {
                    return new(null, false, "it is not valid base64");
                }
        }

        var wanted = tag switch
        {
            Prefix + "int" => ScalarKind.Integer,
            Prefix + "float" => ScalarKind.Float,
            Prefix + "bool" => ScalarKind.Boolean,
            Prefix + "null" => ScalarKind.Null,
            _ => (ScalarKind?)null,
        };
        if (wanted is not { } kind) return new(null, true, null);
        var resolved = ScalarResolver.Resolve(text);
        if (resolved.Kind == kind) return new(resolved.Node, false, null);
        if (kind == ScalarKind.Float && resolved.Kind == ScalarKind.Integer) return new(resolved.Node, false, null);
        return new(null, false, $"it reads as {Describe(resolved.Kind)}");
    }

    /// <summary>A tag as the YAML author wrote it: <c>!!int</c> for the standard ones, the full text otherwise.</summary>
    public static string Short(string tag) => tag.StartsWith(Prefix, StringComparison.Ordinal) ? "!!" + tag[Prefix.Length..] : tag;

    private static string Describe(ScalarKind kind) => kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Boolean => "a boolean",
        ScalarKind.Integer => "an integer",
        ScalarKind.Float => "a float",
        ScalarKind.NotRepresentable => "infinity or not-a-number",
        _ => "a string",
    };
}
