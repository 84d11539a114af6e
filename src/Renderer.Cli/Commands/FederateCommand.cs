using System.CommandLine;
using System.Text;
using Renderer.Cli.Output;
using Renderer.Core;
using Renderer.Core.Diagnostics;
using Renderer.Core.Pipeline;

namespace Renderer.Cli.Commands;

/// <summary><c>fedrender federate</c>: plain manifests in, Federated documents out, as kubefedctl federate did.</summary>
public sealed class FederateCommand : VerbCommand
{
    private readonly Option<string?> clusters = new("--placement-clusters") { Description = "Place every document on these clusters (comma-separated) instead of on all clusters." };
    private readonly Option<bool> namespaceToo = new("--namespace-too") { Description = "Also write a FederatedNamespace for each namespace the objects use." };
    private readonly Option<string?> output = OutputOptions.File("Write the documents to this file (- or no option: standard output).", required: false);

    public override string Name => "federate";

    public override string Description => "Turn plain Kubernetes manifests into Federated documents, as kubefedctl federate did.";

    public override SharedOption Uses => SharedOption.Reading | SharedOption.Schemas;

    /// <summary>The --schemas files give the CustomResourceDefinitions of custom kinds; they are not federated themselves.</summary>
    public override bool ReadsSchemasApart => true;

    public override IReadOnlyList<string> InputArguments(CommandRun run) => run.Inputs;

    protected override void AddOptions(Command command)
    {
        command.Add(clusters);
        command.Add(namespaceToo);
        command.Add(output);
    }

    private FileOutput? Target(CommandRun run) => run.Value(output) is { } given ? run.FileAt(given) : null;

    public override void CheckOptions(CommandRun run, List<Diagnostic> problems)
    {
        if (Target(run)?.Check(run.InputPaths) is { } refused) problems.Add(refused);
    }

    public override string? ExcludedPath(CommandRun run) => Target(run)?.FullPath;

    public override Outcome Execute(CommandRun run)
    {
        var target = Target(run);
        var names = run.Value(clusters)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = FederationRenderer.Federate(run.Files, run.SchemaFiles, run.Options.Limits, new FederateOptions(names, run.Value(namespaceToo), run.Options.Namespace));
        run.Report(result.Diagnostics);
        run.Protect(result.Secrets);
        if (run.Blocked) return Outcome.Fail("nothing written");
        if (target is null)
        {
            run.Out.Write(result.Yaml);
            return new Outcome(Outcome.Ok, null);
        }

        if (target.Write(Encoding.UTF8.GetBytes(result.Yaml)) is { } failed)
        {
            run.Report(failed);
            return Outcome.Fail("nothing written");
        }

        return Outcome.Done($"{DiagnosticPrinter.Plural(result.Documents, "document")} written to {target.Display}");
    }
}
