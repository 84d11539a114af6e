using System.CommandLine;
using System.Text;
using Renderer.Cli.FileSystem;
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

        var target = run.OutputAt(given);
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

    /// <summary>
    /// Writes the documents as render writes its tree: under the directory's lock, in one transaction, only files
    /// fedrender owns replaced or removed, a file it did not write overwritten only with --force.
    /// </summary>
    private static Outcome? Write(CommandRun run, OutputDirectory target, MigrationResult result, bool force)
    {
        if (target.CheckPath() is { } pathProblem)
        {
            run.Report(pathProblem);
            return Outcome.Fail("nothing written");
        }

        try
        {
            var (held, problem) = target.Open(create: true);
            if (held is null)
            {
                run.Report(problem ?? CliDiagnostics.OutputLocked(target.Display, OutputDirectory.LockWait));
                return Outcome.Usage("nothing written");
            }

            using (held)
            {
                return WriteLocked(run, target, result, force);
            }
        }
        catch (Exception e) when (OutputDirectory.IsIo(e))
        {
            run.Report(CliDiagnostics.OutputWriteFailed(target.Display, target.Reason(e)));
            return Outcome.Usage("nothing written");
        }
    }

    private static Outcome? WriteLocked(CommandRun run, OutputDirectory target, MigrationResult result, bool force)
    {
        var (inventory, problems) = target.WritableInventory();
        if (inventory is null)
        {
            run.Report(problems);
            return Outcome.Usage("nothing written");
        }

        if (!force && inventory.ForeignFiles > 0 && !inventory.HasManifest)
        {
            run.Report(CliDiagnostics.NotOurDirectory(target.Display, inventory.ForeignFiles));
            return Outcome.Fail("nothing written");
        }

        var inTheWay = result.Files.Where(f => inventory.Foreign.TryGetValue(f.RelativePath, out var entry) && (!force || entry.Kind != EntryKind.File)).Select(f => f.RelativePath).ToList();
        if (inTheWay.Count > 0)
        {
            run.Report(inTheWay.Select(f => inventory.Foreign[f].Kind == EntryKind.File
                ? CliDiagnostics.ForeignFileInTheWay(target.Display, f)
                : CliDiagnostics.OwnedEntryUnsafe(target.Display, f, inventory.Foreign[f].Describe())));
            return Outcome.Fail("nothing written");
        }

        var transaction = target.Begin();
        try
        {
            var written = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in result.Files)
            {
                if (ManifestFile.Confinement(file.RelativePath) is not null) throw new InvalidOperationException($"refusing to write outside the output directory: {file.RelativePath}");
                written[file.RelativePath] = file.ContentHash;
                transaction.Stage(file.RelativePath, file.Utf8);
            }

            transaction.Commit(inventory.Owned.Keys.Where(k => !written.ContainsKey(k)).ToList(), ManifestFile.Write(written));
            return null;
        }
        finally
        {
            transaction.Abort();
        }
    }
}
