using Renderer.Core;
using Renderer.Core.Input;
using Renderer.Tests.Support;

namespace Renderer.Tests.Reliability;

/// <summary>Every input the fuzzer ever crashed on (fuzz/regressions) now renders to diagnostics, never an exception.</summary>
public sealed class FuzzRegressionTests
{
    public static TheoryData<string> Inputs
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "fuzz", "regressions")).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void FormerCrashRendersToDiagnostics(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "fuzz", "regressions", name));
        var result = FederationRenderer.Render([new SourceFile(name, bytes)], RenderOptions.Default);
        Assert.All(result.Diagnostics, d => Assert.True(d.Location.File == name || d.Location.IsNone, d.ToString()));
    }
}
