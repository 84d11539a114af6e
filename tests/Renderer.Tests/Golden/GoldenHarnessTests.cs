namespace Renderer.Tests.Golden;

/// <summary>The harness itself: each kind of difference is reported with the file, a diff and the accept command.</summary>
public sealed class GoldenHarnessTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("golden-harness-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private void Expect(string path, string content)
    {
        var full = Path.Combine(directory, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full) ?? directory);
        File.WriteAllText(full, content);
    }

    [Fact]
    public void MissingUnexpectedAndChangedFilesAreAllReported()
    {
        Expect("c1/kustomization.yaml", "a\nb\nc\n");
        Expect("c1/stale.yaml", "old\n");
        var actual = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["c1/kustomization.yaml"] = "a\nB\nc\n",
            ["c2/new.yaml"] = "new\n",
        };

        var differences = GoldenComparison.Compare(actual, directory);
        Assert.Equal(["c1/kustomization.yaml", "c2/new.yaml", "c1/stale.yaml"], differences.Select(d => d.Path));
        var report = GoldenComparison.Report("sample", differences);
        Assert.Contains("-b", report, StringComparison.Ordinal);
        Assert.Contains("+B", report, StringComparison.Ordinal);
        Assert.Contains("+new", report, StringComparison.Ordinal);
        Assert.Contains("c1/stale.yaml: not rendered any more", report, StringComparison.Ordinal);
        Assert.Contains("FEDRENDER_UPDATE_GOLDEN=1 dotnet test", report, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateRewritesCreatesAndDeletes()
    {
        Expect("c1/a.yaml", "old\n");
        Expect("gone/x.yaml", "x\n");
        var actual = new Dictionary<string, string>(StringComparer.Ordinal) { ["c1/a.yaml"] = "new\n", ["c2/b.yaml"] = "b\n" };
        GoldenUpdater.Apply(actual, directory, GoldenComparison.Compare(actual, directory));
        Assert.Empty(GoldenComparison.Compare(actual, directory));
        Assert.False(Directory.Exists(Path.Combine(directory, "gone")));
    }

    [Fact]
    public void UpdatingIsRefusedInCi()
    {
        var (update, refusal) = GoldenUpdater.Mode(name => name switch { "FEDRENDER_UPDATE_GOLDEN" => "1", "CI" => "true", _ => null });
        Assert.False(update);
        Assert.Contains("refused", refusal, StringComparison.Ordinal);
        Assert.True(GoldenUpdater.Mode(name => name == "FEDRENDER_UPDATE_GOLDEN" ? "1" : null).Update);
        Assert.False(GoldenUpdater.Mode(_ => null).Update);
    }
}
