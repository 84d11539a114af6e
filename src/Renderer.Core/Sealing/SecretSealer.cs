using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Model;
using Renderer.Core.Output;
using Renderer.Core.Pipeline;
using Renderer.Core.Secrets;

namespace Renderer.Core.Sealing;

/// <summary>
/// Turns one plain Secret into a <c>FederatedSealedSecret</c>: the template holds what kubeseal puts in a
/// SealedSecret's <c>spec.template</c> (the Secret's metadata, less kubectl's last-applied copy, and its type),
/// and each cluster's override adds <c>spec.encryptedData</c>, every value sealed with that cluster's
/// certificate as kubeseal does (<see cref="SealedSecretCipher"/>, label by <see cref="SealingScope"/>). A
/// non-strict scope is also set on each cluster's SealedSecret through an override, since KubeFed drops template
/// annotations and the controller reads the scope there. No plaintext is ever part of the result.
/// </summary>
public static class SecretSealer
{
    public const string CertificateAnnotation = "fedrender.io/sealed-secrets-cert";
    public const string NamespaceWideAnnotation = "sealedsecrets.bitnami.com/namespace-wide";
    public const string ClusterWideAnnotation = "sealedsecrets.bitnami.com/cluster-wide";
    public const string FederatedKind = "FederatedSealedSecret";

    private static readonly string[] LastApplied = ["kubectl.kubernetes.io/last-applied-configuration", "kubecfg.ksonnet.io/last-applied-configuration"];

    public static SealPlan Plan(Federation federation, IReadOnlyList<SourceDocument> secretDocuments, SourceFile secretFile, SealRequest request, SecretMap secrets)
    {
        var diagnostics = new List<Diagnostic>();
        var secret = ReadSecret(secretDocuments, secretFile, diagnostics);
        var (clusters, placement) = Resolve(federation, request, diagnostics);
        var targets = new List<SealTarget>();
        foreach (var cluster in clusters)
        {
            if (request.UseCertificateDirectory)
            {
                targets.Add(new SealTarget(cluster.Name, null, cluster.Location));
                continue;
            }

            if (!cluster.Annotations.TryGetValue(CertificateAnnotation, out var path) || path.Length == 0)
            {
                diagnostics.Add(SealDiagnostics.NoCertificate(cluster.Location, cluster.Name, $"its KubeFedCluster in {cluster.Location.File} has no annotation {CertificateAnnotation}"));
                continue;
            }

            if (Join(cluster.Location.File, path) is not { } joined)
            {
                diagnostics.Add(SealDiagnostics.CertificatePathOutside(cluster.Location, cluster.Name, path));
                continue;
            }

            targets.Add(new SealTarget(cluster.Name, joined, cluster.Location));
        }

        var hasTypeConfig = federation.TypeConfigs.Any(t => !t.IsBuiltIn && t.Target.Group == "bitnami.com" && t.Target.Kind == "SealedSecret");
        return new SealPlan(DiagnosticFinisher.Finish(diagnostics, secrets, strict: false), targets, secrets)
        {
            Secret = secret,
            Placement = placement,
            NeedsTypeConfig = !hasTypeConfig,
        };
    }

    /// <summary>Seals the plan's Secret for each target with the certificate read for it; <paramref name="now"/> decides expiry.</summary>
    public static SealResult Seal(SealPlan plan, IReadOnlyDictionary<string, CertificateFile> certificates, RandomNumberGenerator random, DateTimeOffset now)
    {
        var diagnostics = plan.Diagnostics.ToList();
        var secret = plan.Secret;
        var keys = new List<(SealTarget Target, SealingCertificate Certificate)>();
        foreach (var target in plan.Targets)
        {
            if (!certificates.TryGetValue(target.Cluster, out var file))
            {
                diagnostics.Add(SealDiagnostics.NoCertificate(target.DeclaredAt, target.Cluster, "no certificate file was read for it"));
                continue;
            }

            if (file.Content is not { } content)
            {
                diagnostics.Add(file.ReadError is null
                    ? SealDiagnostics.NoCertificate(target.DeclaredAt, target.Cluster, $"there is no file {file.Path}")
                    : SealDiagnostics.UnreadableCertificate(target.DeclaredAt, target.Cluster, file.Path, file.ReadError));
                continue;
            }

            var certificate = SealingCertificate.Read(content.Span, now, out var problem, out var detail);
            switch (problem)
            {
                case CertificateProblem.None when certificate is not null:
                    keys.Add((target, certificate));
                    break;
                case CertificateProblem.NotRsa or CertificateProblem.WeakKey:
                    diagnostics.Add(SealDiagnostics.NotRsaCertificate(target.DeclaredAt, target.Cluster, file.Path, detail));
                    break;
                case CertificateProblem.Expired or CertificateProblem.NotYetValid:
                    diagnostics.Add(SealDiagnostics.ExpiredCertificate(target.DeclaredAt, target.Cluster, file.Path, detail));
                    break;
                default:
                    diagnostics.Add(SealDiagnostics.UnreadableCertificate(target.DeclaredAt, target.Cluster, file.Path, detail));
                    break;
            }
        }

        var finished = DiagnosticFinisher.Finish(diagnostics, plan.Secrets, strict: false);
        if (secret is null || plan.Placement is null || finished.Any(d => d.IsError)) return new SealResult(finished, string.Empty, 0, plan.Secrets);

        var label = Encoding.UTF8.GetBytes(secret.Scope switch
        {
            SealingScope.ClusterWide => string.Empty,
            SealingScope.NamespaceWide => secret.Namespace,
            _ => secret.Namespace + "/" + secret.Name,
        });
        var overrides = new JsonArray();
        foreach (var (target, certificate) in keys.OrderBy(k => k.Target.Cluster, StringComparer.Ordinal))
        {
            var encrypted = new JsonObject();
            foreach (var (key, value) in secret.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                encrypted[key] = Convert.ToBase64String(SealedSecretCipher.Encrypt(certificate.PublicKey, value, label, random));
            }

            var operations = new JsonArray { new JsonObject { ["op"] = "add", ["path"] = "/spec/encryptedData", ["value"] = encrypted } };
            if (ScopeAnnotation(secret.Scope) is { } annotation)
            {
                operations.Add(new JsonObject { ["op"] = "add", ["path"] = "/metadata/annotations", ["value"] = new JsonObject { [annotation] = "true" } });
            }

            overrides.Add(new JsonObject { ["clusterName"] = target.Cluster, ["clusterOverrides"] = operations });
        }

        var innerTemplate = new JsonObject { ["metadata"] = secret.TemplateMetadata.DeepClone() };
        if (secret.Type is not null) innerTemplate["type"] = secret.Type.DeepClone();
        if (secret.Immutable is not null) innerTemplate["immutable"] = secret.Immutable.DeepClone();
        var document = new JsonObject
        {
            ["apiVersion"] = DocumentBinder.TypesApiVersion,
            ["kind"] = FederatedKind,
            ["metadata"] = new JsonObject { ["name"] = secret.Name, ["namespace"] = secret.Namespace },
            ["spec"] = new JsonObject
            {
                ["template"] = new JsonObject { ["spec"] = new JsonObject { ["template"] = innerTemplate } },
                ["placement"] = plan.Placement.DeepClone(),
                ["overrides"] = overrides,
            },
        };

        var text = new StringBuilder();
        var count = 0;
        if (plan.NeedsTypeConfig)
        {
            text.Append("---\n");
            YamlEmitter.Write(text, TypeConfig(plan.TypeConfigNamespace));
            count++;
        }

        text.Append("---\n");
        YamlEmitter.Write(text, document);
        return new SealResult(finished, text.ToString(), count + 1, plan.Secrets);
    }

    private static string? ScopeAnnotation(SealingScope scope) => scope switch
    {
        SealingScope.ClusterWide => ClusterWideAnnotation,
        SealingScope.NamespaceWide => NamespaceWideAnnotation,
        _ => null,
    };

    /// <summary>The FederatedTypeConfig <c>kubefedctl enable sealedsecrets.bitnami.com</c> would create.</summary>
    private static JsonObject TypeConfig(string ns) => new()
    {
        ["apiVersion"] = DocumentBinder.CoreApiVersion,
        ["kind"] = "FederatedTypeConfig",
        ["metadata"] = new JsonObject { ["name"] = "sealedsecrets.bitnami.com", ["namespace"] = ns },
        ["spec"] = new JsonObject
        {
            ["federatedType"] = new JsonObject { ["group"] = DocumentBinder.TypesGroup, ["kind"] = FederatedKind, ["pluralName"] = "federatedsealedsecrets", ["scope"] = "Namespaced", ["version"] = "v1beta1" },
            ["targetType"] = new JsonObject { ["group"] = "bitnami.com", ["kind"] = "SealedSecret", ["pluralName"] = "sealedsecrets", ["scope"] = "Namespaced", ["version"] = "v1alpha1" },
            ["propagation"] = "Enabled",
        },
    };

    /// <summary><paramref name="relative"/> joined to the directory of <paramref name="documentFile"/>; null when it is absolute or climbs out.</summary>
    private static string? Join(string documentFile, string relative)
    {
        if (documentFile is "-" or "" || relative.StartsWith('/') || relative.StartsWith('\\') || relative.Contains(':', StringComparison.Ordinal) || relative.Contains('\\', StringComparison.Ordinal)) return null;
        var segments = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || segments.Any(s => s is ".." || s.Contains('\0', StringComparison.Ordinal))) return null;
        var kept = segments.Where(s => s != ".").ToList();
        if (kept.Count == 0) return null;
        var slash = documentFile.LastIndexOf('/');
        var directory = slash < 0 ? string.Empty : documentFile[..(slash + 1)];
        return directory + string.Join('/', kept);
    }

    private static SecretToSeal? ReadSecret(IReadOnlyList<SourceDocument> documents, SourceFile file, List<Diagnostic> diagnostics)
    {
        var present = documents.Where(d => d.Root is not null).ToList();
        var secrets = present.Where(d => d.Root is JsonObject o && SecretKinds.IsPlainSecret(Str(o["apiVersion"]), Str(o["kind"])) && Str(o["apiVersion"]) is not null).ToList();
        if (present.Count != 1 || secrets.Count != 1)
        {
            if (diagnostics.Count == 0 || present.Count > 0)
            {
                var found = present.Count == 0 ? "no document" : secrets.Count == 0 ? $"{present.Count} document(s) and no Secret" : $"{present.Count} documents";
                diagnostics.Add(SealDiagnostics.NotOneSecret(present.Count > 0 ? present[0].Start : SourceLocation.OfFile(file.Path), found));
            }

            return null;
        }

        var document = secrets[0];
        if (document.Root is not JsonObject root) return null;
        var metadata = root["metadata"] as JsonObject ?? new JsonObject();
        var name = Str(metadata["name"]);
        var ns = Str(metadata["namespace"]);
        if (string.IsNullOrEmpty(name)) diagnostics.Add(SealDiagnostics.SecretWithoutIdentity(document.At("/metadata"), "metadata.name"));
        if (string.IsNullOrEmpty(ns)) diagnostics.Add(SealDiagnostics.SecretWithoutIdentity(document.At("/metadata"), "metadata.namespace"));

        var values = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (root["data"] is JsonObject data)
        {
            foreach (var (key, value) in data)
            {
                if (value is null) continue;
                byte[]? bytes = null;
                if (JsonKinds.IsString(value, out var text))
                {
                    try
                    {
                        bytes = Convert.FromBase64String(text.Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal));
                    }
                    catch (FormatException)
                    {
                        bytes = null;
                    }
                }

                if (bytes is null) diagnostics.Add(SealDiagnostics.InvalidSecretValue(document.At(Pointer.Append("/data", key)), "data." + key, "it is not a base64 string"));
                else values[key] = bytes;
            }
        }
        else if (root["data"] is not null)
        {
            diagnostics.Add(SealDiagnostics.InvalidSecretValue(document.At("/data"), "data", "data is not a mapping of keys to values"));
        }

        if (root["stringData"] is JsonObject stringData)
        {
            foreach (var (key, value) in stringData)
            {
                if (value is null) continue;
                if (JsonKinds.IsString(value, out var text)) values[key] = Encoding.UTF8.GetBytes(text);
                else diagnostics.Add(SealDiagnostics.InvalidSecretValue(document.At(Pointer.Append("/stringData", key)), "stringData." + key, $"it is {JsonKinds.Describe(value)}, not a string"));
            }
        }
        else if (root["stringData"] is not null)
        {
            diagnostics.Add(SealDiagnostics.InvalidSecretValue(document.At("/stringData"), "stringData", "stringData is not a mapping of keys to values"));
        }

        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(ns)) return null;
        var annotations = metadata["annotations"] as JsonObject;
        var scope = Str(annotations?[ClusterWideAnnotation]) == "true" ? SealingScope.ClusterWide
            : Str(annotations?[NamespaceWideAnnotation]) == "true" ? SealingScope.NamespaceWide
            : SealingScope.Strict;

        var templateMetadata = new JsonObject { ["name"] = name, ["namespace"] = ns };
        if (metadata["labels"] is JsonObject { Count: > 0 } labels) templateMetadata["labels"] = labels.DeepClone();
        if (annotations is not null)
        {
            var kept = new JsonObject();
            foreach (var (key, value) in annotations)
            {
                if (!LastApplied.Contains(key, StringComparer.Ordinal)) kept[key] = value?.DeepClone();
            }

            if (kept.Count > 0) templateMetadata["annotations"] = kept;
        }

        return new SecretToSeal(name, ns, scope, templateMetadata, root["type"], root["immutable"], values);
    }

    private static (IReadOnlyList<MemberCluster> Clusters, JsonObject? Placement) Resolve(Federation federation, SealRequest request, List<Diagnostic> diagnostics)
    {
        var registered = federation.Clusters.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var names = string.Join(", ", registered.Select(c => c.Name));
        var at = SourceLocation.None;
        if (request.PlacementClusters is null == (request.ClusterSelector is null))
        {
            diagnostics.Add(SealDiagnostics.PlacementOptions(at, request.PlacementClusters is null ? "neither was given" : "both were given"));
            return ([], null);
        }

        if (request.PlacementClusters is { } list)
        {
            var chosen = new List<MemberCluster>();
            foreach (var name in list.Distinct(StringComparer.Ordinal))
            {
                var cluster = registered.FirstOrDefault(c => c.Name == name);
                if (cluster is null) diagnostics.Add(SealDiagnostics.UnknownCluster(at, name, names.Length == 0 ? "none" : names));
                else chosen.Add(cluster);
            }

            if (chosen.Count == 0 && list.Count == 0) diagnostics.Add(SealDiagnostics.PlacementOptions(at, "--placement-clusters names no cluster"));
            var placement = new JsonObject { ["clusters"] = new JsonArray(list.Distinct(StringComparer.Ordinal).Select(n => (JsonNode)new JsonObject { ["name"] = n }).ToArray()) };
            return (chosen, placement);
        }

        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var selector = request.ClusterSelector ?? string.Empty;
        foreach (var part in selector.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                diagnostics.Add(SealDiagnostics.PlacementOptions(at, $"--cluster-selector \"{part}\" is not key=value"));
                return ([], null);
            }

            labels[part[..equals].Trim()] = part[(equals + 1)..].Trim();
        }

        var selected = registered.Where(c => labels.All(l => c.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).ToList();
        if (selected.Count == 0) diagnostics.Add(SealDiagnostics.NoClusterSelected(at, selector));
        var matchLabels = new JsonObject();
        foreach (var (key, value) in labels) matchLabels[key] = value;
        return (selected, new JsonObject { ["clusterSelector"] = new JsonObject { ["matchLabels"] = matchLabels } });
    }

    private static string? Str(JsonNode? node) => JsonKinds.IsString(node, out var s) ? s : null;
}
