using System.CommandLine;
using Renderer.Cli.Diff;
using Renderer.Cli.Output;
using Renderer.Core.Diagnostics;

namespace Renderer.Cli.Commands;

/// <summary><c>fedrender diff</c>: what render would change in --output, as unified diffs or a Markdown comment.</summary>
public sealed class DiffCommand : VerbCommand
{
    private readonly Option<string?> output = OutputOptions.Directory(required: true, "The output directory to compare with what render would write.");
    private readonly LayoutOptions layout = new();
    private readonly Option<string> format = new("--format") { Description = "text (unified diffs, coloured on a terminal) or markdown (a pull-request comment).", DefaultValueFactory = _ => "text" };
    private readonly Option<string> secrets = SecretsOption.Create();

    public override string Name => "diff";

    public override string Description => "Show what render would change in --output, per cluster: added, removed and changed files with unified diffs. Exit 0 when nothing changes, 1 otherwise.";

    protected override void AddOptions(Command command)
    {
        command.Add(output);
        command.Add(format);
        command.Add(secrets);
        layout.AddTo(command);
    }

    public override void CheckOptions(CommandRun run, List<Diagnostic> problems)
    {
        SecretsOption.Apply(run, secrets, problems);
        if (run.Value(format) is not ("text" or "markdown")) problems.Add(CliDiagnostics.InvalidOption("--format", run.Value(format) ?? string.Empty, "use text or markdown"));
        layout.Apply(run, problems);
    }

    public override string? ExcludedPath(CommandRun run) => run.Value(output) is { } directory ? run.FullPath(directory) : null;

    public override Outcome Execute(CommandRun run)
    {
        var (comparison, ended) = OutputComparison.Of(run, run.Value(output) ?? string.Empty);
        if (comparison is null) return ended ?? Outcome.Fail("nothing compared");
        var changes = OutputDiff.Compute(comparison.Tree, comparison.Existing, comparison.Removed);
        if (run.Value(format) == "markdown") DiffWriter.Markdown(run.Out, changes);
        else DiffWriter.Text(run.Out, changes, run.Context.OutIsTerminal);
        var display = comparison.Target.Display;
        return changes.Count == 0
            ? Outcome.Done($"{display} would not change")
            : Outcome.Fail($"{DiagnosticPrinter.Plural(changes.Count, "file")} would change in {display}");
    }
}
