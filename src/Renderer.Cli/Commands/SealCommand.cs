using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using Renderer.Cli.FileSystem;
using Renderer.Cli.Output;
using Renderer.Core;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Sealing;

namespace Renderer.Cli.Commands;

/// <summary>
/// <c>fedrender seal</c>: one plain Secret (a file kept out of the repository, or standard input) in, a
/// FederatedSealedSecret out, sealed per cluster with each cluster's certificate. The plaintext is never written.
/// </summary>
public sealed class SealCommand : VerbCommand
{
    /// <summary>The most a certificate file may hold; a PEM certificate is a few KiB.</summary>
    public const int MaxCertificateBytes = 64 * 1024;

    private readonly Option<string?> secret = new("--secret") { Description = "The plain Secret to seal: a YAML or JSON file (keep it out of the repository), or - for standard input.", Required = true };
    private readonly Option<string?> clusters = new("--placement-clusters") { Description = "Seal for these registered clusters (comma-separated) and place the result on them." };
    private readonly Option<string?> selector = new("--cluster-selector") { Description = "Seal for the registered clusters whose labels match key=value[,key=value], and place the result by that selector." };
    private readonly Option<string?> certs = new("--certs") { Description = "A directory holding <cluster>.pem for each cluster, instead of the KubeFedClusters' fedrender.io/sealed-secrets-cert annotations." };
    private readonly Option<string?> output = OutputOptions.File("Write the documents to this file (- or nothing: standard output).", required: false);

    public override string Name => "seal";

    public override string Description => "Seal a plain Secret for each cluster with its sealed-secrets certificate, as kubeseal does, into one FederatedSealedSecret (and its FederatedTypeConfig when the inputs lack it). The plaintext is never written.";

    public override SharedOption Uses => SharedOption.Reading;

    protected override void AddOptions(Command command)
    {
        command.Add(secret);
        command.Add(clusters);
        command.Add(selector);
        command.Add(certs);
        command.Add(output);
    }

    private FileOutput? Target(CommandRun run) => run.Value(output) is { } given ? run.FileAt(given) : null;

    public override void CheckOptions(CommandRun run, List<Diagnostic> problems)
    {
        if (run.Value(secret) == "-" && run.Inputs.Contains("-")) problems.Add(CliDiagnostics.Usage("standard input can be the Secret (--secret -) or an INPUT, not both"));
        if (Target(run)?.Check(run.InputPaths) is { } refused) problems.Add(refused);
    }

    public override string? ExcludedPath(CommandRun run) => run.Value(secret) is { } given and not "-" ? run.FullPath(given) : Target(run)?.FullPath;

    public override Outcome Execute(CommandRun run)
    {
        var secretFile = ReadSecret(run, run.Value(secret) ?? "-");
        if (secretFile is null) return Outcome.Usage("nothing written");
        var target = Target(run);
        var excluded = run.Value(secret) is { } s and not "-" ? run.FullPath(s) : null;
        var inputs = run.Files
            .Where(f => (target is null || run.FullPath(f.Path) != target.FullPath) && (excluded is null || run.FullPath(f.Path) != excluded)).ToList();

        var names = run.Value(clusters)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var directory = run.Value(certs);
        var plan = FederationRenderer.PlanSeal(inputs, new SealRequest(secretFile, names, run.Value(selector), directory is not null), run.Options.Limits);
        run.Protect(plan.Secrets);
        run.Report(plan.Diagnostics);
        if (run.Blocked) return Outcome.Fail("nothing written");

        var certificates = new Dictionary<string, CertificateFile>(StringComparer.Ordinal);
        foreach (var plannedTarget in plan.Targets)
        {
            var path = plannedTarget.CertificatePath ?? (directory ?? ".").TrimEnd('/') + "/" + plannedTarget.Cluster + ".pem";
            certificates[plannedTarget.Cluster] = ReadCertificate(run, path);
        }

        using var random = RandomNumberGenerator.Create();
        var result = SecretSealer.Seal(plan, certificates, random, DateTimeOffset.UtcNow);
        run.Report(result.Diagnostics);
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

        return Outcome.Done($"{DiagnosticPrinter.Plural(result.Documents, "document")} written to {target.Display} (sealed for {DiagnosticPrinter.Plural(plan.Targets.Count, "cluster")})");
    }

    /// <summary>The Secret's bytes: standard input, or a regular file (never through a link) within the size limit; null with the reason reported.</summary>
    private static SourceFile? ReadSecret(CommandRun run, string given)
    {
        var context = run.Context;
        var limit = run.Options.Limits.MaxFileBytes;
        var display = given == "-" ? "<stdin>" : run.Display(given);
        try
        {
            if (given == "-")
            {
                using var stdin = context.OpenStandardInput();
                return new SourceFile(display, PhysicalFileSystem.ReadBounded(stdin, display, limit));
            }

            var full = run.FullPath(given);
            if (!context.FileSystem.Stat(full).Exists)
            {
                run.Report(CliDiagnostics.InputNotFound(display));
                return null;
            }

            return new SourceFile(display, context.FileSystem.Read(full, limit));
        }
        catch (FileTooLargeException)
        {
            run.Report(InputDiagnostics.FileTooLarge(SourceLocation.OfFile(display), limit));
        }
        catch (UnsafeEntryException e)
        {
            run.Report(e.Entry.Kind == EntryKind.SymbolicLink ? CliDiagnostics.InputIsLink(display) : CliDiagnostics.InputIsSpecial(display, e.Entry.Describe()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            run.Report(CliDiagnostics.InputUnreadable(display, e.Message.TrimEnd('.')));
        }

        return null;
    }

    /// <summary>A certificate file: a regular file (never through a link) of at most <see cref="MaxCertificateBytes"/>; what went wrong otherwise.</summary>
    private static CertificateFile ReadCertificate(CommandRun run, string path)
    {
        var fs = run.Context.FileSystem;
        var full = run.FullPath(path);
        try
        {
            var entry = fs.Stat(full);
            if (!entry.Exists) return new CertificateFile(path, null, null);
            return new CertificateFile(path, fs.Read(full, MaxCertificateBytes), null);
        }
        catch (FileTooLargeException)
        {
            return new CertificateFile(path, null, $"it is larger than {MaxCertificateBytes / 1024} KiB, too large for a certificate");
        }
        catch (UnsafeEntryException e)
        {
            return new CertificateFile(path, null, $"it is {e.Entry.Describe()}, which fedrender does not read");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new CertificateFile(path, null, e.Message.TrimEnd('.'));
        }
    }
}
