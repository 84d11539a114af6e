using System.Collections.Frozen;

namespace Renderer.Core.Model;

/// <summary>
/// The Kubernetes kinds fedrender knows without a FederatedTypeConfig: offline there is no API discovery,
/// so this table stands in for it. Anything else (CRDs) needs a FederatedTypeConfig document.
/// </summary>
public static class BuiltInTypes
{
    public static IReadOnlyList<TargetType> All { get; } =
    [
        new("", "v1", "ConfigMap", "configmaps", true),
        new("", "v1", "Endpoints", "endpoints", true),
        new("", "v1", "LimitRange", "limitranges", true),
        new("", "v1", "Namespace", "namespaces", false),
        new("", "v1", "PersistentVolume", "persistentvolumes", false),
        new("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true),
        new("", "v1", "Pod", "pods", true),
        new("", "v1", "ResourceQuota", "resourcequotas", true),
        new("", "v1", "Secret", "secrets", true),
        new("", "v1", "Service", "services", true),
        new("", "v1", "ServiceAccount", "serviceaccounts", true),
        new("admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations", false),
        new("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations", false),
        new("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false),
        new("apps", "v1", "DaemonSet", "daemonsets", true),
        new("apps", "v1", "Deployment", "deployments", true),
        new("apps", "v1", "ReplicaSet", "replicasets", true),
        new("apps", "v1", "StatefulSet", "statefulsets", true),
        new("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true),
        new("batch", "v1", "CronJob", "cronjobs", true),
        new("batch", "v1", "Job", "jobs", true),
        new("networking.k8s.io", "v1", "Ingress", "ingresses", true),
        new("networking.k8s.io", "v1", "IngressClass", "ingressclasses", false),
        new("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true),
        new("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true),
        new("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false),
        new("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false),
        new("rbac.authorization.k8s.io", "v1", "Role", "roles", true),
        new("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true),
        new("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", false),
        new("storage.k8s.io", "v1", "StorageClass", "storageclasses", false),
    ];

    /// <summary>The ten types KubeFed v0.10.0 enabled by default (the rest needed <c>kubefedctl enable</c>).</summary>
    public static IReadOnlySet<string> KubeFedDefaults { get; } = new[]
    {
        "ClusterRole", "ConfigMap", "Deployment", "Ingress", "Job", "Namespace", "ReplicaSet", "Secret", "ServiceAccount", "Service",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, TargetType> ByFederatedKind =
        All.ToFrozenDictionary(t => t.FederatedKind, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, TargetType> ByKind =
        All.ToFrozenDictionary(t => t.Kind, StringComparer.Ordinal);

    public static TargetType? ForFederatedKind(string federatedKind) => ByFederatedKind.GetValueOrDefault(federatedKind);

    public static TargetType? ForKind(string kind) => ByKind.GetValueOrDefault(kind);
}
