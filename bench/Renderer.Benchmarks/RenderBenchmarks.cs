using BenchmarkDotNet.Attributes;
using Renderer.Core;
using Renderer.Core.Input;

namespace Renderer.Benchmarks;

/// <summary>Rendering a synthetic federation end to end in memory, with and without validation.</summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private IReadOnlyList<SourceFile> inputs = [];

    [Params(100)]
    public int Apps { get; set; }

    [Params(30)]
    public int Clusters { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        inputs = [SourceFile.FromText("fleet.yaml", SyntheticFederation.Generate(Apps, Clusters))];
        var result = FederationRenderer.Render(inputs, RenderOptions.Default);
        if (result.HasErrors || result.Diagnostics.Count > 0) throw new InvalidOperationException("the synthetic federation must render cleanly: " + string.Join("\n", result.Diagnostics.Take(5)));
    }

    [Benchmark(Baseline = true)]
    public int RenderWithoutValidation() => FederationRenderer.Render(inputs, new RenderOptions { Validate = false }).Clusters.Count;

    [Benchmark]
    public int RenderWithValidation() => FederationRenderer.Render(inputs, RenderOptions.Default).Clusters.Count;
}
