using Renderer.Core.Secrets;

namespace Renderer.Core.Diagnostics;

/// <summary>
/// Keeps Secret values out of every diagnostic. Which values are secret is decided by where they sit in the
/// inputs (<see cref="SecretMap"/>); a diagnostic about a place on a Secret value loses every quoted text,
/// and any diagnostic loses each Secret value it would quote.
/// </summary>
public static class SecretRedactor
{
    public const string Mask = SecretMap.Mask;

    public static IReadOnlyList<Diagnostic> Redact(SecretMap secrets, IEnumerable<Diagnostic> diagnostics)
    {
        if (secrets.IsEmpty) return diagnostics as IReadOnlyList<Diagnostic> ?? diagnostics.ToList();
        return diagnostics.Select(d =>
        {
            var message = secrets.Redact(d.Message, d.Location);
            return ReferenceEquals(message, d.Message) || message == d.Message ? d : d with { Message = message };
        }).ToList();
    }
}
