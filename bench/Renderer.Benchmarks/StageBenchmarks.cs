using System.Text;
using BenchmarkDotNet.Attributes;
using Renderer.Core;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Model;
using Renderer.Core.Output;
using Renderer.Core.Pipeline;
using Renderer.Core.Validation;

namespace Renderer.Benchmarks;

/// <summary>Each stage of a render on its own, on a 100-app, 30-cluster fleet (about 9,000 objects out).</summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private SourceFile input = SourceFile.FromText("empty.yaml", string.Empty);
    private IReadOnlyList<SourceDocument> documents = [];
    private Federation federation = new([], [], []);
    private IReadOnlyDictionary<FederatedResource, ClusterSelection> placements = new Dictionary<FederatedResource, ClusterSelection>();
    private RenderPlan plan = new([], []);
    private string directory = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        input = SourceFile.FromText("fleet.yaml", SyntheticFederation.Generate(100, 30));
        documents = YamlLoader.Load(input).Documents;
        federation = DocumentBinder.Bind(documents).Federation;
        placements = NamespacePlacement.Resolve(federation, ControlPlaneScope.Cluster, []);
        plan = FederationRenderer.Plan([input], RenderOptions.Default);
        directory = Directory.CreateTempSubdirectory("fedrender-stages-").FullName;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(directory, recursive: true);

    [Benchmark]
    public int Load() => YamlLoader.Load(input).Documents.Count;

    [Benchmark]
    public int Bind() => DocumentBinder.Bind(documents).Federation.Resources.Count;

    [Benchmark]
    public int Place() => NamespacePlacement.Resolve(federation, ControlPlaneScope.Cluster, []).Count;

    [Benchmark]
    public int Override()
    {
        var count = 0;
        var diagnostics = new List<Diagnostic>();
        foreach (var resource in federation.Resources)
        {
            var overrides = OverrideValidator.Plan(resource, diagnostics);
            foreach (var cluster in placements[resource].Clusters)
            {
                if (ObjectBuilder.Build(resource, cluster, overrides.Clusters.GetValueOrDefault(cluster), diagnostics) is not null) count++;
            }
        }

        return count;
    }

    [Benchmark]
    public int Validate()
    {
        var catalog = new SchemaCatalog();
        return plan.Clusters.SelectMany(c => c.Objects).Sum(o => ObjectValidator.Check(o.Object, o.Source, catalog.Get(o.Source.Target)).Count);
    }

    [Benchmark]
    public long Emit() => plan.Clusters.SelectMany(c => c.Objects).Sum(o => (long)YamlEmitter.Emit(o.Object).Length);

    [Benchmark]
    public int Write()
    {
        var target = Path.Combine(directory, Guid.NewGuid().ToString("N"));
        var files = 0;
        foreach (var cluster in plan.Clusters)
        {
            foreach (var item in cluster.Objects)
            {
                var path = Path.Combine(target, cluster.Cluster, item.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path) ?? target);
                File.WriteAllBytes(path, Encoding.UTF8.GetBytes("kind: placeholder\n"));
                files++;
            }
        }

        Directory.Delete(target, recursive: true);
        return files;
    }
}
