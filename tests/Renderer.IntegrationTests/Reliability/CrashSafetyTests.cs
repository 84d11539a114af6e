using System.Diagnostics;
using Renderer.Benchmarks;
using Renderer.Tests.Support;

namespace Renderer.IntegrationTests.Reliability;

/// <summary>
/// fedrender killed at random points of a large render, a hundred times in a row: the next run (here a
/// check, which finishes an interrupted render under the directory's lock before it compares) always finds
/// exactly the previous render or the new one, and no staging is left behind. The
/// kill points are drawn from the duration of one whole run measured first, so the test means the same on a
/// fast machine and on a slow one.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const int Kills = 100;
    private readonly string root = Directory.CreateTempSubdirectory("fedrender-crash-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void OutputIsAlwaysThePreviousOrTheNewRender()
    {
        var versionA = SyntheticFederation.Generate(30, 20);
        var versionB = versionA.Replace(":1.0.", ":2.0.", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(root, "a.yaml"), versionA);
        File.WriteAllText(Path.Combine(root, "b.yaml"), versionB);
        var fingerprintA = RenderInProcess("a.yaml", "reference-a");
        var fingerprintB = RenderInProcess("b.yaml", "reference-b");
        Assert.NotEqual(fingerprintA, fingerprintB);

        var current = RenderInProcess("a.yaml", "out");
        var whole = Stopwatch.StartNew();
        Assert.False(RunAndKill("b.yaml", Timeout.Infinite), "an unlimited run was killed");
        var duration = Math.Max(1, (int)whole.ElapsedMilliseconds);
        Assert.Equal(fingerprintB, OutputFingerprint.Of(Path.Combine(root, "out")));
        Assert.Equal(fingerprintA, RenderInProcess("a.yaml", "out"));
        var random = new Random(20261124);
        var interrupted = 0;
        for (var i = 0; i < Kills; i++)
        {
            var (input, next) = i % 2 == 0 ? ("b.yaml", fingerprintB) : ("a.yaml", fingerprintA);
            var previous = current;
            interrupted += RunAndKill(input, random.Next(duration / 20, duration)) ? 1 : 0;
            var check = DiskCli.Run(root, "check", input, "-o", "out");
            Assert.True(check.Exit is 0 or 1, check.Error);
            current = OutputFingerprint.Of(Path.Combine(root, "out"));
            Assert.True(current == previous || current == next, $"kill {i + 1}: the output directory is neither the previous render nor the new one");
        }

        Assert.True(interrupted >= Kills / 4, $"only {interrupted} of {Kills} runs were killed before they finished; the test would prove little");
        Assert.Equal(fingerprintA, RenderInProcess("a.yaml", "out"));
        Assert.DoesNotContain(Directory.GetDirectories(root), d => Path.GetFileName(d).Contains(".fedrender-", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(root, "out", ".fedrender-txn")));
    }

    private string RenderInProcess(string input, string output)
    {
        var (exit, _, error) = DiskCli.Run(root, "render", input, "-o", output);
        Assert.True(exit == 0, error);
        return OutputFingerprint.Of(Path.Combine(root, output));
    }

    /// <summary>Starts the real fedrender process and kills it after <paramref name="delay"/> ms (Timeout.Infinite: never); true when it was still running.</summary>
    private bool RunAndKill(string input, int delay)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { CliBuild.Path(), "render", input, "-o", "out" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stopped = process.WaitForExit(delay);
        if (!stopped) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return !stopped;
    }
}
