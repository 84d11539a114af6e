using System.Text.Json.Nodes;

namespace Renderer.Core.Sealing;

/// <summary>The Secret as sealing needs it: identity, scope, the metadata and type its template keeps, and each value's bytes by key.</summary>
internal sealed record SecretToSeal(string Name, string Namespace, SealingScope Scope, JsonObject TemplateMetadata, JsonNode? Type, JsonNode? Immutable, IReadOnlyDictionary<string, byte[]> Values);
