using System.Globalization;
using System.Text;
using Renderer.Benchmarks;
using Renderer.Core.Input;
using Renderer.Tests.Support;

namespace Renderer.IntegrationTests.Reliability;

/// <summary>
/// Inputs built to sit just under the default limits, each run as a real <c>fedrender validate</c> process with
/// every diagnostic printed as JSON, and the benchmark's fleet at the node budget run as a real <c>render</c>: the
/// process's peak memory (as the kernel counts it) stays under 500 MB, and the JSON lists every diagnostic.
/// </summary>
public sealed class RunMemoryTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private const long PeakLimitKiB = 500 * 1000;

    // Python's resource module reads the peak resident size of the waited-for child (ru_maxrss, KiB on Linux).
    private const string MeasurePeak =
        "import resource, subprocess, sys\n" +
        "with open(sys.argv[1], 'wb') as out:\n" +
        "    code = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=out).returncode\n" +
        "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n";

    private static readonly LoadLimits Limits = LoadLimits.Default;

    private readonly string root = Directory.CreateTempSubdirectory("fedrender-memory-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>How many nodes of one kind fit: the whole-run node budget less a little for each document's own keys, split over documents.</summary>
    private static int PerDocument(int documents) => (int)Math.Min(Limits.MaxNodes - 10, Limits.MaxTotalNodes / documents - 10);

    [ToolFact(Tool.Python)]
    public void FlowSequencesOfIntegersStayUnderTheBound()
    {
        var items = PerDocument(2);
        Write("a.yaml", string.Concat(Enumerable.Range(0, 2).Select(d => Header(d) + "items: [" + string.Join(',', Enumerable.Repeat("1", items)) + "]\n")));
        Assert.Equal(0, Measure(out _));
    }

    [ToolFact(Tool.Python)]
    public void AWarningOnEveryNodeStaysUnderTheBoundAndIsListedWhole()
    {
        var items = PerDocument(2);
        var text = new StringBuilder();
        for (var d = 0; d < 2; d++)
        {
            text.Append(Header(d)).Append("list:\n");
            for (var i = 0; i < items; i++) text.Append("- yes\n");
        }

        Write("a.yaml", text.ToString());
        Assert.Equal(0, Measure(out var json));
        Assert.Equal(2 * items, CountCode(json, "FR1006"));
    }

    [ToolFact(Tool.Python)]
    public void ManySmallDocumentsStayUnderTheBound()
    {
        var perFile = (int)(Limits.MaxDocuments / 4) - 100;
        for (var f = 0; f < 4; f++)
        {
            var text = new StringBuilder();
            for (var i = 0; i < perFile; i++) text.Append(CultureInfo.InvariantCulture, $"---\napiVersion: v1\nkind: W\nmetadata:\n  name: w{f}-{i}\n");
            Write($"d{f}.yaml", text.ToString());
        }

        Assert.Equal(0, Measure(out var json));
        Assert.Equal(4 * perFile, CountCode(json, "FR2003"));
    }

    [ToolFact(Tool.Python)]
    public void AMappingOfManyKeysStaysUnderTheBound()
    {
        var keys = PerDocument(2);
        for (var f = 0; f < 2; f++)
        {
            var text = new StringBuilder(Header(f)).Append("data:\n");
            for (var i = 0; i < keys; i++) text.Append(CultureInfo.InvariantCulture, $"  k{i}: v\n");
            Write($"k{f}.yaml", text.ToString());
        }

        Assert.Equal(0, Measure(out _));
    }

    [ToolFact(Tool.Python)]
    public void LongStringsUpToTheByteLimitsStayUnderTheBound()
    {
        var files = (int)(Limits.MaxTotalBytes / Limits.MaxFileBytes);
        for (var f = 0; f < files; f++)
        {
            var header = Header(f) + "data:\n  k: \"";
            Write($"f{f}.yaml", header + new string('x', (int)Limits.MaxFileBytes - header.Length - 8) + "\"\n");
        }

        Assert.Equal(0, Measure(out _));
    }

    [ToolFact(Tool.Python)]
    public void InputsOverTheNodeBudgetStopAtItWithFR1018()
    {
        var items = PerDocument(2);
        Write("a.yaml", string.Concat(Enumerable.Range(0, 3).Select(d => Header(d) + "items: [" + string.Join(',', Enumerable.Repeat("1", items)) + "]\n")));
        Assert.Equal(1, Measure(out var json));
        Assert.Equal(1, CountCode(json, "FR1018"));
    }

    [ToolFact(Tool.Python)]
    public void RenderingAFleetAtTheNodeBudgetStaysUnderTheBound()
    {
        // The largest benchmark fleet (30 clusters, 2 overrides per cluster) inside the node budget: nodes grow linearly with apps.
        static long Nodes(int apps) => YamlLoader.Load(SourceFile.FromText("fleet.yaml", SyntheticFederation.Generate(apps, 30)), Limits with { MaxFileBytes = long.MaxValue, MaxNodes = int.MaxValue, MaxTotalNodes = long.MaxValue }, default).Totals.Nodes;
        var (small, large) = (Nodes(100), Nodes(200));
        var apps = 100 + (int)((Limits.MaxTotalNodes - small) * 100 / (large - small));
        while (Nodes(apps) > Limits.MaxTotalNodes) apps--;
        Assert.True(Limits.MaxTotalNodes - Nodes(apps) < (large - small) / 100 * 2, "the fleet sits just under the budget");

        // In files under the size limit, as a repository splits them.
        var documents = SyntheticFederation.Generate(apps, 30).Split("\n---\n");
        var files = 0;
        var current = new StringBuilder();
        foreach (var document in documents)
        {
            if (current.Length + document.Length > Limits.MaxFileBytes / 2) Flush();
            current.Append("---\n").Append(document).Append('\n');
        }

        Flush();
        Assert.Equal(0, Measure(out _, "render", "in", "--output", Path.Combine(root, "out")));
        Assert.True(Directory.EnumerateFiles(Path.Combine(root, "out"), "*.yaml", SearchOption.AllDirectories).Count() > 100_000, "the fleet renders more than 100,000 objects");

        void Flush()
        {
            if (current.Length == 0) return;
            Write($"fleet{files++}.yaml", current.ToString());
            current.Clear();
        }
    }

    private static string Header(int index) => $"---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c{index}\n";

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(root, "in")).FullName, name), text);

    /// <summary>Runs validate on the inputs (or the command given); returns its exit code, with its JSON diagnostics in <paramref name="json"/>.</summary>
    private int Measure(out string json, params string[] command)
    {
        var report = Path.Combine(root, "diagnostics.json");
        string[] run = command.Length == 0 ? ["validate", "in"] : command;
        var result = ExternalTool.Python.Run(["-c", MeasurePeak, report, "dotnet", CliBuild.Path(), .. run, "--diagnostics-format", "json"], root);
        Assert.True(result.Exit == 0, result.Error);
        var parts = result.Out.Trim().Split(' ');
        var peak = long.Parse(parts[1], CultureInfo.InvariantCulture);
        output.WriteLine($"peak {peak} KiB: fedrender {string.Join(' ', run)}");
        Assert.True(peak < PeakLimitKiB, $"peak memory {peak} KiB is over {PeakLimitKiB} KiB");
        json = File.ReadAllText(report);
        return int.Parse(parts[0], CultureInfo.InvariantCulture);
    }

    private static int CountCode(string json, string code) =>
        json.Split('\n').Count(line => line.Contains($"\"code\":\"{code}\"", StringComparison.Ordinal));
}
