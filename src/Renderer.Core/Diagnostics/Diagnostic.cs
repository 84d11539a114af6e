using System.Globalization;

namespace Renderer.Core.Diagnostics;

/// <summary>
/// One finding about the inputs. Diagnostics are data: every one is created by a factory in one of the
/// <c>*Diagnostics</c> classes of this folder, which own the code and the wording.
/// </summary>
public sealed record Diagnostic(string Code, Severity Severity, string Message, SourceLocation Location)
{
    /// <summary>The cluster the diagnostic concerns, where it concerns one.</summary>
    public string? Cluster { get; init; }

    public bool IsError => Severity == Severity.Error;

    public Diagnostic WithSeverity(Severity severity) => this with { Severity = severity };

    /// <summary><c>file(line,col): error FR1234: message</c>, the format compilers use.</summary>
    public override string ToString()
    {
        var severity = Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "info",
        };
        var prefix = Location.IsNone ? "fedrender" : Location.ToString();
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}: {severity} {Code}: {Message}");
    }
}
