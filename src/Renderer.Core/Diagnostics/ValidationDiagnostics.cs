namespace Renderer.Core.Diagnostics;

/// <summary>
/// FR7xxx: what the API server would reject in a rendered object. Findings in a template point at the
/// template's line; findings an override introduces point at that override and name the cluster.
/// </summary>
public static class ValidationDiagnostics
{
    public static Diagnostic UnknownField(SourceLocation at, string display, string detail, string? cluster) => Make("FR7001", Severity.Error, at, display, detail, cluster);

    public static Diagnostic WrongType(SourceLocation at, string display, string detail, string? cluster) => Make("FR7002", Severity.Error, at, display, detail, cluster);

    public static Diagnostic MissingField(SourceLocation at, string display, string detail, string? cluster) => Make("FR7003", Severity.Error, at, display, detail, cluster);

    public static Diagnostic NotAllowed(SourceLocation at, string display, string detail, string? cluster) => Make("FR7004", Severity.Error, at, display, detail, cluster);

    public static Diagnostic IntegerFormat(SourceLocation at, string display, string detail, string? cluster) => Make("FR7007", Severity.Error, at, display, detail, cluster);

    public static Diagnostic Range(SourceLocation at, string display, string detail, string? cluster) => Make("FR7008", Severity.Error, at, display, detail, cluster);

    public static Diagnostic Pattern(SourceLocation at, string display, string detail, string? cluster) => Make("FR7009", Severity.Error, at, display, detail, cluster);

    public static Diagnostic Length(SourceLocation at, string display, string detail, string? cluster) => Make("FR7010", Severity.Error, at, display, detail, cluster);

    public static Diagnostic Format(SourceLocation at, string display, string detail, string? cluster) => Make("FR7011", Severity.Error, at, display, detail, cluster);

    public static Diagnostic Count(SourceLocation at, string display, string detail, string? cluster) => Make("FR7012", Severity.Error, at, display, detail, cluster);

    public static Diagnostic Duplicate(SourceLocation at, string display, string detail, string? cluster) => Make("FR7013", Severity.Error, at, display, detail, cluster);

    public static Diagnostic Composition(SourceLocation at, string display, string detail, string? cluster) => Make("FR7014", Severity.Error, at, display, detail, cluster);

    public static Diagnostic SizeLimit(SourceLocation at, string display, string detail, string? cluster) => Make("FR7113", Severity.Error, at, display, detail, cluster);

    public static Diagnostic NotValidated(SourceLocation at, string display, string apiVersion, string kind) =>
        new("FR7006", Severity.Warning,
            $"{display} is not validated: no schema is known for {apiVersion} {kind}; add its CustomResourceDefinition to the inputs (or pass it with --schemas).", at);

    public static Diagnostic Name(SourceLocation at, string display, string detail, string? cluster) => Make("FR7101", Severity.Error, at, display, detail, cluster);

    public static Diagnostic Label(SourceLocation at, string display, string detail, string? cluster) => Make("FR7102", Severity.Error, at, display, detail, cluster);

    public static Diagnostic Annotation(SourceLocation at, string display, string detail, string? cluster) => Make("FR7103", Severity.Error, at, display, detail, cluster);

    public static Diagnostic Selector(SourceLocation at, string display, string detail, string? cluster) => Make("FR7104", Severity.Error, at, display, detail, cluster);

    public static Diagnostic Volume(SourceLocation at, string display, string detail, string? cluster) => Make("FR7105", Severity.Error, at, display, detail, cluster);

    public static Diagnostic Container(SourceLocation at, string display, string detail, string? cluster) => Make("FR7106", Severity.Error, at, display, detail, cluster);

    public static Diagnostic Port(SourceLocation at, string display, string detail, string? cluster) => Make("FR7107", Severity.Error, at, display, detail, cluster);

    public static Diagnostic QuantityValue(SourceLocation at, string display, string detail, string? cluster) => Make("FR7108", Severity.Error, at, display, detail, cluster);

    public static Diagnostic Schedule(SourceLocation at, string display, string detail, string? cluster) => Make("FR7109", Severity.Error, at, display, detail, cluster);

    public static Diagnostic EnvName(SourceLocation at, string display, string detail, string? cluster) => Make("FR7110", Severity.Error, at, display, detail, cluster);

    public static Diagnostic EnvNamePortability(SourceLocation at, string display, string detail, string? cluster) => Make("FR7111", Severity.Warning, at, display, detail, cluster);

    public static Diagnostic Workload(SourceLocation at, string display, string detail, string? cluster) => Make("FR7112", Severity.Error, at, display, detail, cluster);

    /// <summary>A Secret's data value that is not base64; the detail names the key, never the value.</summary>
    public static Diagnostic SecretData(SourceLocation at, string display, string detail, string? cluster) => Make("FR7050", Severity.Error, at, display, detail + ", which the API server rejects; encode the value with base64 (base64 -w0), or move it to stringData", cluster);

    /// <summary>A Secret's stringData value that is not a string; the detail names the key, never the value.</summary>
    public static Diagnostic SecretStringData(SourceLocation at, string display, string detail, string? cluster) => Make("FR7051", Severity.Error, at, display, detail + ", which the API server rejects; quote the value", cluster);

    public static Diagnostic MissingReference(SourceLocation at, string display, string cluster, string reference, string elsewhere) =>
        new("FR7201", Severity.Warning,
            $"{display} on cluster \"{cluster}\" refers to {reference}, which is not rendered for \"{cluster}\" ({elsewhere}); place it on \"{cluster}\" too, or fix the name.", at) { Cluster = cluster };

    private static Diagnostic Make(string code, Severity severity, SourceLocation at, string display, string detail, string? cluster) =>
        new(code, severity,
            cluster is null
                ? $"{display}: {detail}; fix the template."
                : $"{display} on cluster \"{cluster}\", after this override: {detail}; fix the override.",
            at) { Cluster = cluster };
}
