namespace Renderer.Core.Diagnostics;

/// <summary>FR4xxx: per-cluster overrides (KubeFed rules 23-33 and the renderer's stricter policy).</summary>
public static class OverrideDiagnostics
{
    public static Diagnostic DuplicateClusterName(SourceLocation at, string cluster, SourceLocation first) =>
        new("FR4001", Severity.Error,
            $"Cluster \"{cluster}\" has two entries in spec.overrides (first at line {first.Line}); KubeFed then fails the resource on every cluster (rule 23), so merge them into one.", at) { Cluster = cluster };

    public static Diagnostic ForbiddenPath(SourceLocation at, string cluster, string path) =>
        new("FR4002", Severity.Error,
            $"Override path \"{path}\" for cluster \"{cluster}\" is not allowed: name, namespace, generateName and kind come from the federated document (rule 23); remove this override.", at) { Cluster = cluster };

    public static Diagnostic DuplicatePath(SourceLocation at, string cluster, string path, SourceLocation first) =>
        new("FR4003", Severity.Error,
            $"Path \"{path}\" is overridden twice for cluster \"{cluster}\" (first at line {first.Line}); KubeFed rejects this (rule 23), so keep one.", at) { Cluster = cluster };

    public static Diagnostic InvalidOp(SourceLocation at, string cluster, string op) =>
        new("FR4004", Severity.Error,
            $"Override op \"{op}\" for cluster \"{cluster}\" is not allowed; use add, remove or replace (lowercase), as KubeFed's CRD requires (rule 24).", at) { Cluster = cluster };

    public static Diagnostic PathWithoutSlash(SourceLocation at, string cluster, string path) =>
        new("FR4005", Severity.Error,
            $"Override path \"{path}\" for cluster \"{cluster}\" does not start with '/'; KubeFed would silently drop its first segment (rule 31), so write \"/{path}\".", at) { Cluster = cluster };

    public static Diagnostic PatchFailed(SourceLocation at, string cluster, string op, string path, string reason, string existing, string? suggestion) =>
        new("FR4006", Severity.Error,
            $"Override {op} \"{path}\" cannot apply on cluster \"{cluster}\": {reason}; the longest part of the path that exists is \"{(existing.Length == 0 ? "/" : existing)}\"{(suggestion is null ? "." : $"; did you mean \"{suggestion}\"?")} KubeFed would fail this object on that cluster (rules 26-30).", at) { Cluster = cluster };

    public static Diagnostic IdentityChanged(SourceLocation at, string cluster, string path, string what) =>
        new("FR4007", Severity.Error,
            $"Override \"{path}\" for cluster \"{cluster}\" changes the object's {what}; name, namespace and kind come from the federated document, so override fields below /metadata instead.", at) { Cluster = cluster };

    public static Diagnostic UnselectedCluster(SourceLocation at, string cluster) =>
        new("FR4008", Severity.Warning,
            $"Overrides for cluster \"{cluster}\" are ignored: the resource is not placed on it (rule 33); fix the cluster name or remove the stale entry.", at) { Cluster = cluster };

    public static Diagnostic ReplaceAddedKey(SourceLocation at, string cluster, string path) =>
        new("FR4009", Severity.Warning,
            $"Override replace \"{path}\" on cluster \"{cluster}\" adds a key that does not exist (a json-patch v4 quirk KubeFed relied on, rule 28); write op: add.", at) { Cluster = cluster };

    public static Diagnostic MetadataOverride(SourceLocation at, string cluster, string path) =>
        new("FR4010", Severity.Warning,
            $"Override \"{path}\" for cluster \"{cluster}\" replaces the object's metadata (rule 32); override the fields below it, such as /metadata/labels.", at) { Cluster = cluster };

    public static Diagnostic MissingPath(SourceLocation at, string cluster) =>
        new("FR4011", Severity.Error,
            $"An override for cluster \"{cluster}\" has no path; KubeFed's CRD requires one, so add path: /the/field.", at) { Cluster = cluster };

    public static Diagnostic EmptyTopLevelKey(SourceLocation at, string cluster) =>
        new("FR4012", Severity.Error,
            $"Override path \"/\" for cluster \"{cluster}\" adds the top-level key \"\", which no Kubernetes object has; name the field to override.", at) { Cluster = cluster };

    public static Diagnostic ChangesNothing(SourceLocation at, string cluster, string op, string path) =>
        new("FR4014", Severity.Warning,
            $"Override {op} \"{path}\" on cluster \"{cluster}\" sets the value the object already has; remove it, or change the template if the cluster should differ.", at) { Cluster = cluster };

    public static Diagnostic UndeclaredApiVersion(SourceLocation at, string cluster, string value, string kind, string declared) =>
        new("FR4015", Severity.Error,
            $"Override of /apiVersion on cluster \"{cluster}\" sets \"{DocumentDiagnostics.Shorten(value)}\", which no type config or CustomResourceDefinition declares for {kind} (declared: {declared}); the API server would refuse the object, so use a declared version or remove the override.", at) { Cluster = cluster };

    public static Diagnostic MetadataNotMapping(SourceLocation at, string cluster) =>
        new("FR4013", Severity.Error,
            $"The overrides for cluster \"{cluster}\" leave metadata that is not a mapping; KubeFed cannot label such an object, so override fields below /metadata instead.", at) { Cluster = cluster };
}
