using System.Diagnostics;
using System.Globalization;
using System.Text;
using Renderer.Core;
using Renderer.Core.Input;
using Renderer.Core.Output;

namespace Renderer.Benchmarks;

/// <summary>
/// The end-to-end benchmark behind <c>dotnet cake --target=Bench</c>: for each fleet size it times the real
/// <c>fedrender render</c> process (wall time and peak memory from GNU time), <c>kubectl kustomize</c> over the
/// equivalent overlays (two at a time, as fedrender uses both cores), and the floor: serializing and writing the
/// same objects in-process and nothing else. It prints one table.
/// </summary>
public static class FleetBenchmark
{
    public static int Run(string cli, IReadOnlyList<(int Apps, int Clusters)> sizes, TextWriter output)
    {
        var work = Directory.CreateTempSubdirectory("fedrender-bench-").FullName;
        try
        {
            output.WriteLine($"machine: {Environment.ProcessorCount} cores, {Cpu()}, {Environment.OSVersion.VersionString}, .NET {Environment.Version}");
            output.WriteLine("| objects | fedrender | objects/s | MB/s written | peak memory | kustomize | vs kustomize | floor | vs floor |");
            output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (apps, clusters) in sizes)
            {
                var directory = Path.Combine(work, $"{apps}x{clusters}");
                Directory.CreateDirectory(directory);
                File.WriteAllText(Path.Combine(directory, "fleet.yaml"), SyntheticFederation.Generate(apps, clusters));
                SyntheticFederation.WriteKustomize(apps, clusters, Path.Combine(directory, "kustomize"));

                var (seconds, peakKb) = Timed(directory, "dotnet", cli, "render", "fleet.yaml", "--output", "out");
                var files = Directory.GetFiles(Path.Combine(directory, "out"), "*.yaml", SearchOption.AllDirectories);
                var objects = files.Count(f => Path.GetFileName(f) != "kustomization.yaml");
                var megabytes = files.Sum(f => new FileInfo(f).Length) / 1e6;

                var overlays = string.Join(' ', Directory.GetDirectories(Path.Combine(directory, "kustomize", "overlays")).Select(Path.GetFileName));
                var (kustomize, _) = Timed(directory, "bash", "-c", $"cd kustomize/overlays && printf '%s\\n' {overlays} | xargs -P 2 -I{{}} sh -c 'kubectl kustomize {{}} > /dev/null'");
                var floor = Floor(directory);

                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {objects:N0} | {seconds:F2} s | {objects / seconds:N0} | {megabytes / seconds:F1} | {peakKb / 1024.0:F0} MB | {kustomize:F1} s | {kustomize / seconds:F0}x | {floor:F2} s | {seconds / floor:F2}x |"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
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

    private static (double Seconds, long PeakKb) Timed(string directory, params string[] command)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add("TIME %e %M");
        foreach (var part in command) start.ArgumentList.Add(part);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("/usr/bin/time did not start");
        _ = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var line = error.Split('\n').Last(l => l.StartsWith("TIME ", StringComparison.Ordinal)).Split(' ');
        if (process.ExitCode != 0) throw new InvalidOperationException($"{string.Join(' ', command)} failed: {error}");
        return (double.Parse(line[1], CultureInfo.InvariantCulture), long.Parse(line[2], CultureInfo.InvariantCulture));
    }

    private static string Cpu() =>
        File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "unknown CPU" : "unknown CPU";
}
