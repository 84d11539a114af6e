using System.CommandLine;
using Renderer.Core;
using Renderer.Core.Diagnostics;

namespace Renderer.Cli.Commands;

/// <summary><c>fedrender explain</c>: why an object is or is not on a cluster, and where each field came from.</summary>
public sealed class ExplainCommand : VerbCommand
{
    private readonly Option<string?> cluster = new("--cluster") { Description = "The cluster to explain the object on (required, exactly once).", Required = true };
    private readonly Option<string?> field = new("--field") { Description = "Explain only this field of the object (a JSON pointer such as /spec/replicas)." };

    public override string Name => "explain";

    public override string Description => "Why KIND/NAMESPACE/NAME (or KIND/NAME) is or is not on a cluster, and where each of its fields came from: the template line or the override that set it last. Usage: fedrender explain [INPUT...] --cluster CLUSTER KIND/NAMESPACE/NAME (the object is the last argument).";

    public override SharedOption Uses => SharedOption.Reading | SharedOption.Schemas;

    protected override void AddOptions(Command command)
    {
        command.Add(cluster);
        command.Add(field);
    }

    private static string[]? ObjectParts(CommandRun run) =>
        run.Inputs is { Count: > 0 } arguments && arguments[^1].Split('/') is { Length: 2 or 3 } parts ? parts : null;

    public override void CheckOptions(CommandRun run, List<Diagnostic> problems)
    {
        if (ObjectParts(run) is null) problems.Add(CliDiagnostics.Usage("name the object last, as KIND/NAMESPACE/NAME (or KIND/NAME for a cluster-scoped one)"));
    }

    public override IReadOnlyList<string> InputArguments(CommandRun run) => run.WithSchemas(run.Inputs.Count > 0 ? run.Inputs.Take(run.Inputs.Count - 1).ToList() : []);

    public override Outcome Execute(CommandRun run)
    {
        var parts = ObjectParts(run) ?? [];
        var objectName = string.Join('/', parts);
        var (kind, ns, name) = parts.Length == 3 ? (parts[0], parts[1], parts[2]) : (parts[0], (string?)null, parts[1]);
        var (explanation, diagnostics) = FederationRenderer.Explain(run.Files, run.Options, run.Value(cluster) ?? string.Empty, kind, ns, name, run.Value(field));
        run.Report(diagnostics);
        if (explanation is null) return Outcome.Fail(diagnostics.Any(ClusterSelectionDiagnostics.IsUnknownExplainedCluster) ? "nothing explained" : $"no federated document renders {objectName}");

        var output = run.Out;
        output.Write($"{explanation.Object} on cluster \"{explanation.Cluster}\": {(explanation.Rendered ? "rendered" : "not rendered")}\n");
        foreach (var step in explanation.Steps)
        {
            output.Write($"  {step.Topic,-10} {step.Text}{(step.Location.IsNone ? string.Empty : $" [{step.Location}]")}\n");
        }

        if (explanation.Fields.Count > 0) output.Write("fields:\n");
        foreach (var origin in explanation.Fields)
        {
            output.Write($"  {origin.Pointer} = {origin.Value}\n      {origin.Origin}{(origin.Location.IsNone ? string.Empty : $" [{origin.Location}]")}\n");
        }

        return Outcome.Done("explained");
    }
}
