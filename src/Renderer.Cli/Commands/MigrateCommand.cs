using System.CommandLine;
using System.Text;
using Renderer.Cli.Output;
using Renderer.Core.Input;
using Renderer.Core.Karmada;
using Renderer.Core.Diagnostics;

namespace Renderer.Cli.Commands;

/// <summary>
/// <c>fedrender migrate --to karmada</c>: KubeFed documents in, Karmada documents (resource templates,
/// policies, clusters) written to --output; with --verify, both are rendered and compared cluster by cluster.
/// </summary>
public sealed class MigrateCommand : VerbCommand
{
    private readonly Option<string?> to = new("--to") { Description = "The system to migrate to: karmada.", Required = true };
    private readonly Option<string?> output = OutputOptions.Directory(required: true, "The directory the Karmada documents are written to.");
    private readonly Option<bool> verify = new("--verify") { Description = "Render the KubeFed inputs and the migrated documents and fail (exit 1) unless every cluster gets the same objects, less the kubefed.io/managed label." };
    private readonly Option<bool> force = new("--force") { Description = "Write into a directory fedrender did not create, and overwrite files it did not write." };

    public override string Name => "migrate";

    public override string Description => "Convert KubeFed documents into Karmada documents (see docs/karmada.md); --verify proves that every cluster gets the same objects.";

    public override SharedOption Uses => SharedOption.Reading;

    protected override void AddOptions(Command command)
    {
        command.Add(to);
        command.Add(output);
        command.Add(verify);
        command.Add(force);
    }

    public override void CheckOptions(CommandRun run, List<Diagnostic> problems)
    {
        if (run.Value(to) is { } target && target != "karmada") problems.Add(CliDiagnostics.InvalidOption("--to", target, "karmada"));
    }

    public override string? ExcludedPath(CommandRun run) => run.Value(output) is { } directory ? run.FullPath(directory) : null;

    public override Outcome Execute(CommandRun run)
    {
        var given = run.Value(output) ?? string.Empty;
        var result = KarmadaMigration.Migrate(run.Files, run.Options);
        run.Report(result.Diagnostics);
        if (run.Blocked) return Outcome.Fail("nothing written");

        var target = new OutputDirectory(run.Context.FileSystem, run.FullPath(given), run.Display(given));
        if (Write(run, target, result, run.Value(force)) is { } failed) return failed;
        var written = $"{DiagnosticPrinter.Plural(result.Files.Count, "file")} of Karmada documents written to {target.Display}";
        if (!run.Value(verify)) return Outcome.Done(written);

        var migrated = result.Files.Select(f => SourceFile.FromText(target.Display + "/" + f.RelativePath, f.Content)).ToList();
        var verification = KarmadaMigration.Verify(run.Files, migrated, run.Options);
        run.Report(verification.Diagnostics);
        if (verification.HasErrors)
        {
            return Outcome.Fail(verification.Differences > 0
                ? $"{written}; verify: {DiagnosticPrinter.Plural(verification.Differences, "object")} differ"
                : $"{written}; verify: a side does not render");
        }

        return Outcome.Done($"{written}; verified: {DiagnosticPrinter.Plural(verification.Clusters, "cluster")} get the same {DiagnosticPrinter.Plural(verification.Objects, "object")} from both, less the kubefed.io/managed label");
    }

    /// <summary>Writes the documents as render writes a tree: beside the directory, swapped in whole, only owned files replaced.</summary>
    private static Outcome? Write(CommandRun run, OutputDirectory target, MigrationResult result, bool force)
    {
        if (target.CheckPath() is { } pathProblem)
        {
            run.Report(pathProblem);
            return Outcome.Fail("nothing written");
        }

        try
        {
            target.Recover();
            var (owned, foreign, hasManifest) = target.Inventory();
            if (!force && foreign.Count > 0 && !hasManifest)
            {
                run.Report(CliDiagnostics.NotOurDirectory(target.Display, foreign.Count));
                return Outcome.Fail("nothing written");
            }

            var paths = result.Files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
            var inTheWay = foreign.Where(paths.Contains).ToList();
            if (!force && inTheWay.Count > 0)
            {
                run.Report(inTheWay.Select(f => CliDiagnostics.ForeignFileInTheWay(target.Display, f)));
                return Outcome.Fail("nothing written");
            }

            target.Begin(owned, foreign, new HashSet<string>(StringComparer.Ordinal));
            foreach (var file in result.Files) target.WriteStaged(file.RelativePath, Encoding.UTF8.GetBytes(file.Content));
            if (target.Commit(paths, foreign.Where(f => !paths.Contains(f)).ToList(), []) is { } problem)
            {
                run.Report(problem);
                return Outcome.Fail("nothing written");
            }
        }
        catch (Exception e) when (target.WriteFailure(e) is { } failure)
        {
            target.Abort();
            run.Report(failure);
            return Outcome.Fail("nothing written");
        }

        return null;
    }
}
