using Renderer.Core.Input;
using Renderer.Core.Secrets;

namespace Renderer.Core.Diagnostics;

/// <summary>
/// The one last step before any diagnostic is shown, in any format: Secret values redacted (found by where they
/// sit, see <see cref="SecretMap"/>), warnings made errors under <c>--strict</c>, duplicates dropped, and the one
/// order applied. Every facade and the command line's runner call it; finishing twice changes nothing, so a
/// command may finish what a stage already finished together with its own diagnostics.
/// </summary>
public static class DiagnosticFinisher
{
    public static IReadOnlyList<Diagnostic> Finish(IEnumerable<Diagnostic> diagnostics, SecretMap secrets, bool strict)
    {
        var redacted = SecretRedactor.Redact(secrets, diagnostics);
        return DiagnosticOrder.Sort(strict ? redacted.Select(d => d.Severity == Severity.Warning ? d.WithSeverity(Severity.Error) : d) : redacted);
    }

    /// <summary>The same, with the Secret values of these loaded documents (no type configs, no broken files).</summary>
    public static IReadOnlyList<Diagnostic> Finish(IEnumerable<Diagnostic> diagnostics, IReadOnlyList<SourceDocument> documents, bool strict) =>
        Finish(diagnostics, SecretFinder.Find(documents, [], []), strict);

    /// <summary>Whether a diagnostic blocks the command: an error, or a warning under <c>--strict</c>.</summary>
    public static bool Blocks(Diagnostic diagnostic, bool strict) =>
        diagnostic.IsError || strict && diagnostic.Severity == Severity.Warning;
}
