using System.CommandLine;
using System.Text;
using Renderer.Cli.Output;
using Renderer.Core;
using Renderer.Core.Diagnostics;

namespace Renderer.Cli.Commands;

/// <summary><c>fedrender preview</c>: one self-contained HTML page of what every cluster gets.</summary>
public sealed class PreviewCommand : VerbCommand
{
    private readonly Option<string?> output = OutputOptions.File("The HTML file to write (a directory gets preview.html in it; - for standard output).", required: true);
    private readonly Option<string?> groupBy = new("--group-by") { Description = "Group the cluster columns by this cluster label, such as region." };

    public override string Name => "preview";

    public override string Description => "Write one self-contained HTML page of what every cluster gets: resources by clusters, replicas, where a cluster differs from the template, and each cell's YAML, overrides and diff.";

    protected override void AddOptions(Command command)
    {
        command.Add(output);
        command.Add(groupBy);
    }

    /// <summary>The page to write: --output itself, or preview.html in it when it is a directory; null for standard output.</summary>
    private FileOutput? Target(CommandRun run)
    {
        var given = run.Value(output) ?? string.Empty;
        if (run.FileAt(given) is not { } file) return null;
        return run.Context.FileSystem.Stat(file.FullPath).Kind == FileSystem.EntryKind.Directory
            ? new FileOutput(run.Context.FileSystem, Path.Combine(file.FullPath, "preview.html"), file.Display.TrimEnd('/') + "/preview.html")
            : file;
    }

    public override void CheckOptions(CommandRun run, List<Diagnostic> problems)
    {
        if (Target(run)?.Check(run.InputPaths) is { } refused) problems.Add(refused);
    }

    public override string? ExcludedPath(CommandRun run) => Target(run)?.FullPath;

    public override Outcome Execute(CommandRun run)
    {
        var target = Target(run);
        var preview = FederationRenderer.Preview(run.Files, run.Options);
        run.Report(preview.Diagnostics);
        if (run.Blocked) return Outcome.Fail("nothing written");

        var html = Preview.PreviewWriter.Html(preview, run.Value(groupBy));
        var summary = $"preview of {DiagnosticPrinter.Plural(preview.Rows.Count, "resource")} on {DiagnosticPrinter.Plural(preview.Clusters.Count, "cluster")}";
        if (target is null)
        {
            run.Out.Write(html);
            return Outcome.Done(summary + " printed");
        }

        if (target.Write(Encoding.UTF8.GetBytes(html)) is { } failed)
        {
            run.Report(failed);
            return Outcome.Fail("nothing written");
        }

        return Outcome.Done($"{summary} written to {target.Display}");
    }
}
