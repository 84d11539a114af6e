using Renderer.Core.Secrets;

namespace Renderer.Core.Diagnostics;

/// <summary>
/// The one last step before any diagnostic is shown, in any format: Secret values redacted, warnings made
/// errors under strict, duplicates dropped, and the one order applied. Finishing twice changes nothing, so
/// a command may finish what a stage already finished together with its own diagnostics.
/// </summary>
public static class DiagnosticFinisher
{
    public static IReadOnlyList<Diagnostic> Finish(IEnumerable<Diagnostic> diagnostics, SecretMap secrets, bool strict)
    {
        var redacted = SecretRedactor.Redact(secrets, diagnostics);
        return DiagnosticOrder.Sort(strict ? redacted.Select(d => d.Severity == Severity.Warning ? d.WithSeverity(Severity.Error) : d) : redacted);
    }
}
