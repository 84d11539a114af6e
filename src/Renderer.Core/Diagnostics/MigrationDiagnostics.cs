namespace Renderer.Core.Diagnostics;

/// <summary>FR82xx: <c>fedrender migrate --to karmada</c> and its verification.</summary>
public static class MigrationDiagnostics
{
    public static Diagnostic NamespacePlacement(SourceLocation at, string ns, string clusters) =>
        new("FR8201", Severity.Warning,
            $"Karmada sends every Namespace to every cluster, but FederatedNamespace {ns} goes only to {clusters}; migrated as a Namespace with the label {Karmada.KarmadaDocuments.SkipAutoPropagationLabel}: \"true\", a ClusterPropagationPolicy for those clusters, and a ClusterOverridePolicy that removes the label again, so the clusters get the same object.", at);

    public static Diagnostic NotPlaced(SourceLocation at, string display) =>
        new("FR8202", Severity.Warning,
            $"{display} goes to no cluster under KubeFed, so its resource template is migrated without a propagation policy (Karmada then propagates it nowhere either); remove it, or give it a placement.", at);

    public static Diagnostic ReplaceBecomesAdd(SourceLocation at, string cluster, string path) =>
        new("FR8203", Severity.Warning,
            $"The override replace \"{path}\" for cluster \"{cluster}\" adds a key (KubeFed's json-patch v4 allowed this; Karmada's v5 fails the Work), so it is migrated as operator add.", at) { Cluster = cluster };

    public static Diagnostic ReplicasAsOverrides(SourceLocation at, string display, string features) =>
        new("FR8204", Severity.Warning,
            $"Karmada's static weights cannot express this ReplicaSchedulingPreference for {display} ({features}); migrated as Duplicated with the replicas KubeFed computes written per cluster as plaintext /spec/replicas overrides (replace), which gives the same objects but no longer follows weights when totalReplicas changes.", at);

    public static Diagnostic SkippedNamespace(SourceLocation at, string display, string ns, string flag) =>
        new("FR8205", Severity.Warning,
            $"{display} is in namespace \"{ns}\", which karmada-controller-manager skips by default (--skipped-propagating-namespaces=kube-.*); start it with --skipped-propagating-namespaces={flag}, which the migrated {Karmada.KarmadaDocuments.OptionsKind} document records for fedrender.", at);

    public static Diagnostic NoCustomResourceDefinition(SourceLocation at, string kind) =>
        new("FR8206", Severity.Warning,
            $"Karmada has no FederatedTypeConfig: a resource template's type comes from its CustomResourceDefinition, and the inputs hold none for {kind}; add the CustomResourceDefinition to the inputs (and to the migrated output).", at);

    public static Diagnostic NamespacedControlPlane(SourceLocation at) =>
        new("FR8207", Severity.Warning,
            "A namespace-scoped KubeFed control plane has no Karmada equivalent (Karmada policies are namespaced, but its control plane always spans the cluster); the resources are migrated as they render, with their namespaces auto-propagated.", at);

    public static Diagnostic VerifyDifference(string file, string cluster, string difference) =>
        new("FR8208", Severity.Error,
            $"Cluster \"{cluster}\" gets different objects from the Karmada documents than from the KubeFed documents: {file}: {difference}; fix the migrated documents (or report the mapping as a bug).", SourceLocation.OfFile(file)) { Cluster = cluster };

    public static Diagnostic AlreadyKarmada(SourceLocation at) =>
        new("FR8210", Severity.Error,
            "The inputs already hold Karmada documents, so there is nothing to migrate; give migrate the KubeFed documents only.", at);
}
