using Renderer.Cli.Diff;

namespace Renderer.Tests.Cli;

/// <summary>The unified diff format diff writes: what git apply needs (real git applies it in DiffApplyTests).</summary>
public sealed class UnifiedDiffTests
{
    private static string Numbered(int count, Func<int, string>? line = null) =>
        string.Concat(Enumerable.Range(1, count).Select(i => (line?.Invoke(i) ?? $"line {i}") + "\n"));

    [Fact]
    public void EqualTextsGiveNoDiff() => Assert.Equal(string.Empty, UnifiedDiff.Create("a\n", "a\n", "a/x", "b/x"));

    [Fact]
    public void LastLineChangeHasNoContextBeyondTheFile()
    {
        var diff = UnifiedDiff.Create("a\nb\n", "a\nc\n", "a/x", "b/x");
        Assert.Equal("--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n", diff);
    }

    [Fact]
    public void AddedFileIsDiffedFromDevNull() =>
        Assert.Equal("--- /dev/null\n+++ b/x\n@@ -0,0 +1,2 @@\n+a\n+b\n", UnifiedDiff.Create(null, "a\nb\n", "a/x", "b/x"));

    [Fact]
    public void RemovedFileIsDiffedToDevNull() =>
        Assert.Equal("--- a/x\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-a\n", UnifiedDiff.Create("a\n", null, "a/x", "b/x"));

    [Fact]
    public void MissingFinalNewlineIsMarked() =>
        Assert.Equal("--- a/x\n+++ b/x\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+a\n", UnifiedDiff.Create("a", "a\n", "a/x", "b/x"));

    [Fact]
    public void FarApartChangesGetOneHunkEachWithThreeLinesOfContext()
    {
        var diff = UnifiedDiff.Create(Numbered(20), Numbered(20, i => i is 2 or 18 ? $"changed {i}" : $"line {i}"), "a/x", "b/x");
        Assert.Equal(["@@ -1,5 +1,5 @@", "@@ -15,6 +15,6 @@"], diff.Split('\n').Where(l => l.StartsWith("@@", StringComparison.Ordinal)));
    }

    [Fact]
    public void NearChangesShareOneHunk()
    {
        var diff = UnifiedDiff.Create(Numbered(20), Numbered(20, i => i is 5 or 11 ? $"changed {i}" : $"line {i}"), "a/x", "b/x");
        Assert.Equal(["@@ -2,13 +2,13 @@"], diff.Split('\n').Where(l => l.StartsWith("@@", StringComparison.Ordinal)));
    }

    [Fact]
    public void CarriageReturnStaysPartOfItsLine() =>
        Assert.Equal("--- a/x\n+++ b/x\n@@ -1,1 +1,1 @@\n-a\r\n+a\n", UnifiedDiff.Create("a\r\n", "a\n", "a/x", "b/x"));
}
