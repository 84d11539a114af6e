using Renderer.Core.Diagnostics;
using Renderer.Core.Input;

namespace Renderer.Core.Karmada;

/// <summary>The facade of <c>fedrender migrate --to karmada</c>: migrate KubeFed inputs, and verify the migration by rendering both.</summary>
public static class KarmadaMigration
{
    /// <summary>
    /// The Karmada documents for KubeFed <paramref name="inputs"/>. The KubeFed render's own diagnostics come
    /// first: inputs KubeFed would reject are not migrated.
    /// </summary>
    public static MigrationResult Migrate(IReadOnlyList<SourceFile> inputs, RenderOptions options)
    {
        var diagnostics = new List<Diagnostic>();
        var (documents, broken) = FederationRenderer.Load(inputs, options.Limits, options.Namespace, diagnostics);
        var (bound, _) = Pipeline.DocumentBinder.Bind(documents);
        var secrets = Secrets.SecretFinder.Find(documents, broken, bound.TypeConfigs);
        if (KarmadaDocuments.AnyIn(documents))
        {
            var first = documents.First(d => KarmadaDocuments.AnyIn([d]));
            diagnostics.Add(MigrationDiagnostics.AlreadyKarmada(first.At("/apiVersion")));
            return new MigrationResult(DiagnosticFinisher.Finish(diagnostics, secrets, options.Strict), []);
        }

        var plan = FederationRenderer.Plan(inputs, options with { Strict = false });
        if (plan.HasErrors) return new MigrationResult(DiagnosticFinisher.Finish([.. plan.Diagnostics], secrets, options.Strict), []);
        var files = Migrator.Migrate(documents, options.Scope, diagnostics);
        var finished = DiagnosticFinisher.Finish([.. plan.Diagnostics, .. diagnostics], secrets, options.Strict);
        return new MigrationResult(finished, finished.Any(d => d.IsError) ? [] : files);
    }

    /// <summary>Renders the KubeFed inputs and the migrated documents and compares them cluster by cluster.</summary>
    public static VerificationResult Verify(IReadOnlyList<SourceFile> kubefed, IReadOnlyList<SourceFile> karmada, RenderOptions options)
    {
        var relaxed = options with { Strict = false };
        var left = FederationRenderer.Plan(kubefed, relaxed);
        var right = FederationRenderer.Plan(karmada, relaxed);
        if (left.HasErrors || right.HasErrors)
        {
            return new VerificationResult([.. left.Diagnostics.Where(d => d.IsError), .. right.Diagnostics.Where(d => d.IsError)], 0, 0, 0);
        }

        var compared = MigrationVerifier.Compare(left, right);
        return compared with { Diagnostics = [.. right.Diagnostics, .. compared.Diagnostics] };
    }
}
