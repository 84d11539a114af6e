namespace Renderer.Tests.Support;

/// <summary>What an integration test needs from the machine beyond the .NET SDK (see <see cref="ExternalTool"/>).</summary>
public enum Tool
{
    Git,
    Kubectl,
    PreCommit,
    Chromium,
    TmpfsMount,
    Node,
    PythonCryptography,
    Python,
}
