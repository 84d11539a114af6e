namespace Renderer.Core.Diagnostics;

/// <summary>FR8xxx: turning plain manifests into Federated documents (fedrender federate).</summary>
public static class FederateDiagnostics
{
    public static Diagnostic UnknownKind(SourceLocation at, string apiVersion, string kind) =>
        new("FR8001", Severity.Error,
            $"{kind} ({apiVersion}) is not a kind fedrender knows; add its CustomResourceDefinition to the inputs or pass it with --schemas (a FederatedTypeConfig is then generated for it), or add a FederatedTypeConfig for it.", at);

    public static Diagnostic NoNamespace(SourceLocation at, string kind, string name) =>
        new("FR8002", Severity.Error,
            $"{kind} \"{name}\" is namespaced but has no metadata.namespace; add the namespace it belongs to.", at);

    public static Diagnostic AlreadyFederated(SourceLocation at, string kind) =>
        new("FR8003", Severity.Warning,
            $"{kind} is already a KubeFed document, so it is left out of the federated output; pass only plain manifests.", at);

    public static Diagnostic UndeclaredVersion(SourceLocation at, string apiVersion, string kind, string declared) =>
        new("FR8005", Severity.Error,
            $"{kind} has apiVersion \"{apiVersion}\", which its CustomResourceDefinition does not declare (declared: {declared}); use a declared version.", at);

    public static Diagnostic DuplicateObject(SourceLocation at, string display, SourceLocation first) =>
        new("FR8004", Severity.Error,
            $"{display} appears twice (first at {first}); keep one, since one federated document is written per object.", at);
}
