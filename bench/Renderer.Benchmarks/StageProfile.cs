using System.Diagnostics;
using System.Globalization;
using Renderer.Core;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Model;
using Renderer.Core.Output;
using Renderer.Core.Pipeline;

namespace Renderer.Benchmarks;

/// <summary>
/// <c>stages FILE</c>: one cold process, each stage of a render timed once in order (as the real process
/// runs them), with the garbage collections and the GC pause time each stage caused, the process's peak resident memory so far and the heap still live after it (measured with a full collection, outside the stage's time). It shows where a real
/// run's time goes, which the warmed-up BenchmarkDotNet stage numbers hide (JIT, tiering, GC of a large heap).
/// </summary>
public static class StageProfile
{
    public static int Run(string path, TextWriter output)
    {
        var input = new SourceFile(path, File.ReadAllBytes(path));
        var total = Stopwatch.StartNew();
        IReadOnlyList<SourceDocument> documents = [];
        Federation federation = new([], [], []);
        IReadOnlyDictionary<FederatedResource, ClusterSelection> placements = new Dictionary<FederatedResource, ClusterSelection>();
        Stage(output, "load", () => documents = YamlLoader.Load(input).Documents);
        Stage(output, "bind", () => federation = DocumentBinder.Bind(documents).Federation);
        Stage(output, "place", () => placements = NamespacePlacement.Resolve(federation, ControlPlaneScope.Cluster, []));
        var objects = 0L;
        Stage(output, "render (all stages, emit, in parallel)", () =>
        {
            FederationRenderer.RenderTo([input], RenderOptions.Default, cluster => Interlocked.Add(ref objects, cluster.Files.Count));
        });
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"total {total.Elapsed.TotalMilliseconds:F0} ms, {objects} files, GCs gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, pause {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, allocated {GC.GetTotalAllocatedBytes() / 1e6:F0} MB, JIT {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms for {System.Runtime.JitInfo.GetCompiledMethodCount()} methods"));
        return 0;
    }

    private static void Stage(TextWriter output, string name, Action action)
    {
        var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes();
        var jit = System.Runtime.JitInfo.GetCompilationTime();
        var clock = Stopwatch.StartNew();
        action();
        var elapsed = clock.Elapsed;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-40} {elapsed.TotalMilliseconds,8:F0} ms  GCs {GC.CollectionCount(0) - gcs.Item1}/{GC.CollectionCount(1) - gcs.Item2}/{GC.CollectionCount(2) - gcs.Item3}  pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds,6:F0} ms  alloc {(GC.GetTotalAllocatedBytes() - allocated) / 1e6,6:F0} MB  JIT {(System.Runtime.JitInfo.GetCompilationTime() - jit).TotalMilliseconds,5:F0} ms  peak RSS {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6,5:F0} MB  live {GC.GetTotalMemory(forceFullCollection: true) / 1e6,5:F0} MB"));
    }
}
