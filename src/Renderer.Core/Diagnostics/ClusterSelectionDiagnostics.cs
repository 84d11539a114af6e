namespace Renderer.Core.Diagnostics;

/// <summary>
/// FR2204-FR2209: the clusters a command line asks about (<c>--cluster</c>), checked against the clusters the inputs
/// register. FR2204 is a usage error: the flag belongs to whoever runs fedrender, so the command line exits 2.
/// </summary>
public static class ClusterSelectionDiagnostics
{
    private const string UnknownSelectedCode = "FR2204";
    private const string UnknownExplainedCode = "FR2205";

    public static Diagnostic UnknownSelectedCluster(string cluster, string registered, string? suggestion, string registry) =>
        new(UnknownSelectedCode, Severity.Error,
            $"--cluster \"{Visible.Quote(cluster)}\" names no registered cluster, so nothing would be rendered or compared for it; {Hint(suggestion)}pass a registered cluster (registered: {registered}) or add a {registry} named {Visible.Quote(cluster)}.", SourceLocation.None);

    public static Diagnostic UnknownExplainedCluster(string cluster, string registered, string? suggestion, string registry) =>
        new(UnknownExplainedCode, Severity.Error,
            $"explain --cluster \"{Visible.Quote(cluster)}\" names no registered cluster, so no object can be on it; {Hint(suggestion)}ask about a registered cluster (registered: {registered}) or add a {registry} named {Visible.Quote(cluster)}.", SourceLocation.None);

    /// <summary>Whether <paramref name="diagnostic"/> is about the command line rather than the inputs (the CLI exits 2 for it).</summary>
    public static bool IsUsageError(Diagnostic diagnostic) => diagnostic.IsError && diagnostic.Code == UnknownSelectedCode;

    /// <summary>Whether <paramref name="diagnostic"/> says the cluster explain was asked about is not registered.</summary>
    public static bool IsUnknownExplainedCluster(Diagnostic diagnostic) => diagnostic.Code == UnknownExplainedCode;

    private static string Hint(string? suggestion) => suggestion is null ? string.Empty : $"did you mean \"{suggestion}\"? Otherwise ";
}
