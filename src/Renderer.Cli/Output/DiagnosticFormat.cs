namespace Renderer.Cli.Output;

/// <summary>How diagnostics are printed on stderr.</summary>
public enum DiagnosticFormat
{
    /// <summary><c>file(line,col): error FR1234: message</c>, as compilers print.</summary>
    Text,

    /// <summary>One JSON object per line.</summary>
    Json,

    /// <summary>GitHub Actions workflow commands, which annotate the pull request's files.</summary>
    GitHub,

    /// <summary>One SARIF 2.1.0 log, for code-scanning upload.</summary>
    Sarif,
}
