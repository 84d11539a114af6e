using System.Diagnostics;
using Renderer.Tests.Support;

namespace Renderer.Tests.Cli;

/// <summary>The hooks of .pre-commit-hooks.yaml, run by the real pre-commit against a scratch git repository.</summary>
public sealed class PreCommitTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("fedrender-precommit-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private (int Exit, string Output) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Path.Combine(root, "repo"), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["PRE_COMMIT_HOME"] = Path.Combine(root, "cache");
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "fedrender tests";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "tests@fedrender.invalid";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }

    [Fact]
    public void HooksValidateAndCatchStaleOutput()
    {
        var repo = Path.Combine(root, "repo");
        Directory.CreateDirectory(Path.Combine(repo, "federation"));
        File.WriteAllText(Path.Combine(repo, "federation", "app.yaml"), CliHarness.Federation);
        var revision = Git(RepositoryPaths.Root, "rev-parse", "HEAD").Trim();
        File.WriteAllText(Path.Combine(repo, ".pre-commit-config.yaml"), $"""
            repos:
            - repo: {RepositoryPaths.Root}
              rev: {revision}
              hooks:
              - id: fedrender-validate
                args: [federation]
              - id: fedrender-check
                args: [federation, --output, rendered]
            """);
        Assert.Equal(0, Run("git", "init", "-q").Exit);

        // No rendered output yet: validate passes, check fails.
        Assert.Equal(0, Run("git", "add", "-A").Exit);
        var (exit, output) = Run("pre-commit", "run", "--all-files");
        Assert.True(exit != 0, output);
        Assert.Contains("fedrender validate", output, StringComparison.Ordinal);
        Assert.Matches(@"fedrender validate\.+Passed", output);
        Assert.Matches(@"fedrender check\.+Failed", output);

        // Render with the same tool, and both hooks pass.
        var tool = Directory.GetFiles(Path.Combine(root, "cache"), "fedrender", SearchOption.AllDirectories).First(f => Path.GetDirectoryName(f)?.EndsWith("bin", StringComparison.Ordinal) == true);
        Assert.Equal(0, Run(tool, "render", "federation", "--output", "rendered").Exit);
        Assert.Equal(0, Run("git", "add", "-A").Exit);
        (exit, output) = Run("pre-commit", "run", "--all-files");
        Assert.True(exit == 0, output);

        // A hand edit of the output makes check fail again, and names the file.
        File.AppendAllText(Path.Combine(repo, "rendered", "west", "app", "configmap-settings.yaml"), "# edited\n");
        (exit, output) = Run("pre-commit", "run", "--all-files");
        Assert.True(exit != 0, output);
        Assert.Contains("~ west/app/configmap-settings.yaml", output, StringComparison.Ordinal);
    }

    private static string Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
