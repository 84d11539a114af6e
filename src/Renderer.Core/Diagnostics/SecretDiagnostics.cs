namespace Renderer.Core.Diagnostics;

/// <summary>FR5050: Secrets in what fedrender writes.</summary>
public static class SecretDiagnostics
{
    public static Diagnostic PlainSecretInOutput(SourceLocation at, string display, string file, string cluster) =>
        new("FR5050", Severity.Warning,
            $"{display} is written in plain text to {file}, where anyone who can read the output can read its values; seal it per cluster with fedrender seal (a FederatedSealedSecret), or render with --secrets omit and provide it another way.", at) { Cluster = cluster };
}
