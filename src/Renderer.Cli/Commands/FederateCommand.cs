using System.CommandLine;
using System.Text;
using Renderer.Cli.Output;
using Renderer.Core;
using Renderer.Core.Pipeline;

namespace Renderer.Cli.Commands;

/// <summary><c>fedrender federate</c>: plain manifests in, Federated documents out, as kubefedctl federate did.</summary>
public sealed class FederateCommand : VerbCommand
{
    private readonly Option<string?> clusters = new("--placement-clusters") { Description = "Place every document on these clusters (comma-separated) instead of on all clusters." };
    private readonly Option<bool> namespaceToo = new("--namespace-too") { Description = "Also write a FederatedNamespace for each namespace the objects use." };
    private readonly Option<string?> output = OutputOptions.File("Write the documents to this file instead of standard output.", required: false);

    public override string Name => "federate";

    public override string Description => "Turn plain Kubernetes manifests into Federated documents, as kubefedctl federate did.";

    public override SharedOption Uses => SharedOption.Reading;

    protected override void AddOptions(Command command)
    {
        command.Add(clusters);
        command.Add(namespaceToo);
        command.Add(output);
    }

    public override Outcome Execute(CommandRun run)
    {
        var given = run.Value(output);
        var full = given is null ? null : run.FullPath(given);
        var names = run.Value(clusters)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var inputs = run.Files.Where(f => full is null || run.FullPath(f.Path) != full).ToList();
        var result = FederationRenderer.Federate(inputs, run.Options.Limits, new FederateOptions(names, run.Value(namespaceToo)));
        run.Report(result.Diagnostics);
        if (run.Blocked) return Outcome.Fail("nothing written");
        if (full is null || given is null)
        {
            run.Out.Write(result.Yaml);
            return new Outcome(Outcome.Ok, null);
        }

        var display = run.Display(given);
        try
        {
            run.Context.FileSystem.ReplaceFile(full, Encoding.UTF8.GetBytes(result.Yaml));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            run.Report(CliDiagnostics.OutputWriteFailed(display, e.Message.TrimEnd('.')));
            return Outcome.Fail("nothing written");
        }

        return Outcome.Done($"{DiagnosticPrinter.Plural(result.Documents, "document")} written to {display}");
    }
}
