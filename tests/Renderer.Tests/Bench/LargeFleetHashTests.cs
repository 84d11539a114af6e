using System.Security.Cryptography;
using System.Text;
using Renderer.Benchmarks;
using Renderer.Core;
using Renderer.Core.Input;
using Renderer.Tests.Golden;
using Renderer.Tests.Support;

namespace Renderer.Tests.Bench;

/// <summary>
/// A large generated fleet (100 apps on 30 clusters, about 9,000 files) renders to exactly the bytes it did
/// when tests/golden/large-fleet.sha256 was recorded: performance work may change how, never what.
/// </summary>
public sealed class LargeFleetHashTests
{
    private static readonly string HashFile = Path.Combine(RepositoryPaths.Root, "tests", "golden", "large-fleet.sha256");

    [Fact]
    public void LargeFleetOutputIsByteIdenticalToItsRecordedHash()
    {
        var result = FederationRenderer.Render([SourceFile.FromText("fleet.yaml", SyntheticFederation.Generate(100, 30))], RenderOptions.Default);
        Assert.Empty(result.Diagnostics);
        var text = new StringBuilder();
        foreach (var cluster in result.Clusters)
        {
            foreach (var file in cluster.Files) text.Append(cluster.Cluster).Append('/').Append(file.RelativePath).Append('\n').Append(file.Content);
        }

        var actual = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant() + "\n";
        var (update, refusal) = GoldenUpdater.Mode(Environment.GetEnvironmentVariable);
        if (update && File.ReadAllText(HashFile) != actual) File.WriteAllText(HashFile, actual);
        Assert.True(update || File.ReadAllText(HashFile) == actual,
            $"The large fleet renders to other bytes than recorded ({actual.Trim()}); if that is intended, accept it with FEDRENDER_UPDATE_GOLDEN=1 dotnet test. {refusal}");
    }
}
