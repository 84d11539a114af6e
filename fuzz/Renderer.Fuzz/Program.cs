using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Renderer.Core;
using Renderer.Core.Input;
using Renderer.Core.Patching;
using Renderer.Tests.Support;

namespace Renderer.Fuzz;

/// <summary>
/// A libFuzzer-style fuzzer for the loader-to-renderer path and the patch engine: mutate a seed corpus, run
/// each input through the target, keep inputs that reach new diagnostics (a cheap coverage signal), and save
/// every input that throws to fuzz/regressions, where a test replays it. Usage:
/// <c>dotnet run --project fuzz/Renderer.Fuzz -- [seconds] [seed]</c>.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60;
        var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        var root = RepositoryRoot.Find(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();
        var corpus = Directory.EnumerateFiles(Path.Combine(root, "tests", "golden"), "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "examples"), "*.yaml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .Where(b => b.Length < 64 * 1024)
            .ToList();
        var random = new Random(seed);
        var mutator = new Mutator(random);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var crashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        long executions = 0;
        var options = RenderOptions.Default with { Parallelism = 1, Limits = new LoadLimits { MaxDepth = 64, MaxNodes = 100_000 } };
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var input = mutator.Mutate(corpus[random.Next(corpus.Count)], corpus);
            executions++;
            try
            {
                var result = FederationRenderer.Render([new SourceFile("fuzz.yaml", input)], options);
                var signature = string.Join(",", result.Diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal)) + "|" + result.Clusters.Count;
                if (seen.Add(signature)) corpus.Add(input);
                PatchTarget(random);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // One saved input per distinct failure: the exception type and the frame that threw.
                var signature = e.GetType().Name + " at " + (e.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? "?");
                if (crashes.ContainsKey(signature)) continue;
                var name = "crash-" + Convert.ToHexString(SHA256.HashData(input))[..16].ToLowerInvariant() + ".yaml";
                File.WriteAllBytes(Path.Combine(root, "fuzz", "regressions", name), input);
                crashes[signature] = name;
            }
        }

        Console.WriteLine($"fuzz: {executions} executions in {clock.Elapsed.TotalSeconds:F0} s ({executions / Math.Max(1, clock.Elapsed.TotalSeconds):F0}/s), corpus {corpus.Count}, distinct outcomes {seen.Count}, distinct crashes {crashes.Count}");
        foreach (var (signature, name) in crashes) Console.WriteLine($"  {name}: {signature}");
        return crashes.Count == 0 ? 0 : 1;
    }

    /// <summary>Random documents and patches: the engine must fail cleanly, never throw.</summary>
    private static void PatchTarget(Random random)
    {
        var document = JsonNode.Parse("""{"a":{"b":[1,{"c":2}],"d":null},"e":[]}""");
        var segments = new[] { "a", "b", "c", "d", "e", "0", "1", "-", "-1", "-9", "9", "~0", "~1", "", "x~" };
        var operations = new List<PatchOperation>();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var path = string.Concat(Enumerable.Range(0, random.Next(0, 4)).Select(_ => "/" + segments[random.Next(segments.Length)]));
            operations.Add(new PatchOperation((PatchOperationKind)random.Next(3), path, random.Next(2) == 0 ? null : JsonValue.Create(random.Next(9))));
        }

        JsonPatch.Apply(document, operations);
    }
}
