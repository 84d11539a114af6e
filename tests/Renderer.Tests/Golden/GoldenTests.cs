namespace Renderer.Tests.Golden;

/// <summary>The contract of the output: every case under tests/golden renders exactly to its expected folder.</summary>
public sealed class GoldenTests
{
    public static TheoryData<string> Cases
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in GoldenCases.Names()) data.Add(name);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RendersExactlyAsExpected(string name)
    {
        var golden = GoldenCases.Get(name);
        var actual = golden.Render();
        var differences = GoldenComparison.Compare(actual, golden.ExpectedDirectory);
        if (differences.Count == 0) return;

        var (update, refusal) = GoldenUpdater.Mode(Environment.GetEnvironmentVariable);
        if (update)
        {
            GoldenUpdater.Apply(actual, golden.ExpectedDirectory, differences);
            return;
        }

        Assert.Fail(GoldenComparison.Report(name, differences) + (refusal is null ? string.Empty : "\n" + refusal + "\n"));
    }

    [Fact]
    public void ThereAreCasesToRun() => Assert.True(GoldenCases.Names().Count >= 11, "tests/golden should hold the ELK example and at least ten more cases");
}
