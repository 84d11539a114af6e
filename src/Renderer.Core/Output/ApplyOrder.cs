namespace Renderer.Core.Output;

/// <summary>
/// The order in which a cluster's objects are listed for apply: what others depend on first (namespaces,
/// CRDs, service accounts, RBAC, configuration, services, storage), then workloads, webhooks last, as
/// kustomize's legacy order does (with a SealedSecret beside the Secret it becomes). Kinds not named here sort
/// between workloads and webhooks, by name.
/// </summary>
public static class ApplyOrder
{
    private static readonly string[] First =
    [
        "Namespace", "ResourceQuota", "StorageClass", "CustomResourceDefinition", "ServiceAccount", "PodSecurityPolicy",
        "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret", "SealedSecret", "Endpoints", "Service",
        "LimitRange", "PriorityClass", "PersistentVolume", "PersistentVolumeClaim", "Deployment", "StatefulSet",
        "CronJob", "PodDisruptionBudget",
    ];

    private static readonly string[] Last = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"];

    /// <summary>A rank to sort by: lower ranks are applied first.</summary>
    public static int Rank(string kind)
    {
        var index = Array.IndexOf(First, kind);
        if (index >= 0) return index;
        index = Array.IndexOf(Last, kind);
        return index >= 0 ? 1000 + index : 500;
    }
}
