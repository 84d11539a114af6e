using System.Text.Json.Nodes;
using BenchmarkDotNet.Running;

namespace Renderer.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "compare-schema-errors")
        {
            CompareErrors();
            return 0;
        }

        if (args.Length > 2 && args[0] == "synthetic")
        {
            // synthetic APPS CLUSTERS: writes the synthetic federation to stdout, for the CLI and for kustomize comparisons.
            Console.Out.Write(SyntheticFederation.Generate(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)));
            return 0;
        }

        if (args.Length > 1 && args[0] == "stages")
        {
            // stages FILE: each stage of one render, timed once in a cold process, with GC and JIT costs.
            return StageProfile.Run(args[1], Console.Out);
        }

        if (args.Length > 1 && args[0] == "fleet")
        {
            // fleet CLI [--runs N] [--no-kustomize-dir] [APPSxCLUSTERS ...]: the end-to-end table; CLI is the published fedrender (or a .dll).
            var rest = args.Skip(2).ToList();
            var at = rest.IndexOf("--runs");
            var runs = at >= 0 ? int.Parse(rest[at + 1], System.Globalization.CultureInfo.InvariantCulture) : 5;
            if (at >= 0) rest.RemoveRange(at, 2);
            var toDirectory = !rest.Remove("--no-kustomize-dir");
            var sizes = rest.Count > 0
                ? rest.Select(s => s.Split('x')).Select(p => (int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))).ToList()
                : [(100, 30), (334, 30), (1111, 30)];
            return FleetBenchmark.Run(new FleetBenchmark.Settings(Path.GetFullPath(args[1]), sizes, runs, toDirectory), Console.Out);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    /// <summary>Prints what each library says about the same broken Deployment, to compare error quality.</summary>
    private static void CompareErrors()
    {
        var root = Repository.Root();
        var text = File.ReadAllText(Path.Combine(root, "schemas", "kubernetes", "apps_v1_deployment.json"));
        var deployment = SchemaValidationBenchmarks.Workloads(root).First(o => o.Kind == "Deployment").Object.DeepClone().AsObject();
        deployment["spec"]!["replica"] = 3;
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = 42;
        deployment["spec"]!.AsObject().Remove("selector");
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["resources"] = JsonNode.Parse("""{"limits":{"cpu":"lots"}}""");
        Console.WriteLine("JsonSchema.Net:");
        foreach (var e in SchemaCandidates.ValidateJsonSchemaNet(SchemaCandidates.LoadJsonSchemaNet(text), deployment)) Console.WriteLine("  " + e);
        Console.WriteLine("compiled (fedrender):");
        foreach (var e in SchemaCandidates.ValidateCompiled(SchemaCandidates.LoadCompiled(text), deployment)) Console.WriteLine("  " + e);
        Console.WriteLine("NJsonSchema:");
        foreach (var e in SchemaCandidates.ValidateNJsonSchema(SchemaCandidates.LoadNJsonSchema(text), deployment)) Console.WriteLine("  " + e);
    }
}
