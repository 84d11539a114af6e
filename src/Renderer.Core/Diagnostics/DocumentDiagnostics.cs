namespace Renderer.Core.Diagnostics;

/// <summary>FR2xxx: recognising documents and binding them to clusters, type configs and federated resources.</summary>
public static class DocumentDiagnostics
{
    public static Diagnostic NotAMapping(SourceLocation at) =>
        new("FR2001", Severity.Error,
            "The document is not a mapping; a Kubernetes or KubeFed document is a mapping with apiVersion, kind and metadata.", at);

    public static Diagnostic MissingField(SourceLocation at, string field, string documentKind) =>
        new("FR2002", Severity.Error,
            $"{documentKind} has no {field}; add it.", at);

    public static Diagnostic NotPropagated(SourceLocation at, string apiVersion, string kind) =>
        new("FR2003", Severity.Warning,
            $"A plain {kind} ({apiVersion}) is not a KubeFed document, so it is not propagated to any cluster; wrap it in a Federated{kind} (see 'fedrender federate') or remove it from the inputs.", at);

    public static Diagnostic UnmappedFederatedKind(SourceLocation at, string federatedKind, string kind) =>
        new("FR2004", Severity.Error,
            $"{federatedKind} maps to no known type; add a FederatedTypeConfig named \"<plural>.<group>\" of {kind} (core.kubefed.io/v1beta1) whose spec.federatedType.kind is {federatedKind}.", at);

    public static Diagnostic WrongType(SourceLocation at, string field, string expected, string actual) =>
        new("FR2005", Severity.Error,
            $"{field} must be {expected}, not {actual}; fix its value.", at);

    public static Diagnostic InvalidName(SourceLocation at, string what, string name, string rule) =>
        new("FR2006", Severity.Error,
            $"{what} \"{Visible.Quote(Shorten(name))}\" is not valid: {rule}.", at);

    public static Diagnostic DuplicateCluster(SourceLocation at, string name, SourceLocation first) =>
        new("FR2007", Severity.Error,
            $"KubeFedCluster \"{name}\" is declared twice (first at {first}); keep one.", at);

    public static Diagnostic DuplicateResource(SourceLocation at, string federatedKind, string display, SourceLocation first) =>
        new("FR2008", Severity.Error,
            $"{federatedKind} {display} is declared twice (first at {first}); merge the two documents into one.", at);

    public static Diagnostic NamespaceNameMismatch(SourceLocation at, string name, string ns) =>
        new("FR2009", Severity.Warning,
            $"FederatedNamespace \"{name}\" is in namespace \"{ns}\"; KubeFed ignores a FederatedNamespace whose name differs from its namespace (rule 12), so set both to the same value.", at);

    public static Diagnostic NamespaceIgnored(SourceLocation at, string federatedKind, string ns) =>
        new("FR2010", Severity.Warning,
            $"{federatedKind} renders a cluster-scoped object, so metadata.namespace \"{ns}\" is ignored; remove it.", at);

    public static Diagnostic DuplicateTypeConfig(SourceLocation at, string federatedKind, SourceLocation first) =>
        new("FR2011", Severity.Error,
            $"Two FederatedTypeConfigs map {federatedKind} (the other at {first}); keep one.", at);

    public static Diagnostic TypeConfigName(SourceLocation at, string name, string expected) =>
        new("FR2012", Severity.Error,
            $"FederatedTypeConfig \"{name}\" must be named \"{expected}\" (<plural>.<group> of its target type); KubeFed's admission webhook rejects any other name, so rename it.", at);

    public static Diagnostic WrongFederatedApiVersion(SourceLocation at, string apiVersion, string kind) =>
        new("FR2013", Severity.Warning,
            $"{kind} has apiVersion \"{apiVersion}\", so it is not a KubeFed document and is not propagated; use apiVersion types.kubefed.io/v1beta1.", at);

    public static Diagnostic PropagationDisabled(SourceLocation at, string federatedKind) =>
        new("FR2014", Severity.Info,
            $"Propagation of {federatedKind} is disabled by its FederatedTypeConfig, so nothing is rendered for it; set spec.propagation: Enabled to render it.", at);

    public static Diagnostic InvalidEnum(SourceLocation at, string field, string value, string allowed) =>
        new("FR2015", Severity.Error,
            $"{field} \"{value}\" is not one of {allowed}; use one of those (case-sensitive).", at);

    public static Diagnostic InvalidTypeConfigField(SourceLocation at, string field, string value, string problem) =>
        new("FR2017", Severity.Error,
            $"FederatedTypeConfig {field} \"{Shorten(value)}\" is invalid: {problem}; KubeFed's admission webhook rejects it, so correct the value.", at);

    public static Diagnostic UnknownField(SourceLocation at, string documentKind, string detail) =>
        new("FR2018", Severity.Error,
            $"{documentKind}: {detail}; KubeFed's CRD rejects unknown fields, so correct or remove it.", at);

    public static Diagnostic DuplicateConfig(SourceLocation at, SourceLocation first) =>
        new("FR2016", Severity.Error,
            $"A second KubeFedConfig (the first at {first}); a control plane has one, so keep one.", at);

    public static Diagnostic NoClusters(SourceLocation at, int documents) =>
        new("FR2050", Severity.Error,
            $"The inputs hold {documents} Federated document(s) but no KubeFedCluster, so nothing would be placed anywhere and a render would remove every file of its output; add the KubeFedCluster documents (such as clusters.yaml) to the inputs.", at);

    public static Diagnostic ListItemNotAMapping(SourceLocation at, string listKind, int index, string actual) =>
        new("FR2019", Severity.Error,
            $"Item {index} of the {listKind} is {actual}, not a mapping; every item of a list is a whole object with apiVersion, kind and metadata, so fix or remove it.", at);

    public static Diagnostic ListWithoutItems(SourceLocation at, string listKind, string actual) =>
        new("FR2020", Severity.Error,
            $"The {listKind} has {(actual == "null" ? "no items" : $"items that are {actual}")}; kubectl splits a list into the objects of its items list, so write items: as a list of objects.", at);

    public static Diagnostic InvalidDefaultNamespace(string ns, string problem) =>
        new("FR2021", Severity.Error,
            $"--namespace \"{Shorten(ns)}\" is not a valid namespace name: {problem}; pass a DNS label such as team-a.", SourceLocation.None);

    internal static string Shorten(string value) => value.Length <= 80 ? value : value[..77] + "...";
}
