using Renderer.Tests.Support;

namespace Renderer.Tests.Conformance;

/// <summary>
/// The conformance vectors (tests/conformance) and the Kubernetes reference data (tests/reference) travel with
/// the repository; where the team's ../shared folder they were copied from is present, they are byte for byte
/// the same files.
/// </summary>
public sealed class SharedCopyTests
{
    [SharedFolderFact]
    public void ConformanceVectorsEqualTheSharedOnes() =>
        AssertSameFiles(Path.Combine(RepositoryPaths.Shared ?? string.Empty, "conformance"), RepositoryPaths.Conformance, "*.json");

    [SharedFolderFact]
    public void KubernetesReferenceEqualsTheSharedOne() =>
        AssertSameFiles(Path.Combine(RepositoryPaths.Shared ?? string.Empty, "reference"), RepositoryPaths.Reference, "*.json");

    [Fact]
    public void ConformanceVectorsAreInTheRepository() =>
        Assert.Equal(["json-patch.json", "overrides.json", "placement.json", "planner.json"], Names(RepositoryPaths.Conformance, "*.json"));

    private static void AssertSameFiles(string shared, string copy, string pattern)
    {
        var names = Names(shared, pattern);
        Assert.NotEmpty(names);
        Assert.Equal(names, Names(copy, pattern));
        foreach (var name in names)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(shared, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(copy, name))),
                $"{Path.GetRelativePath(RepositoryPaths.Root, Path.Combine(copy, name))} differs from {Path.Combine(shared, name)}; copy the shared file over it");
        }
    }

    private static List<string> Names(string directory, string pattern) =>
        Directory.GetFiles(directory, pattern).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
}
