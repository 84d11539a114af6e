namespace Renderer.Core.Diagnostics;

/// <summary>FR41xx: Karmada's overriders, applied per cluster (and the override extensions of Federated documents).</summary>
public static class KarmadaOverrideDiagnostics
{
    public static Diagnostic UnknownContainer(SourceLocation at, string cluster, string overrider, string container, string display, string known) =>
        new("FR4101", Severity.Warning,
            $"{overrider} for container \"{container}\" changes nothing on cluster \"{cluster}\": {display} has no container of that name (containers: {known}); fix containerName.", at) { Cluster = cluster };

    public static Diagnostic MissingKey(SourceLocation at, string cluster, string overrider, string op, string key, string display) =>
        new("FR4102", Severity.Warning,
            $"{overrider} {op} of \"{key}\" changes nothing on cluster \"{cluster}\": {display} has no such key, and Karmada skips {op} of a missing key; use operator add, or fix the key.", at) { Cluster = cluster };

    public static Diagnostic KindIgnored(SourceLocation at, string overrider, string kind, string display, string fix) =>
        new("FR4103", Severity.Warning,
            $"{overrider} changes nothing on {display}: Karmada applies it only to the containers of a Pod, Deployment, ReplicaSet, DaemonSet, StatefulSet or Job, not of a {kind}; {fix}.", at);

    public static Diagnostic ChangesNothing(SourceLocation at, string cluster, string what) =>
        new("FR4104", Severity.Warning,
            $"{what} on cluster \"{cluster}\" leaves the object as it was; remove it, or change it so that it overrides something.", at) { Cluster = cluster };

    public static Diagnostic PatchFailed(SourceLocation at, string cluster, string op, string path, string reason) =>
        new("FR4105", Severity.Error,
            $"Override {op} \"{path}\" cannot apply on cluster \"{cluster}\": {reason}; Karmada then fails the object's Work on that cluster, so fix the path or the operator (replace and remove need an existing value).", at) { Cluster = cluster };

    public static Diagnostic InvalidImage(SourceLocation at, string cluster, string image, string problem) =>
        new("FR4106", Severity.Error,
            $"Image \"{image}\" cannot be parsed ({problem}), so imageOverrider fails on cluster \"{cluster}\"; fix the image reference.", at) { Cluster = cluster };

    public static Diagnostic FieldNotParsable(SourceLocation at, string cluster, string fieldPath, string problem) =>
        new("FR4107", Severity.Error,
            $"fieldOverrider fieldPath \"{fieldPath}\" cannot be overridden on cluster \"{cluster}\": {problem}; point fieldPath at a string field that holds JSON or YAML.", at) { Cluster = cluster };

    public static Diagnostic InvalidOperator(SourceLocation at, string value, string allowed) =>
        new("FR4108", Severity.Error,
            $"Operator \"{value}\" is not allowed here; use {allowed} (lowercase, as Karmada's CRD requires).", at);

    public static Diagnostic ClusterSelectorExtension(SourceLocation at) =>
        new("FR4109", Severity.Info,
            "This spec.overrides entry selects clusters by clusterSelector, a fedrender extension KubeFed never had (it maps onto Karmada's targetCluster.labelSelector); entries apply in list order.", at);

    public static Diagnostic NameAndSelector(SourceLocation at) =>
        new("FR4110", Severity.Error,
            "A spec.overrides entry sets both clusterName and clusterSelector; keep one of them.", at);

    public static Diagnostic DigestDropped(SourceLocation at, string cluster, string image) =>
        new("FR4111", Severity.Warning,
            $"Image \"{image}\" has both a tag and a digest; Karmada's imageOverrider keeps only the tag on cluster \"{cluster}\", so write the image with one of them.", at) { Cluster = cluster };
}
