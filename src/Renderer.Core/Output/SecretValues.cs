using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Renderer.Core.Output;

/// <summary>
/// Hides a Secret's values for display: each data and stringData value becomes a short hash, so a change is
/// visible but never its content.
/// </summary>
public static class SecretValues
{
    /// <summary>Replaces the values of <c>data</c> and <c>stringData</c> in place.</summary>
    public static void Hide(JsonObject secret)
    {
        foreach (var field in new[] { "data", "stringData" })
        {
            if (secret[field] is not JsonObject values) continue;
            foreach (var key in values.Select(p => p.Key).ToList()) values[key] = Hash(values[key]);
        }
    }

    /// <summary>What explain shows in place of a Secret value.</summary>
    public const string HiddenMark = "<hidden>";

    /// <summary>Every node under <c>data</c> and <c>stringData</c> of <paramref name="secret"/>, by reference.</summary>
    public static IReadOnlySet<JsonNode> Leaves(JsonObject secret)
    {
        var leaves = new HashSet<JsonNode>(ReferenceEqualityComparer.Instance);
        var work = new Stack<JsonNode?>();
        work.Push(secret["data"]);
        work.Push(secret["stringData"]);
        while (work.Count > 0)
        {
            switch (work.Pop())
            {
                case JsonObject obj:
                    foreach (var (_, value) in obj) work.Push(value);
                    break;
                case JsonArray array:
                    foreach (var item in array) work.Push(item);
                    break;
                case JsonValue value:
                    leaves.Add(value);
                    break;
            }
        }

        return leaves;
    }

    /// <summary>Whether <paramref name="apiVersion"/>/<paramref name="kind"/> is the core Secret.</summary>
    public static bool IsSecret(string? apiVersion, string? kind) => kind == "Secret" && apiVersion == "v1";

    private static string Hash(JsonNode? value) =>
        "<hidden, sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value?.ToJsonString() ?? "null")))[..12].ToLowerInvariant() + ">";
}
