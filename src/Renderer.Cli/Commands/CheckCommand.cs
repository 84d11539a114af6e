using System.CommandLine;
using Renderer.Cli.Output;
using Renderer.Core.Diagnostics;

namespace Renderer.Cli.Commands;

/// <summary><c>fedrender check</c>: exit 0 when --output is what render would write, 1 when it is stale.</summary>
public sealed class CheckCommand : VerbCommand
{
    private readonly Option<string?> output = OutputOptions.Directory(required: true, "The output directory to compare with what render would write.");
    private readonly LayoutOptions layout = new();
    private readonly Option<string> secrets = SecretsOption.Create();

    public override string Name => "check";

    public override string Description => "Exit 0 when --output is exactly what render would write, 1 when it is stale (listing what differs per cluster).";

    protected override void AddOptions(Command command)
    {
        command.Add(output);
        command.Add(secrets);
        layout.AddTo(command);
    }

    public override void CheckOptions(CommandRun run, List<Diagnostic> problems)
    {
        SecretsOption.Apply(run, secrets, problems);
        layout.Apply(run, problems);
    }

    public override string? ExcludedPath(CommandRun run) => run.Value(output) is { } directory ? run.FullPath(directory) : null;

    public override Outcome Execute(CommandRun run)
    {
        var (comparison, ended) = OutputComparison.Of(run, run.Value(output) ?? string.Empty);
        if (comparison is null) return ended ?? Outcome.Fail("nothing compared");
        var changes = new SortedDictionary<string, char>(StringComparer.Ordinal);
        foreach (var (relative, content) in comparison.Tree)
        {
            var existing = comparison.Existing(relative);
            if (existing is null) changes[relative] = '+';
            else if (!existing.AsSpan().SequenceEqual(content)) changes[relative] = '~';
        }

        foreach (var relative in comparison.Removed) changes[relative] = '-';
        var display = comparison.Target.Display;
        if (changes.Count == 0) return Outcome.Done($"{display} is up to date");

        foreach (var cluster in changes.GroupBy(c => OutputTree.GroupOf(c.Key), StringComparer.Ordinal))
        {
            var added = cluster.Count(c => c.Value == '+');
            var deleted = cluster.Count(c => c.Value == '-');
            var changed = cluster.Count(c => c.Value == '~');
            run.Out.Write($"{cluster.Key}: {added} added, {deleted} removed, {changed} changed\n");
            foreach (var (path, mark) in cluster) run.Out.Write($"  {mark} {path}\n");
        }

        run.Report(CliDiagnostics.Stale(display, changes.Count));
        return Outcome.Fail("stale");
    }
}
