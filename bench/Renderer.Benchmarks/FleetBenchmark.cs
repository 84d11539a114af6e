using System.Diagnostics;
using System.Globalization;
using System.Text;
using Renderer.Core;
using Renderer.Core.Input;
using Renderer.Core.Output;

namespace Renderer.Benchmarks;

/// <summary>
/// The end-to-end benchmark behind <c>dotnet cake --target=Bench</c>. For each fleet size it times the real
/// <c>fedrender</c> process (the published build; wall time and peak memory from GNU time, median of
/// <c>runs</c>): a render into an empty directory, <c>validate</c>, a re-render with no change, and a
/// re-render after one FederatedDeployment changed; then <c>kubectl kustomize</c> over the equivalent overlays
/// (two at a time, as fedrender uses both cores) to stdout and with <c>-o DIR</c> (one file per object, as
/// fedrender writes), once each; and the floor: serializing and writing the same objects in-process and
/// nothing else. It prints one table with fedrender and kustomize side by side.
/// </summary>
public static class FleetBenchmark
{
    public sealed record Settings(string Cli, IReadOnlyList<(int Apps, int Clusters)> Sizes, int Runs, bool KustomizeToDirectory);

    public static int Run(Settings settings, TextWriter output)
    {
        var work = Directory.CreateTempSubdirectory("fedrender-bench-").FullName;
        try
        {
            output.WriteLine($"machine: {Environment.ProcessorCount} cores, {Cpu()}, {Environment.OSVersion.VersionString}, .NET {Environment.Version}; output in {work} ({FileSystemOf(work)}); median of {settings.Runs}");
            output.WriteLine("| objects | render | peak | validate | peak | re-render, no change | re-render, one change | files rewritten | kustomize to stdout | kustomize -o DIR | render vs kustomize -o | floor |");
            output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (apps, clusters) in settings.Sizes)
            {
                var directory = Path.Combine(work, $"{apps}x{clusters}");
                Directory.CreateDirectory(directory);
                var fleet = SyntheticFederation.Generate(apps, clusters);
                File.WriteAllText(Path.Combine(directory, "fleet.yaml"), fleet);
                // One changed FederatedDeployment: an env value in the first app's template (its image is overridden on every cluster).
                var first = fleet.IndexOf("value: production", StringComparison.Ordinal);
                var changed = fleet[..first] + "value: staging" + fleet[(first + "value: production".Length)..];
                File.WriteAllText(Path.Combine(directory, "fleet-changed.yaml"), changed);
                SyntheticFederation.WriteKustomize(apps, clusters, Path.Combine(directory, "kustomize"));
                var output1 = Path.Combine(directory, "out");

                var render = Median(settings.Runs, () => Delete(output1), () => Timed(directory, settings.Cli, "render", "fleet.yaml", "--output", "out"));
                var files = Directory.GetFiles(output1, "*.yaml", SearchOption.AllDirectories);
                var objects = files.Count(f => Path.GetFileName(f) != "kustomization.yaml");
                var validate = Median(settings.Runs, () => { }, () => Timed(directory, settings.Cli, "validate", "fleet.yaml"));
                var unchanged = Median(settings.Runs, () => { }, () => Timed(directory, settings.Cli, "render", "fleet.yaml", "--output", "out"));
                var rewritten = 0;
                var oneChange = Median(settings.Runs, () => Timed(directory, settings.Cli, "render", "fleet.yaml", "--output", "out"), () =>
                {
                    var before = Stamps(output1);
                    var result = Timed(directory, settings.Cli, "render", "fleet-changed.yaml", "--output", "out");
                    var after = Stamps(output1);
                    rewritten = after.Count(a => !before.TryGetValue(a.Key, out var stamp) || stamp != a.Value);
                    return result;
                });

                var overlays = string.Join(' ', Directory.GetDirectories(Path.Combine(directory, "kustomize", "overlays")).Select(Path.GetFileName));
                var (kustomize, _) = Timed(directory, "bash", "-c", $"cd kustomize/overlays && printf '%s\\n' {overlays} | xargs -P 2 -I{{}} sh -c 'kubectl kustomize {{}} > /dev/null'");
                var kustomizeToDirectory = settings.KustomizeToDirectory
                    ? Timed(directory, "bash", "-c", $"cd kustomize/overlays && printf '%s\\n' {overlays} | xargs -P 2 -I{{}} sh -c 'mkdir -p ../../kout/{{}} && kubectl kustomize {{}} -o ../../kout/{{}}'").Seconds
                    : double.NaN;
                var floor = Floor(directory);

                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {objects:N0} | {render.Seconds:F2} s | {render.PeakKb / 1024.0:F0} MB | {validate.Seconds:F2} s | {validate.PeakKb / 1024.0:F0} MB | {unchanged.Seconds:F2} s | {oneChange.Seconds:F2} s | {rewritten:N0} | {kustomize:F1} s | {Show(kustomizeToDirectory)} | {Ratio(kustomizeToDirectory, render.Seconds)} | {floor:F2} s |"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Show(double seconds) => double.IsNaN(seconds) ? "not run" : string.Create(CultureInfo.InvariantCulture, $"{seconds:F1} s");

    private static string Ratio(double kustomize, double fedrender) => double.IsNaN(kustomize) ? "" : string.Create(CultureInfo.InvariantCulture, $"{kustomize / fedrender:F0}x");

    private static void Delete(string directory)
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    /// <summary>Each file's inode and modification time (from <c>find -printf</c>): what a re-render must leave alone when a file does not change.</summary>
    private static Dictionary<string, string> Stamps(string directory)
    {
        var start = new ProcessStartInfo("find") { RedirectStandardOutput = true };
        foreach (var argument in new[] { directory, "-type", "f", "-printf", "%P %i %T@\\n" }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("find did not start");
        var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        process.WaitForExit();
        return lines.Select(l => l.Split(' ', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty, StringComparer.Ordinal);
    }

    /// <summary>Runs <paramref name="measure"/> <paramref name="runs"/> times (each after <paramref name="prepare"/>) and returns the median time and the median peak.</summary>
    private static (double Seconds, long PeakKb) Median(int runs, Action prepare, Func<(double Seconds, long PeakKb)> measure)
    {
        var results = new List<(double Seconds, long PeakKb)>();
        for (var i = 0; i < runs; i++)
        {
            prepare();
            results.Add(measure());
        }

        var seconds = results.Select(r => r.Seconds).Order().ToList();
        var peaks = results.Select(r => r.PeakKb).Order().ToList();
        return (seconds[seconds.Count / 2], peaks[peaks.Count / 2]);
    }

    /// <summary>Serializes every object the render produces and writes it to a fresh directory: what no renderer can avoid.</summary>
    private static double Floor(string directory)
    {
        var plan = FederationRenderer.Plan([SourceFile.FromText("fleet.yaml", File.ReadAllText(Path.Combine(directory, "fleet.yaml")))], RenderOptions.Default);
        var target = Path.Combine(directory, "floor");
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(plan.Clusters, cluster =>
        {
            foreach (var item in cluster.Objects)
            {
                var path = Path.Combine(target, cluster.Cluster, item.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path) ?? target);
                File.WriteAllBytes(path, Encoding.UTF8.GetBytes(YamlEmitter.Emit(item.Object)));
            }
        });
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Runs a command under GNU time; a path ending in .dll runs with <c>dotnet</c>.</summary>
    private static (double Seconds, long PeakKb) Timed(string directory, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add("TIME %e %M");
        if (program.EndsWith(".dll", StringComparison.Ordinal)) start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(program);
        foreach (var part in arguments) start.ArgumentList.Add(part);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("/usr/bin/time did not start (apt-get install time)");
        _ = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var line = error.Split('\n').Last(l => l.StartsWith("TIME ", StringComparison.Ordinal)).Split(' ');
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {error}");
        return (double.Parse(line[1], CultureInfo.InvariantCulture), long.Parse(line[2], CultureInfo.InvariantCulture));
    }

    private static string FileSystemOf(string path)
    {
        var best = (Mount: string.Empty, Type: "unknown file system");
        if (!File.Exists("/proc/mounts")) return best.Type;
        foreach (var parts in File.ReadLines("/proc/mounts").Select(l => l.Split(' ')).Where(p => p.Length > 2))
        {
            if (path.StartsWith(parts[1], StringComparison.Ordinal) && parts[1].Length >= best.Mount.Length) best = (parts[1], parts[2]);
        }

        return best.Type;
    }

    private static string Cpu() =>
        File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "unknown CPU" : "unknown CPU";
}
