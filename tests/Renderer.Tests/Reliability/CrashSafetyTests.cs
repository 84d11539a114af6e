using System.Diagnostics;
using System.Security.Cryptography;
using Renderer.Benchmarks;
using Renderer.Cli;
using Renderer.Cli.FileSystem;
using Renderer.Tests.Support;

namespace Renderer.Tests.Reliability;

/// <summary>
/// fedrender killed at random points of a large render, a hundred times in a row: the next run (here a
/// check, which finishes an interrupted render under the directory's lock before it compares) always finds
/// exactly the previous render or the new one, and no staging is left behind.
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
        var random = new Random(20261124);
        var interrupted = 0;
        for (var i = 0; i < Kills; i++)
        {
            var (input, next) = i % 2 == 0 ? ("b.yaml", fingerprintB) : ("a.yaml", fingerprintA);
            var previous = current;
            interrupted += RunAndKill(input, random.Next(20, 700)) ? 1 : 0;
            CheckInProcess(input);
            current = Fingerprint(Path.Combine(root, "out"));
            Assert.True(current == previous || current == next, $"kill {i + 1}: the output directory is neither the previous render nor the new one");
        }

        Assert.True(interrupted >= Kills / 4, $"only {interrupted} of {Kills} runs were killed before they finished; the test would prove little");
        Assert.Equal(fingerprintA, RenderInProcess("a.yaml", "out"));
        Assert.DoesNotContain(Directory.GetDirectories(root), d => Path.GetFileName(d).Contains(".fedrender-", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(root, "out", ".fedrender-txn")));
    }

    private string RenderInProcess(string input, string output)
    {
        var stderr = new StringWriter();
        var exit = CliApp.Run(["render", input, "-o", output], new CliContext(new StringWriter(), stderr, () => Stream.Null, root, new PhysicalFileSystem()));
        Assert.True(exit == 0, stderr.ToString());
        return Fingerprint(Path.Combine(root, output));
    }

    /// <summary>The next run: check (stale or not), which rolls an interrupted render forward or back first.</summary>
    private void CheckInProcess(string input)
    {
        var stderr = new StringWriter();
        var exit = CliApp.Run(["check", input, "-o", "out"], new CliContext(new StringWriter(), stderr, () => Stream.Null, root, new PhysicalFileSystem()));
        Assert.True(exit is 0 or 1, stderr.ToString());
    }

    /// <summary>Starts the real fedrender process and kills it after <paramref name="delay"/> ms; true when it was still running.</summary>
    private bool RunAndKill(string input, int delay)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { Cli(), "render", input, "-o", "out" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stopped = process.WaitForExit(delay);
        if (!stopped) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return !stopped;
    }

    /// <summary>The built fedrender.dll of the same configuration as this test assembly.</summary>
    private static string Cli()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(RepositoryPaths.Root, "src", "Renderer.Cli", "bin", configuration, "net10.0", "fedrender.dll");
        Assert.True(File.Exists(path), $"{path} is missing; build the solution first");
        return path;
    }

    private static string Fingerprint(string directory)
    {
        if (!Directory.Exists(directory)) return "missing";
        var lines = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f) + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))))
            .Order(StringComparer.Ordinal);
        return Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines))));
    }
}
