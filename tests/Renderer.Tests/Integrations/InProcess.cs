using Renderer.Cli;
using Renderer.Cli.FileSystem;
using Renderer.Tests.Support;

namespace Renderer.Tests.Integrations;

/// <summary>Runs fedrender in-process on the real file system, from the repository root unless told otherwise.</summary>
public static class InProcess
{
    public static ExternalTools.Result Fedrender(params string[] args) => FedrenderIn(RepositoryPaths.Root, args);

    public static ExternalTools.Result FedrenderIn(string directory, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, () => Stream.Null, directory, new PhysicalFileSystem());
        return new ExternalTools.Result(CliApp.Run(args, context), stdout.ToString(), stderr.ToString());
    }
}
