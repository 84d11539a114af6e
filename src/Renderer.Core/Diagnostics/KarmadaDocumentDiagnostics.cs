namespace Renderer.Core.Diagnostics;

/// <summary>FR21xx: recognising and binding Karmada documents (resource templates, policies, clusters).</summary>
public static class KarmadaDocumentDiagnostics
{
    public static Diagnostic KubeFedDocumentAmongKarmada(SourceLocation at, string apiVersion, string kind) =>
        new("FR2101", Severity.Error,
            $"{kind} ({apiVersion}) is a KubeFed document, but these inputs are Karmada's (they hold Karmada policies or clusters); render the two separately, or convert it with fedrender migrate --to karmada.", at);

    public static Diagnostic UnknownTemplateKind(SourceLocation at, string apiVersion, string kind) =>
        new("FR2102", Severity.Error,
            $"Resource template kind {kind} ({apiVersion}) is neither a built-in Kubernetes type nor defined by a CustomResourceDefinition among the inputs; add its CustomResourceDefinition so that its scope is known.", at);

    public static Diagnostic TemplateWithoutNamespace(SourceLocation at, string kind, string name) =>
        new("FR2103", Severity.Error,
            $"Resource template {kind} \"{name}\" is namespaced but has no metadata.namespace; Karmada matches policies in the template's namespace, so set it.", at);

    public static Diagnostic DuplicateDocument(SourceLocation at, string what, SourceLocation first) =>
        new("FR2104", Severity.Error,
            $"{what} is declared twice (first at {first}); keep one.", at);

    public static Diagnostic NotRenderedKind(SourceLocation at, string apiVersion, string kind) =>
        new("FR2105", Severity.Warning,
            $"{kind} ({apiVersion}) belongs to Karmada's control plane and is neither propagated nor rendered offline; remove it from the inputs (fedrender renders PropagationPolicy, ClusterPropagationPolicy, OverridePolicy, ClusterOverridePolicy and Cluster).", at);

    public static Diagnostic NotModelled(SourceLocation at, string field, string consequence) =>
        new("FR2106", Severity.Warning,
            $"{field} is not modelled offline: {consequence}; remove it, or check the result on a live Karmada control plane.", at);

    public static Diagnostic InvalidEnum(SourceLocation at, string field, string value, string allowed) =>
        new("FR2107", Severity.Error,
            $"{field} is \"{value}\"; Karmada's CRD allows only {allowed} (case-sensitive), so fix the value.", at);

    public static Diagnostic BothAffinities(SourceLocation at) =>
        new("FR2108", Severity.Error,
            "spec.placement sets both clusterAffinity and clusterAffinities; Karmada's webhook rejects this, so keep one.", at);

    public static Diagnostic InvalidNamespacePattern(SourceLocation at, string pattern, string problem) =>
        new("FR2109", Severity.Error,
            $"Skipped-namespace pattern \"{pattern}\" is not a valid regular expression ({problem}); write a pattern such as kube-.* (it is anchored at both ends).", at);

    public static Diagnostic MissingField(SourceLocation at, string field, string what) =>
        new("FR2110", Severity.Error,
            $"{what} has no {field}; Karmada's CRD requires it, so add it.", at);
}
