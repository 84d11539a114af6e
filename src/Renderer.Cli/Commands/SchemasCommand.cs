using System.CommandLine;
using Renderer.Cli.FileSystem;
using Renderer.Cli.Output;
using Renderer.Core;
using Renderer.Core.Diagnostics;

namespace Renderer.Cli.Commands;

/// <summary>
/// <c>fedrender schemas</c>: the JSON Schemas of every Federated&lt;Kind&gt; and KubeFed kind, for editors
/// (yaml-language-server) and kubeconform, as <c>{group}/{kind}_{version}.json</c> plus catalog.json.
/// </summary>
public sealed class SchemasCommand : VerbCommand
{
    private readonly Option<string?> output = OutputOptions.Directory(required: true, "The directory to write the schemas to: {group}/{kind}_{version}.json and catalog.json.");
    private readonly Option<string?> baseUrl = new("--base-url") { Description = "Where the directory will be served from (ending in /): catalog.json's URLs start with it. Default: URLs relative to catalog.json." };

    public override string Name => "schemas";

    public override string Description => "Write a JSON Schema for each Federated<Kind> fedrender knows (built-in kinds, and the type configs and CRDs of the inputs and --schemas) and for the KubeFed kinds, named for kubeconform's -schema-location and with a catalog.json for editors.";

    public override SharedOption Uses => SharedOption.Reading | SharedOption.Schemas;

    protected override void AddOptions(Command command)
    {
        command.Add(output);
        command.Add(baseUrl);
    }

    public override void CheckOptions(CommandRun run, List<Diagnostic> problems)
    {
        if (run.Value(baseUrl) is { } url && (!url.EndsWith('/') || !Uri.TryCreate(url, UriKind.Absolute, out _)))
        {
            problems.Add(CliDiagnostics.InvalidOption("--base-url", url, "give an absolute URL ending in /, such as https://example.com/schemas/"));
        }

        if (run.Value(output) is { } given && OutputPlacement.CheckDirectory(run.FullPath(given), run.Display(given), run.Context.CurrentDirectory, run.InputPaths) is { } refused)
        {
            problems.Add(refused);
        }
    }

    public override string? ExcludedPath(CommandRun run) => run.Value(output) is { } directory ? run.FullPath(directory) : null;

    public override Outcome Execute(CommandRun run)
    {
        var given = run.Value(output) ?? string.Empty;
        var set = FederationRenderer.Schemas(run.Files, run.Options, run.Value(baseUrl) ?? string.Empty);
        run.Report(set.Diagnostics);
        if (run.Blocked) return Outcome.Fail("nothing written");

        // Every folder and file on the way is examined (lstat) before anything is written: nothing is written through a link.
        var fs = run.Context.FileSystem;
        var root = run.FullPath(given);
        var display = run.Display(given).TrimEnd('/');
        var targets = set.Files.Select(f => (File: f, Path: Path.Combine(root, f.RelativePath), Display: display + "/" + f.RelativePath)).ToList();
        var folders = new SortedDictionary<string, string>(StringComparer.Ordinal) { [root] = display };
        foreach (var (file, path, _) in targets) folders[Path.GetDirectoryName(path) ?? root] = display + "/" + Path.GetDirectoryName(file.RelativePath)?.Replace('\\', '/');
        foreach (var (path, shown) in folders.Select(f => (f.Key, f.Value)).Concat(targets.Select(t => (t.Path, t.Display))))
        {
            var entry = fs.Stat(path);
            var isFolder = folders.ContainsKey(path);
            if (entry.Kind == EntryKind.SymbolicLink) run.Report(IntegrationCliDiagnostics.LinkInOutput(shown));
            else if (entry.Exists && entry.Kind != (isFolder ? EntryKind.Directory : EntryKind.File)) run.Report(CliDiagnostics.OutputNotADirectory(shown, entry.Describe()));
        }

        if (run.Blocked) return Outcome.Fail("nothing written");
        try
        {
            foreach (var folder in folders.Keys) fs.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            run.Report(CliDiagnostics.OutputWriteFailed(display, e.Message.TrimEnd('.')));
            return Outcome.Fail("nothing written");
        }

        foreach (var (file, path, shown) in targets)
        {
            if (new FileOutput(fs, path, shown).Write(file.Utf8) is not { } failed) continue;
            run.Report(failed);
            return Outcome.Fail("not all schemas written");
        }

        return Outcome.Done($"{DiagnosticPrinter.Plural(set.Files.Count - 1, "schema")} and {Core.Validation.EditorSchemas.CatalogFile} written to {display}");
    }
}
