using System.CommandLine;
using System.Text;
using Renderer.Cli.Output;
using Renderer.Core;

namespace Renderer.Cli.Commands;

/// <summary><c>fedrender preview</c>: one self-contained HTML page of what every cluster gets.</summary>
public sealed class PreviewCommand : VerbCommand
{
    private readonly Option<string?> output = OutputOptions.File("The HTML file to write (a directory gets preview.html in it).", required: true);
    private readonly Option<string?> groupBy = new("--group-by") { Description = "Group the cluster columns by this cluster label, such as region." };

    public override string Name => "preview";

    public override string Description => "Write one self-contained HTML page of what every cluster gets: resources by clusters, replicas, where a cluster differs from the template, and each cell's YAML, overrides and diff.";

    protected override void AddOptions(Command command)
    {
        command.Add(output);
        command.Add(groupBy);
    }

    private static string Target(CommandRun run, string given)
    {
        var full = run.FullPath(given);
        return run.Context.FileSystem.DirectoryExists(full) ? Path.Combine(full, "preview.html") : full;
    }

    public override Outcome Execute(CommandRun run)
    {
        var given = run.Value(output) ?? string.Empty;
        var full = Target(run, given);
        var display = full == run.FullPath(given) ? run.Display(given) : run.Display(given).TrimEnd('/') + "/preview.html";
        var preview = FederationRenderer.Preview(run.Files.Where(f => run.FullPath(f.Path) != full).ToList(), run.Options);
        run.Report(preview.Diagnostics);
        if (run.Blocked) return Outcome.Fail("nothing written");

        var html = Preview.PreviewWriter.Html(preview, run.Value(groupBy));
        try
        {
            run.Context.FileSystem.ReplaceFile(full, Encoding.UTF8.GetBytes(html));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            run.Report(CliDiagnostics.OutputWriteFailed(display, e.Message.TrimEnd('.')));
            return Outcome.Fail("nothing written");
        }

        return Outcome.Done($"preview of {DiagnosticPrinter.Plural(preview.Rows.Count, "resource")} on {DiagnosticPrinter.Plural(preview.Clusters.Count, "cluster")} written to {display}");
    }
}
