using System.CommandLine;
using Renderer.Cli.Output;
using Renderer.Core;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Secrets;

namespace Renderer.Cli.Commands;

/// <summary>
/// One invocation of a verb: its context, options and inputs, and every diagnostic reported so far. The
/// diagnostics are finished and printed once, by <see cref="End"/>.
/// </summary>
public sealed class CommandRun(CliContext context, ParseResult parsed, SharedOptions shared)
{
    private readonly List<Diagnostic> diagnostics = [];
    private SecretMap secrets = SecretMap.Empty;

    public CliContext Context => context;

    public ParseResult Parsed => parsed;

    public RenderOptions Options { get; private set; } = RenderOptions.Default;

    public DiagnosticFormat Format { get; private set; } = DiagnosticFormat.Text;

    public IReadOnlyList<SourceFile> Files { get; private set; } = [];

    /// <summary>The files of --schemas, for a verb that reads them apart from its inputs (see <see cref="VerbCommand.ReadsSchemasApart"/>).</summary>
    public IReadOnlyList<SourceFile> SchemaFiles { get; private set; } = [];

    public TextWriter Out => context.Out;

    /// <summary>The INPUT arguments as given.</summary>
    public IReadOnlyList<string> Inputs => shared.Has(SharedOption.Inputs) ? parsed.GetValue(shared.Inputs) ?? [] : [];

    /// <summary>The INPUT arguments, then the --schemas paths (the current directory when only schemas are named).</summary>
    public IReadOnlyList<string> InputArguments => WithSchemas(Inputs);

    /// <summary>These inputs, then the --schemas paths (the current directory when only schemas are named).</summary>
    public IReadOnlyList<string> WithSchemas(IReadOnlyList<string> inputs)
    {
        var schemas = SchemaArguments;
        return inputs.Count == 0 && schemas.Count > 0 ? [".", .. schemas] : [.. inputs, .. schemas];
    }

    /// <summary>The --schemas paths as given.</summary>
    public IReadOnlyList<string> SchemaArguments => shared.Has(SharedOption.Schemas) ? parsed.GetValue(shared.Schemas) ?? [] : [];

    /// <summary>Whether anything reported so far stops the verb: an error, or a warning under --strict.</summary>
    public bool Blocked => diagnostics.Any(d => DiagnosticFinisher.Blocks(d, Options.Strict));

    internal void Read(List<Diagnostic> problems)
    {
        Format = shared.ReadFormat(parsed, problems);
        Options = shared.Read(parsed, problems);
    }

    public T? Value<T>(Option<T> option) => parsed.GetValue(option);

    /// <summary>Changes the render options a verb's own options refine (such as --secrets).</summary>
    public void Adjust(Func<RenderOptions, RenderOptions> change) => Options = change(Options);

    public void Report(Diagnostic diagnostic) => diagnostics.Add(diagnostic);

    public void Report(IEnumerable<Diagnostic> more) => diagnostics.AddRange(more);

    /// <summary>Adds Secret values a stage found, so that no diagnostic of this run prints them.</summary>
    public void Protect(SecretMap more) => secrets = secrets.With(more);

    /// <summary>A path the user gave, made full against the current directory.</summary>
    public string FullPath(string given) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(given, context.CurrentDirectory));

    /// <summary>A path as the user gave it: relative paths relative to the current directory, absolute ones as they are.</summary>
    public string Display(string given) => PathDisplay.Of(given, FullPath(given), context.CurrentDirectory);

    /// <summary>The output directory the user named, with its path as given.</summary>
    public OutputDirectory OutputAt(string given) => new(context.FileSystem, FullPath(given), Display(given));

    /// <summary>The output file the user named (null for - , standard output).</summary>
    public FileOutput? FileAt(string given) => given == FileOutput.StandardOutput ? null : new(context.FileSystem, FullPath(given), Display(given));

    /// <summary>The INPUT paths (full, and as given), for the checks of where output may go.</summary>
    public IEnumerable<(string Full, string Display)> InputPaths =>
        InputArguments.Where(i => i != "-").Select(i => (FullPath(i), Display(i)));

    /// <summary>Reads the inputs; false (with the reasons reported) when one cannot be read.</summary>
    internal bool CollectInputs(IReadOnlyList<string> inputs, string? excluded)
    {
        var (files, found, ioFailed) = new InputCollector(context, Options.Limits).Collect(inputs, excluded);
        Files = files;
        Report(found);
        return !ioFailed;
    }

    /// <summary>Reads the inputs, and the --schemas files apart from them; false (with the reasons reported) when one cannot be read.</summary>
    internal bool CollectInputsAndSchemas(IReadOnlyList<string> inputs, string? excluded)
    {
        var (files, schemas, found, ioFailed) = new InputCollector(context, Options.Limits).Collect(inputs, SchemaArguments, excluded);
        Files = files;
        SchemaFiles = schemas;
        Report(found);
        return !ioFailed;
    }

    /// <summary>Renders the inputs with the run's options and reports what the render found.</summary>
    public RenderResult Render(IReadOnlyList<SourceFile>? files = null)
    {
        var result = FederationRenderer.Render(files ?? Files, Options);
        Report(result.Diagnostics);
        Protect(result.Secrets);
        return result;
    }

    /// <summary>Finishes the diagnostics, prints each one, writes the summary line and returns the exit code.</summary>
    internal int End(Outcome outcome)
    {
        var finished = DiagnosticFinisher.Finish(diagnostics, secrets, Options.Strict);
        var printer = new DiagnosticPrinter(context.Error, Format);
        printer.Print(finished);
        printer.PrintOmitted();
        printer.Flush();
        if (outcome.Summary is { } summary && printer.AllowsSummary)
        {
            var counts = DiagnosticPrinter.Count(finished);
            context.Error.Write($"fedrender: {(counts.Length > 0 ? counts + "; " : string.Empty)}{summary}\n");
        }

        // A flag that names what the inputs do not hold (--cluster nope) is the command line's mistake, whatever the verb made of it.
        if (finished.Any(ClusterSelectionDiagnostics.IsUsageError)) return Outcome.UsageOrIo;
        return outcome.Exit == Outcome.Ok && finished.Any(d => d.IsError) ? Outcome.Failed : outcome.Exit;
    }
}
