namespace Renderer.Tests.Support;

/// <summary>How a program run by a test ended: its exit code and everything it printed.</summary>
public sealed record ProcessResult(int Exit, string Out, string Error)
{
    /// <summary>Standard output, then standard error, for assertion messages.</summary>
    public string Output => Out + Error;
}
