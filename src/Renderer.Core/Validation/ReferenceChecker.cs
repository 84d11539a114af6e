using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Output;

namespace Renderer.Core.Validation;

/// <summary>
/// Per-cluster references: a workload on a cluster that refers to a ConfigMap, Secret, ServiceAccount,
/// PersistentVolumeClaim or Service that is not rendered for that cluster in its namespace is reported,
/// with the clusters where the object is rendered. A SealedSecret counts as the Secret it unseals to.
/// </summary>
public static class ReferenceChecker
{
    private sealed record Reference(string Kind, string Name, string Pointer);

    /// <summary>Where each namespaced core object is rendered: (kind, namespace, name) to its clusters.</summary>
    public static IReadOnlyDictionary<(string Kind, string Namespace, string Name), SortedSet<string>> Index(IEnumerable<(Model.FederatedResource Resource, IReadOnlyCollection<string> Clusters)> placed)
    {
        var where = new Dictionary<(string Kind, string Namespace, string Name), SortedSet<string>>();
        foreach (var (resource, clusters) in placed)
        {
            // A SealedSecret becomes, on its cluster, the Secret of the same namespace and name (the sealed-secrets controller unseals it).
            var sealedSecret = resource.Target.Group == "bitnami.com" && resource.Target.Kind == "SealedSecret";
            if ((resource.Target.Group.Length != 0 && !sealedSecret) || !resource.Target.Namespaced) continue;
            var key = (sealedSecret ? "Secret" : resource.Target.Kind, resource.Namespace ?? string.Empty, resource.Name);
            if (!where.TryGetValue(key, out var set)) where[key] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.UnionWith(clusters);
        }

        return where;
    }

    /// <summary>The references of one object on <paramref name="cluster"/>, checked as it is built (so that it need not be kept for the rest of the cluster).</summary>
    public static void CheckObject(string cluster, RenderedObject item, IReadOnlyDictionary<(string Kind, string Namespace, string Name), SortedSet<string>> where, List<Diagnostic> diagnostics)
    {
        var ns = item.Source.Namespace ?? string.Empty;
        foreach (var reference in References(item).DistinctBy(r => (r.Kind, r.Name)))
        {
            var present = where.GetValueOrDefault((reference.Kind, ns, reference.Name));
            if (present is not null && present.Contains(cluster)) continue;
            var elsewhere = present is null
                ? "no input renders it anywhere, so it must already exist there"
                : "it is rendered for " + string.Join(", ", present);
            diagnostics.Add(ValidationDiagnostics.MissingReference(
                item.Source.Document.At(ObjectValidator.TemplatePointer(reference.Pointer)), item.Source.DisplayName, cluster,
                $"{reference.Kind} {ns}/{reference.Name}", elsewhere));
        }
    }

    private static IEnumerable<Reference> References(RenderedObject item)
    {
        var obj = item.Object;
        var type = item.Source.Target;
        if (type.Group == "apps" && type.Kind == "StatefulSet" && Text(obj["spec"].Get("serviceName")) is { Length: > 0 } service)
        {
            yield return new Reference("Service", service, "/spec/serviceName");
        }

        if (type.Group == "networking.k8s.io" && type.Kind == "Ingress")
        {
            foreach (var reference in IngressBackends(obj)) yield return reference;
        }

        var template = ObjectRules.PodTemplatePointer(type);
        var podPointer = template is null ? type.Group.Length == 0 && type.Kind == "Pod" ? "/spec" : null : template + "/spec";
        if (podPointer is null || obj.At(podPointer) is not JsonObject pod) yield break;

        if (Text(pod["serviceAccountName"]) is { Length: > 0 } account && account != "default")
        {
            yield return new Reference("ServiceAccount", account, podPointer + "/serviceAccountName");
        }

        foreach (var (secret, i) in Indexed(pod["imagePullSecrets"]))
        {
            if (Text(secret.Get("name")) is { Length: > 0 } name) yield return new Reference("Secret", name, $"{podPointer}/imagePullSecrets/{i}/name");
        }

        foreach (var (volume, i) in Indexed(pod["volumes"]))
        {
            var at = $"{podPointer}/volumes/{i}";
            if (Required(volume.Get("configMap")) && Text(volume.Get("configMap").Get("name")) is { } configMap) yield return new Reference("ConfigMap", configMap, at + "/configMap/name");
            if (Required(volume.Get("secret")) && Text(volume.Get("secret").Get("secretName")) is { } secret) yield return new Reference("Secret", secret, at + "/secret/secretName");
            if (Text(volume.Get("persistentVolumeClaim").Get("claimName")) is { } claim) yield return new Reference("PersistentVolumeClaim", claim, at + "/persistentVolumeClaim/claimName");
            foreach (var (source, j) in Indexed(volume.Get("projected").Get("sources")))
            {
                if (Required(source.Get("configMap")) && Text(source.Get("configMap").Get("name")) is { } projectedMap) yield return new Reference("ConfigMap", projectedMap, $"{at}/projected/sources/{j}/configMap/name");
                if (Required(source.Get("secret")) && Text(source.Get("secret").Get("name")) is { } projectedSecret) yield return new Reference("Secret", projectedSecret, $"{at}/projected/sources/{j}/secret/name");
            }
        }

        foreach (var list in new[] { "initContainers", "containers" })
        {
            foreach (var (container, c) in Indexed(pod[list]))
            {
                var at = $"{podPointer}/{list}/{c}";
                foreach (var (env, e) in Indexed(container.Get("env")))
                {
                    var from = env.Get("valueFrom");
                    if (Required(from.Get("configMapKeyRef")) && Text(from.Get("configMapKeyRef").Get("name")) is { } map) yield return new Reference("ConfigMap", map, $"{at}/env/{e}/valueFrom/configMapKeyRef/name");
                    if (Required(from.Get("secretKeyRef")) && Text(from.Get("secretKeyRef").Get("name")) is { } secret) yield return new Reference("Secret", secret, $"{at}/env/{e}/valueFrom/secretKeyRef/name");
                }

                foreach (var (source, e) in Indexed(container.Get("envFrom")))
                {
                    if (Required(source.Get("configMapRef")) && Text(source.Get("configMapRef").Get("name")) is { } map) yield return new Reference("ConfigMap", map, $"{at}/envFrom/{e}/configMapRef/name");
                    if (Required(source.Get("secretRef")) && Text(source.Get("secretRef").Get("name")) is { } secret) yield return new Reference("Secret", secret, $"{at}/envFrom/{e}/secretRef/name");
                }
            }
        }
    }

    private static IEnumerable<Reference> IngressBackends(JsonObject obj)
    {
        if (Text(obj["spec"].Get("defaultBackend").Get("service").Get("name")) is { } fallback) yield return new Reference("Service", fallback, "/spec/defaultBackend/service/name");
        foreach (var (rule, r) in Indexed(obj["spec"].Get("rules")))
        {
            foreach (var (path, p) in Indexed(rule.Get("http").Get("paths")))
            {
                if (Text(path.Get("backend").Get("service").Get("name")) is { } service) yield return new Reference("Service", service, $"/spec/rules/{r}/http/paths/{p}/backend/service/name");
            }
        }
    }

    /// <summary>A reference marked <c>optional: true</c> may be missing.</summary>
    private static bool Required(JsonNode? reference) => reference is JsonObject o && o["optional"]?.GetValueKind() != System.Text.Json.JsonValueKind.True;

    private static IEnumerable<(JsonNode? Node, int Index)> Indexed(JsonNode? node) =>
        (node as JsonArray ?? []).Select((n, i) => (n, i));

    private static string? Text(JsonNode? node) => JsonKinds.IsString(node, out var text) ? text : null;

}
