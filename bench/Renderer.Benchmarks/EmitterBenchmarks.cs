using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Renderer.Core;
using Renderer.Core.Input;
using Renderer.Core.Output;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Renderer.Benchmarks;

/// <summary>
/// fedrender's emitter against YamlDotNet's own emitter driven with the same scalar styles, on the Deployments,
/// ConfigMaps and Services of a 100-app fleet on one cluster.
/// </summary>
[MemoryDiagnoser]
public class EmitterBenchmarks
{
    private List<JsonObject> objects = [];

    [GlobalSetup]
    public void Setup()
    {
        var plan = FederationRenderer.Plan([SourceFile.FromText("fleet.yaml", SyntheticFederation.Generate(100, 1))], RenderOptions.Default);
        objects = plan.Clusters.SelectMany(c => c.Objects).Select(o => o.Object).ToList();
    }

    [Benchmark(Baseline = true)]
    public long YamlDotNetEmitter()
    {
        long length = 0;
        foreach (var obj in objects) length += EmitWithYamlDotNet(obj).Length;
        return length;
    }

    [Benchmark]
    public long FedrenderEmitter()
    {
        long length = 0;
        foreach (var obj in objects) length += YamlEmitter.Emit(obj).Length;
        return length;
    }

    public static string EmitWithYamlDotNet(JsonNode node)
    {
        var writer = new StringWriter();
        var emitter = new Emitter(writer, new EmitterSettings().WithBestIndent(2));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Write(emitter, node);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void Write(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in obj)
                {
                    Scalar(emitter, key);
                    Write(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array) Write(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                Scalar(emitter, value.GetValue<string>());
                break;
            default:
                emitter.Emit(new YamlDotNet.Core.Events.Scalar(AnchorName.Empty, TagName.Empty, node?.ToJsonString() ?? "null", YamlDotNet.Core.ScalarStyle.Plain, true, false));
                break;
        }
    }

    private static void Scalar(IEmitter emitter, string text)
    {
        var style = Renderer.Core.Output.ScalarStyle.For(text, isKey: false) switch
        {
            Renderer.Core.Output.ScalarStyle.Kind.Plain => YamlDotNet.Core.ScalarStyle.Plain,
            Renderer.Core.Output.ScalarStyle.Kind.Literal => YamlDotNet.Core.ScalarStyle.Literal,
            _ => YamlDotNet.Core.ScalarStyle.DoubleQuoted,
        };
        emitter.Emit(new YamlDotNet.Core.Events.Scalar(AnchorName.Empty, TagName.Empty, text, style, true, true));
    }
}
