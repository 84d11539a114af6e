namespace Renderer.Core.Diagnostics;

/// <summary>FR22xx: what the integrations (editor schemas, the Source Hydrator layout) need of the documents.</summary>
public static class IntegrationDiagnostics
{
    public static Diagnostic SchemaNameUnusable(SourceLocation at, string what, string value, string rule) =>
        new("FR2201", Severity.Warning,
            $"{what} \"{Shorten(value)}\" cannot name a schema file ({rule}), so no schema is written for it; fix the value.", at);

    public static Diagnostic TemplateUntyped(SourceLocation at, string federatedKind, string target) =>
        new("FR2202", Severity.Info,
            $"No schema describes {target}, so the schema of {federatedKind} types spec.template only as an object; pass its CustomResourceDefinition as an input or with --schemas to type it.", at);

    public static Diagnostic ClusterNameTakenByLayout(SourceLocation at, string cluster, string layout, string file) =>
        new("FR2203", Severity.Error,
            $"Cluster \"{cluster}\" would have its directory where the {layout} layout writes its root file {file}; rename the KubeFedCluster or use another --layout.", at);

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..77] + "...";
}
