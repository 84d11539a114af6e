namespace Renderer.Core.Diagnostics;

/// <summary>How bad a diagnostic is. Errors block output; warnings block it only under --strict.</summary>
public enum Severity
{
    Info = 0,
    Warning = 1,
    Error = 2,
}
