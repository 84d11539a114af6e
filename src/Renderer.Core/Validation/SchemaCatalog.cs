using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using Renderer.Core.Model;

namespace Renderer.Core.Validation;

/// <summary>
/// The JSON Schemas of the built-in kinds, embedded in this assembly and compiled once each on first use,
/// plus the schemas of custom resources registered from CustomResourceDefinition documents.
/// </summary>
public sealed class SchemaCatalog
{
    private static readonly Assembly Resources = typeof(SchemaCatalog).Assembly;
    private static readonly ConcurrentDictionary<string, CompiledSchema?> Embedded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CompiledSchema> custom = new(StringComparer.Ordinal);

    public void Register(string apiVersion, string kind, JsonObject schema) => custom[apiVersion + "/" + kind] = CompiledSchema.Compile(schema);

    public CompiledSchema? Get(TargetType type)
    {
        if (custom.TryGetValue(type.ApiVersion + "/" + type.Kind, out var registered)) return registered;
        if (BuiltInTypes.ForKind(type.Kind) is not { } builtIn || builtIn.Group != type.Group || builtIn.Version != type.Version) return null;
        return Embedded.GetOrAdd("schemas/kubernetes/" + ResourceName(type), Load);
    }

    public static string ResourceName(TargetType type) =>
        (type.Group.Length == 0 ? "core" : type.Group) + "_" + type.Version + "_" + type.Kind.ToLowerInvariant() + ".json";

    /// <summary>A KubeFed document's schema from schemas/kubefed, by file name without extension.</summary>
    public static CompiledSchema? KubeFed(string name) => Embedded.GetOrAdd("schemas/kubefed/" + name + ".json", Load);

    /// <summary>A fresh copy of an embedded schema document (<c>schemas/kubernetes/...</c> or <c>schemas/kubefed/...</c>), or null.</summary>
    public static JsonObject? Document(string resource)
    {
        using var stream = Resources.GetManifestResourceStream(resource);
        return stream is null ? null : JsonNode.Parse(stream) as JsonObject;
    }

    private static CompiledSchema? Load(string resource)
    {
        using var stream = Resources.GetManifestResourceStream(resource);
        return stream is null ? null : CompiledSchema.Compile(JsonNode.Parse(stream)?.AsObject() ?? []);
    }
}
