using Renderer.Cli;
using Renderer.Cli.FileSystem;

namespace Renderer.Tests.Support;

/// <summary>Runs fedrender in-process on the real file system, from <c>workingDirectory</c>.</summary>
public static class DiskCli
{
    public static ProcessResult Run(string workingDirectory, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(args, new CliContext(stdout, stderr, () => Stream.Null, workingDirectory, new PhysicalFileSystem()));
        return new ProcessResult(exit, stdout.ToString(), stderr.ToString());
    }
}
