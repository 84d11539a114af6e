using Renderer.Tests.Support;

namespace Renderer.IntegrationTests.Cli;

/// <summary>The hooks of .pre-commit-hooks.yaml, run by the real pre-commit against a scratch git repository.</summary>
public sealed class PreCommitTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("fedrender-precommit-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Repo => Path.Combine(root, "repo");

    private Dictionary<string, string> Environment => new(StringComparer.Ordinal)
    {
        ["PRE_COMMIT_HOME"] = Path.Combine(root, "cache"),
        ["GIT_AUTHOR_NAME"] = "fedrender tests",
        ["GIT_COMMITTER_NAME"] = "fedrender tests",
        ["GIT_AUTHOR_EMAIL"] = "tests@fedrender.invalid",
        ["GIT_COMMITTER_EMAIL"] = "tests@fedrender.invalid",
    };

    private ProcessResult PreCommit() => ExternalTool.PreCommit.Run(["run", "--all-files"], Repo, Environment);

    private ProcessResult Git(params string[] args) => ExternalTool.Git.Run(args, Repo, Environment);

    [ToolFact(Tool.PreCommit, Tool.Git)]
    public void HooksValidateAndCatchStaleOutput()
    {
        Directory.CreateDirectory(Path.Combine(Repo, "federation"));
        File.WriteAllText(Path.Combine(Repo, "federation", "app.yaml"), SampleFederation.TwoClusters);
        var revision = ExternalTool.Git.Run(["rev-parse", "HEAD"], RepositoryPaths.Root).Out.Trim();
        File.WriteAllText(Path.Combine(Repo, ".pre-commit-config.yaml"), $"""
            repos:
            - repo: {RepositoryPaths.Root}
              rev: {revision}
              hooks:
              - id: fedrender-validate
                args: [federation]
              - id: fedrender-check
                args: [federation, --output, rendered]
            """);
        Assert.Equal(0, Git("init", "-q").Exit);

        // No rendered output yet: validate passes, check fails.
        Assert.Equal(0, Git("add", "-A").Exit);
        var result = PreCommit();
        Assert.True(result.Exit != 0, result.Output);
        Assert.Matches(@"fedrender validate\.+Passed", result.Output);
        Assert.Matches(@"fedrender check\.+Failed", result.Output);

        // Render with the same tool, and both hooks pass.
        var tool = Directory.GetFiles(Path.Combine(root, "cache"), "fedrender", SearchOption.AllDirectories).First(f => Path.GetDirectoryName(f)?.EndsWith("bin", StringComparison.Ordinal) == true);
        Assert.Equal(0, ExternalProcess.Run(tool, ["render", "federation", "--output", "rendered"], Repo).Exit);
        Assert.Equal(0, Git("add", "-A").Exit);
        result = PreCommit();
        Assert.True(result.Exit == 0, result.Output);

        // A hand edit of the output makes check fail again, and names the file.
        File.AppendAllText(Path.Combine(Repo, "rendered", "west", "app", "configmap-settings.yaml"), "# edited\n");
        result = PreCommit();
        Assert.True(result.Exit != 0, result.Output);
        Assert.Contains("~ west/app/configmap-settings.yaml", result.Output, StringComparison.Ordinal);
    }
}
