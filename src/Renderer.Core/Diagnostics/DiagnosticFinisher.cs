using Renderer.Core.Input;

namespace Renderer.Core.Diagnostics;

/// <summary>
/// The one place diagnostics are finished before anyone reads them: Secret values redacted, warnings made
/// errors under <c>--strict</c>, then de-duplicated and sorted. Every facade and the command line's runner
/// call it; finishing twice changes nothing.
/// </summary>
public static class DiagnosticFinisher
{
    public static IReadOnlyList<Diagnostic> Finish(IEnumerable<Diagnostic> diagnostics, IReadOnlyList<SourceDocument> documents, bool strict)
    {
        var redacted = SecretRedactor.Redact(documents, diagnostics as IReadOnlyList<Diagnostic> ?? diagnostics.ToList());
        return DiagnosticOrder.Sort(strict ? redacted.Select(d => d.Severity == Severity.Warning ? d.WithSeverity(Severity.Error) : d) : redacted);
    }

    /// <summary>Whether a diagnostic blocks the command: an error, or a warning under <c>--strict</c>.</summary>
    public static bool Blocks(Diagnostic diagnostic, bool strict) =>
        diagnostic.IsError || strict && diagnostic.Severity == Severity.Warning;
}
