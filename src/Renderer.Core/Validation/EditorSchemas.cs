using System.Text.Json;
using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Model;
using Renderer.Core.Output;
using Renderer.Core.Pipeline;

namespace Renderer.Core.Validation;

/// <summary>
/// JSON Schemas (draft-07, which yaml-language-server and kubeconform both read) for the documents fedrender
/// reads: one per <c>Federated&lt;Kind&gt;</c> it knows, whose <c>spec.template</c> is the target kind's own
/// schema and whose placement and overrides are typed exactly, and one per KubeFed API kind. Files are named
/// <c>{group}/{kind lowercased}_{version}.json</c>, the path kubeconform's <c>-schema-location</c> template
/// <c>{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json</c> resolves, plus a SchemaStore-format
/// <c>catalog.json</c> for editors. Pure: file name to content.
/// </summary>
public static class EditorSchemas
{
    public const string CatalogFile = "catalog.json";
    private const string Draft07 = "http://json-schema.org/draft-07/schema#";
    private const string DefsPrefix = "#/$defs/";
    private const string DefinitionsPrefix = "#/definitions/";


    /// <summary>The KubeFed API kinds: apiVersion, kind and the embedded schema that describes them.</summary>
    private static readonly (string Group, string Version, string Kind, string Schema)[] KubeFedKinds =
    [
        ("core.kubefed.io", "v1beta1", "FederatedTypeConfig", "federatedtypeconfig"),
        ("core.kubefed.io", "v1beta1", "KubeFedCluster", "kubefedcluster"),
        ("core.kubefed.io", "v1beta1", "KubeFedConfig", "kubefedconfig"),
        ("scheduling.kubefed.io", "v1alpha1", "ReplicaSchedulingPreference", "replicaschedulingpreference"),
    ];

    private sealed record Entry(string Path, string Name, string Description, JsonObject Schema);

    /// <summary>
    /// The schema files for the built-in kinds, the type configs and the CustomResourceDefinitions of the
    /// inputs; <paramref name="baseUrl"/> (empty, or ending in '/') prefixes the catalog's URLs.
    /// </summary>
    public static IReadOnlyList<OutputFile> Generate(IReadOnlyList<TypeConfig> typeConfigs, IReadOnlyList<SourceDocument> definitions, string baseUrl, List<Diagnostic> diagnostics)
    {
        var crds = Definitions(definitions, diagnostics);
        var federated = new SortedDictionary<string, (TargetType Target, SourceLocation At)>(StringComparer.Ordinal);
        foreach (var target in BuiltInTypes.All) federated[target.FederatedKind] = (target, SourceLocation.None);
        foreach (var config in typeConfigs) federated[config.FederatedKind] = (config.Target, config.Location);
        foreach (var crd in crds.Values.Where(c => c.Storage).OrderBy(c => c.Target.FederatedKind, StringComparer.Ordinal))
        {
            federated.TryAdd(crd.Target.FederatedKind, (crd.Target, crd.At));
        }

        var entries = new List<Entry>();
        foreach (var (federatedKind, (target, at)) in federated)
        {
            if (!IsKindName(federatedKind))
            {
                diagnostics.Add(IntegrationDiagnostics.SchemaNameUnusable(at, "The federated kind", federatedKind, "letters and digits only, starting with a letter"));
                continue;
            }

            var targetSchema = crds.GetValueOrDefault(target.ApiVersion + "/" + target.Kind)?.Schema?.DeepClone().AsObject() ?? BuiltInSchema(target);
            if (targetSchema is null) diagnostics.Add(IntegrationDiagnostics.TemplateUntyped(at, federatedKind, $"{target.ApiVersion} {target.Kind}"));
            entries.Add(new Entry(
                $"{DocumentBinder.TypesGroup}/{federatedKind.ToLowerInvariant()}_v1beta1.json",
                $"{federatedKind} ({DocumentBinder.TypesApiVersion})",
                $"A KubeFed {federatedKind}: a {target.ApiVersion} {target.Kind} template, its placement and its per-cluster overrides.",
                Federated(federatedKind, target, targetSchema)));
        }

        foreach (var (group, version, kind, name) in KubeFedKinds)
        {
            if (SchemaCatalog.Document("schemas/kubefed/" + name + ".json") is not { } schema) continue;
            entries.Add(new Entry($"{group}/{kind.ToLowerInvariant()}_{version}.json", $"{kind} ({group}/{version})", $"The KubeFed {kind} document.", Envelope(schema, group + "/" + version, kind)));
        }

        var files = entries.Select(e => new OutputFile(e.Path, Text(e.Schema))).ToList();
        files.Add(new OutputFile(CatalogFile, Text(Catalog(entries, baseUrl))));
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    private sealed record Definition(TargetType Target, bool Storage, JsonObject? Schema, SourceLocation At);

    /// <summary>Each served version of each CustomResourceDefinition, by <c>apiVersion/kind</c>.</summary>
    private static Dictionary<string, Definition> Definitions(IReadOnlyList<SourceDocument> documents, List<Diagnostic> diagnostics)
    {
        var result = new Dictionary<string, Definition>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var spec = document.Root.Get("spec");
            if (!JsonKinds.IsString(spec.Get("group"), out var group) || !JsonKinds.IsString(spec.Get("names").Get("kind"), out var kind)) continue;
            var plural = JsonKinds.IsString(spec.Get("names").Get("plural"), out var p) ? p : kind.ToLowerInvariant() + "s";
            var namespaced = !(JsonKinds.IsString(spec.Get("scope"), out var scope) && scope == "Cluster");
            if (!IsKindName(kind))
            {
                diagnostics.Add(IntegrationDiagnostics.SchemaNameUnusable(document.At("/spec/names/kind"), "The CustomResourceDefinition kind", kind, "letters and digits only, starting with a letter"));
                continue;
            }

            if (KubernetesNames.CheckSubdomain(group) is { } groupProblem)
            {
                diagnostics.Add(IntegrationDiagnostics.SchemaNameUnusable(document.At("/spec/group"), "The CustomResourceDefinition group", group, groupProblem));
                continue;
            }

            var versions = spec.Get("versions") as JsonArray ?? [];
            foreach (var version in versions)
            {
                if (!JsonKinds.IsString(version.Get("name"), out var name) || KubernetesNames.CheckLabel(name) is not null) continue;
                if (version.Get("served") is JsonValue served && served.GetValueKind() == JsonValueKind.False) continue;
                var storage = versions.Count == 1 || version.Get("storage") is JsonValue flag && flag.GetValueKind() == JsonValueKind.True;
                var openApi = version.Get("schema").Get("openAPIV3Schema") as JsonObject;
                var target = new TargetType(group, name, kind, plural, namespaced);
                result.TryAdd(target.ApiVersion + "/" + kind, new Definition(target, storage, openApi is null ? null : CustomResourceSchemas.Convert(openApi, isRoot: true), document.At("/spec/names/kind")));
            }
        }

        return result;
    }

    private static bool IsKindName(string kind) => kind.Length is > 0 and <= 63 && char.IsAsciiLetter(kind[0]) && kind.All(char.IsAsciiLetterOrDigit);

    /// <summary>A built-in kind's embedded schema, if fedrender has one for exactly this group and version.</summary>
    private static JsonObject? BuiltInSchema(TargetType target) =>
        BuiltInTypes.ForKind(target.Kind) is { } builtIn && builtIn.Group == target.Group && builtIn.Version == target.Version
            ? SchemaCatalog.Document("schemas/kubernetes/" + SchemaCatalog.ResourceName(target))
            : null;

    /// <summary>The Federated&lt;Kind&gt; schema: KubeFed's envelope, with the target's schema as spec.template.</summary>
    private static JsonObject Federated(string federatedKind, TargetType target, JsonObject? targetSchema)
    {
        var schema = Envelope(SchemaCatalog.Document("schemas/kubefed/federated.json") ?? [], DocumentBinder.TypesApiVersion, federatedKind);
        schema["title"] = $"{federatedKind} ({DocumentBinder.TypesApiVersion}) of {target.ApiVersion} {target.Kind}";
        JsonNode template = new JsonObject { ["type"] = "object" };
        if (targetSchema is not null)
        {
            if (targetSchema["$defs"] is JsonObject defs)
            {
                targetSchema.Remove("$defs");
                schema["definitions"] = Draft07Refs(defs);
            }

            // The target's root (its $ref into the definitions, or a custom resource's inline schema) less what names the document itself.
            foreach (var key in new[] { "$schema", "$id", "title" }) targetSchema.Remove(key);
            template = Draft07Refs(targetSchema);
        }

        if (schema["properties"] is JsonObject properties && properties["spec"]?["properties"] is JsonObject spec) spec["template"] = template;
        return schema;
    }

    /// <summary>A KubeFed schema as draft-07, its apiVersion and kind fixed to the one document it describes.</summary>
    private static JsonObject Envelope(JsonObject source, string apiVersion, string kind)
    {
        var schema = new JsonObject { ["$schema"] = Draft07, ["title"] = $"{kind} ({apiVersion})" };
        foreach (var (key, value) in source)
        {
            if (key is "$schema" or "$id" or "title") continue;
            schema[key] = value?.DeepClone();
        }

        if (schema["properties"] is JsonObject properties)
        {
            properties["apiVersion"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(apiVersion) };
            properties["kind"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(kind) };
        }

        return schema;
    }

    /// <summary>Draft 2020-12's <c>#/$defs/</c> references rewritten as draft-07's <c>#/definitions/</c>.</summary>
    private static JsonObject Draft07Refs(JsonObject node)
    {
        foreach (var (key, value) in node.ToList())
        {
            switch (value)
            {
                case JsonObject child:
                    Draft07Refs(child);
                    break;
                case JsonArray array:
                    foreach (var item in array.OfType<JsonObject>()) Draft07Refs(item);
                    break;
                case JsonValue when key == "$ref" && JsonKinds.IsString(value, out var reference) && reference.StartsWith(DefsPrefix, StringComparison.Ordinal):
                    node[key] = DefinitionsPrefix + reference[DefsPrefix.Length..];
                    break;
            }
        }

        return node;
    }

    /// <summary>A SchemaStore catalog (what yaml-language-server's <c>yaml.schemaStore.url</c> reads).</summary>
    private static JsonObject Catalog(IReadOnlyList<Entry> entries, string baseUrl) => new()
    {
        ["$schema"] = "https://json.schemastore.org/schema-catalog.json",
        ["version"] = 1,
        ["schemas"] = new JsonArray(entries.OrderBy(e => e.Path, StringComparer.Ordinal).Select(e => (JsonNode?)new JsonObject
        {
            ["name"] = e.Name,
            ["description"] = e.Description,
            ["url"] = baseUrl + e.Path,
        }).ToArray()),
    };

    private static string Text(JsonObject node) => JsonText.Of(node);
}
