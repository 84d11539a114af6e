using System.Text.Json.Nodes;
using Renderer.Core.Model;

namespace Renderer.Core.Input;

/// <summary>
/// What <c>kubectl -n NS</c> does before it sends a document: a namespaced document without
/// <c>metadata.namespace</c> gets <c>NS</c>; a document that names its own namespace keeps it, and
/// cluster-scoped documents are left alone. Scope comes from the built-in type table, the
/// FederatedTypeConfigs and the CustomResourceDefinitions among the documents; a kind of unknown scope is
/// left alone, as kubectl cannot send it either.
/// </summary>
public static class NamespaceDefaulter
{
    private const string TypesGroupPrefix = "types.kubefed.io/";

    public static List<SourceDocument> Apply(IReadOnlyList<SourceDocument> documents, string? ns)
    {
        if (string.IsNullOrEmpty(ns)) return documents.ToList();
        var scopes = DeclaredScopes(documents);
        var result = new List<SourceDocument>(documents.Count);
        foreach (var document in documents)
        {
            if (document.Root is not JsonObject root || IsNamespaced(root, scopes) != true || root.Get("metadata") is not (JsonObject or null) || root.Get("metadata").Get("namespace") is not null)
            {
                result.Add(document);
                continue;
            }

            var copy = (JsonObject)root.DeepClone();
            if (copy["metadata"] is not JsonObject metadata)
            {
                metadata = new JsonObject();
                copy["metadata"] = metadata;
            }

            metadata["namespace"] = ns;
            result.Add(document with { Root = copy });
        }

        return result;
    }

    /// <summary>True for a namespaced document, false for a cluster-scoped one, null when its scope is not known.</summary>
    public static bool? IsNamespaced(JsonObject root, IReadOnlyDictionary<(string Group, string Kind), bool> declared)
    {
        if (!JsonKinds.IsString(root["apiVersion"], out var apiVersion) || !JsonKinds.IsString(root["kind"], out var kind)) return null;
        var group = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;
        if (declared.TryGetValue((group, kind), out var namespaced)) return namespaced;
        if (apiVersion.StartsWith(TypesGroupPrefix, StringComparison.Ordinal) && kind.StartsWith("Federated", StringComparison.Ordinal))
        {
            // A federated type has its target's scope, except FederatedNamespace, which is namespaced.
            return BuiltInTypes.ForFederatedKind(kind) is { } target ? target.Namespaced || target.Kind == "Namespace" && target.Group.Length == 0 : null;
        }

        if (group is "core.kubefed.io" or "scheduling.kubefed.io") return true;
        return BuiltInTypes.ForKind(kind) is { } builtIn && builtIn.Group == group ? builtIn.Namespaced : null;
    }

    /// <summary>Scopes the documents declare: each CRD's kind, and each FederatedTypeConfig's federated and target kinds.</summary>
    public static IReadOnlyDictionary<(string Group, string Kind), bool> DeclaredScopes(IReadOnlyList<SourceDocument> documents)
    {
        var scopes = new Dictionary<(string Group, string Kind), bool>();
        foreach (var document in documents)
        {
            var root = document.Root;
            if (!JsonKinds.IsString(root.Get("kind"), out var kind)) continue;
            var spec = root.Get("spec");
            if (kind == "CustomResourceDefinition" && JsonKinds.IsString(spec.Get("group"), out var group)
                && JsonKinds.IsString(spec.Get("names").Get("kind"), out var crdKind) && JsonKinds.IsString(spec.Get("scope"), out var scope))
            {
                scopes.TryAdd((group, crdKind), scope == "Namespaced");
            }
            else if (kind == "FederatedTypeConfig")
            {
                foreach (var field in new[] { "federatedType", "targetType" })
                {
                    var type = spec.Get(field);
                    if (JsonKinds.IsString(type.Get("kind"), out var typeKind) && JsonKinds.IsString(type.Get("scope"), out var typeScope))
                    {
                        var typeGroup = JsonKinds.IsString(type.Get("group"), out var g) ? g : string.Empty;
                        scopes.TryAdd((typeGroup, typeKind), typeScope == "Namespaced");
                    }
                }
            }
        }

        return scopes;
    }
}
