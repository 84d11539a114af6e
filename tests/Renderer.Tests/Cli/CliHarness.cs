using System.Text;
using Renderer.Cli;
using Renderer.Tests.Support;

namespace Renderer.Tests.Cli;

/// <summary>Runs fedrender in-process over an in-memory file system rooted at /work.</summary>
public sealed class CliHarness
{
    public const string Root = "/work";

    public InMemoryFileSystem FileSystem { get; init; } = new();

    public string StandardInput { get; set; } = string.Empty;

    public (int Exit, string Out, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, () => new MemoryStream(Encoding.UTF8.GetBytes(StandardInput)), Root, FileSystem);
        var exit = CliApp.Run(args, context);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Two clusters (east, west), a namespace on both and a ConfigMap that west overrides.</summary>
    public const string Federation = SampleFederation.TwoClusters;
}
