using System.Diagnostics;
using Renderer.Benchmarks;
using Renderer.Cli;
using Renderer.Cli.FileSystem;
using Renderer.Tests.Support;

namespace Renderer.IntegrationTests.Reliability;

/// <summary>Real fedrender processes rendering into one output directory at once: the result is always one whole render.</summary>
public sealed class ConcurrentWriterTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("fedrender-concurrent-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void TwoRendersAtOnceLeaveOneWholeRender()
    {
        var versionA = SyntheticFederation.Generate(20, 10);
        File.WriteAllText(Path.Combine(root, "a.yaml"), versionA);
        File.WriteAllText(Path.Combine(root, "b.yaml"), versionA.Replace(":1.0.", ":2.0.", StringComparison.Ordinal));
        var fingerprints = new[] { "a.yaml", "b.yaml" }.ToDictionary(f => f, f => RenderInProcess(f, "reference-" + f));
        for (var round = 0; round < 3; round++)
        {
            var first = Start("a.yaml");
            var second = Start("b.yaml");
            first.WaitForExit();
            second.WaitForExit();
            var exits = new[] { first.ExitCode, second.ExitCode };
            var errors = first.StandardError.ReadToEnd() + second.StandardError.ReadToEnd();
            first.Dispose();
            second.Dispose();

            // Each either rendered whole or waited for the lock and said so; never a crash.
            Assert.All(exits, e => Assert.True(e is 0 or 2, errors));
            if (exits.Contains(2)) Assert.Contains("FR9017", errors, StringComparison.Ordinal);
            var result = OutputFingerprint.Of(Path.Combine(root, "out"));
            Assert.Contains(result, fingerprints.Values);
        }
    }

    private Process Start(string input)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { CliBuild.Path(), "render", input, "-o", "out", "--allow-prune" }) start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private string RenderInProcess(string input, string output)
    {
        var stderr = new StringWriter();
        var exit = CliApp.Run(["render", input, "-o", output], new CliContext(new StringWriter(), stderr, () => Stream.Null, root, new PhysicalFileSystem()));
        Assert.True(exit == 0, stderr.ToString());
        return OutputFingerprint.Of(Path.Combine(root, output));
    }
}
