using Renderer.Tests.Support;

namespace Renderer.IntegrationTests.Cli;

/// <summary>
/// The README's example commands, run in a scratch git repository holding the examples and this repository's
/// .gitignore, leave nothing untracked: what they write is ignored.
/// </summary>
public sealed class GitignoreTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("fedrender-gitignore-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    /// <summary>The README's commands (after "fedrender" or "dotnet run --project src/Renderer.Cli --"), and where each sends its standard output.</summary>
    private static readonly (string Command, string? StandardOutput)[] ReadmeCommands =
    [
        ("render examples/elk --output out", null),
        ("preview examples/elk --group-by region --output preview.html", null),
        ("federate examples/plain --namespace-too", "federated.yaml"),
    ];

    [ToolFact(Tool.Git)]
    public void ReadmeCommandsLeaveNothingUntracked()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        File.Copy(Path.Combine(RepositoryPaths.Root, ".gitignore"), Path.Combine(temp, ".gitignore"));
        FileTree.Copy(Path.Combine(RepositoryPaths.Root, "examples"), Path.Combine(temp, "examples"));

        Assert.Equal(0, Git("init", "-q").Exit);
        Assert.Equal(0, Git("add", "-A").Exit);

        foreach (var (command, standardOutput) in ReadmeCommands)
        {
            var quoted = standardOutput is null ? command : $"{command} > {standardOutput}";
            Assert.True(readme.Contains("-- " + quoted, StringComparison.Ordinal) || readme.Contains("fedrender " + quoted, StringComparison.Ordinal), $"the README no longer shows: {quoted}");
            var (exit, stdout, error) = DiskCli.Run(temp, command.Split(' '));
            Assert.True(exit == 0, error);
            if (standardOutput is not null) File.WriteAllText(Path.Combine(temp, standardOutput), stdout);
        }

        Assert.True(File.Exists(Path.Combine(temp, "preview.html")));
        var untracked = Git("ls-files", "--others", "--exclude-standard");
        Assert.True(untracked.Exit == 0 && untracked.Out.Length == 0, "the README's commands leave files git does not ignore:\n" + untracked.Output);
    }

    private ProcessResult Git(params string[] args) => ExternalTool.Git.Run(args, temp);
}
