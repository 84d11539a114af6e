using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
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

    public override void CheckOptions(CommandRun run, List<Diagnostic> problems)
    {
        if (run.Value(secret) == "-" && run.Inputs.Contains("-")) problems.Add(CliDiagnostics.Usage("standard input can be the Secret (--secret -) or an INPUT, not both"));
    }

    public override string? ExcludedPath(CommandRun run) => run.Value(secret) is { } given and not "-" ? run.FullPath(given) : null;

    public override Outcome Execute(CommandRun run)
    {
        var secretFile = ReadSecret(run, run.Value(secret) ?? "-");
        if (secretFile is null) return Outcome.Usage("nothing written");
        var given = run.Value(output) is { } o and not "-" ? o : null;
        var full = given is null ? null : run.FullPath(given);
        var excluded = run.Value(secret) is { } s and not "-" ? run.FullPath(s) : null;
        var inputs = run.Files.Where(f => f.Path != "<stdin>" || run.Value(secret) != "-")
            .Where(f => (full is null || run.FullPath(f.Path) != full) && (excluded is null || run.FullPath(f.Path) != excluded)).ToList();

        var names = run.Value(clusters)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var directory = run.Value(certs);
        var plan = FederationRenderer.PlanSeal(inputs, new SealRequest(secretFile, names, run.Value(selector), directory is not null), run.Options.Limits);
        run.Protect(plan.Secrets);
        run.Report(plan.Diagnostics);
        if (run.Blocked) return Outcome.Fail("nothing written");

        var certificates = new Dictionary<string, CertificateFile>(StringComparer.Ordinal);
        foreach (var target in plan.Targets)
        {
            var path = target.CertificatePath ?? (directory ?? ".").TrimEnd('/') + "/" + target.Cluster + ".pem";
            certificates[target.Cluster] = ReadCertificate(run, path);
        }

        using var random = RandomNumberGenerator.Create();
        var result = SecretSealer.Seal(plan, certificates, random, DateTimeOffset.UtcNow);
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

        return Outcome.Done($"{DiagnosticPrinter.Plural(result.Documents, "document")} written to {display} (sealed for {DiagnosticPrinter.Plural(plan.Targets.Count, "cluster")})");
    }

    /// <summary>The Secret's bytes: standard input, or a regular file (no link) within the size limit; null with the reason reported.</summary>
    private static SourceFile? ReadSecret(CommandRun run, string given)
    {
        var context = run.Context;
        if (given == "-")
        {
            using var stdin = context.OpenStandardInput();
            using var buffer = new MemoryStream();
            stdin.CopyTo(buffer);
            return new SourceFile("<stdin>", buffer.ToArray());
        }

        var full = run.FullPath(given);
        var display = run.Display(given);
        try
        {
            if (!context.FileSystem.FileExists(full))
            {
                run.Report(CliDiagnostics.InputNotFound(display));
                return null;
            }

            if (context.FileSystem.IsSymbolicLink(full))
            {
                run.Report(CliDiagnostics.InputUnreadable(display, "it is a symbolic link, which fedrender does not follow"));
                return null;
            }

            var length = context.FileSystem.FileLength(full);
            if (length > run.Options.Limits.MaxFileBytes)
            {
                run.Report(InputDiagnostics.FileTooLarge(SourceLocation.OfFile(display), length, run.Options.Limits.MaxFileBytes));
                return null;
            }

            return new SourceFile(display, context.FileSystem.ReadAllBytes(full));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            run.Report(CliDiagnostics.InputUnreadable(display, e.Message.TrimEnd('.')));
            return null;
        }
    }

    /// <summary>A certificate file: a regular file (no link) of at most <see cref="MaxCertificateBytes"/>; what went wrong otherwise.</summary>
    private static CertificateFile ReadCertificate(CommandRun run, string path)
    {
        var fs = run.Context.FileSystem;
        var full = run.FullPath(path);
        try
        {
            if (fs.IsSymbolicLink(full)) return new CertificateFile(path, null, "it is a symbolic link, which fedrender does not follow");
            if (!fs.FileExists(full)) return new CertificateFile(path, null, fs.DirectoryExists(full) ? "it is a directory" : null);
            if (fs.FileLength(full) > MaxCertificateBytes) return new CertificateFile(path, null, $"it is larger than {MaxCertificateBytes / 1024} KiB, too large for a certificate");
            return new CertificateFile(path, fs.ReadAllBytes(full), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new CertificateFile(path, null, e.Message.TrimEnd('.'));
        }
    }
}
