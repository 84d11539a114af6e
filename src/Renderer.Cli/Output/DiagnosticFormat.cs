namespace Renderer.Cli.Output;

/// <summary>How diagnostics are printed on stderr.</summary>
public enum DiagnosticFormat
{
    Text,
    Json,
}
