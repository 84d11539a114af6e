using System.Text.Json.Nodes;
using Renderer.Core.Input;

namespace Renderer.Core.Karmada;

/// <summary>The apiVersions and labels that make a set of inputs Karmada's, and how they are told apart from KubeFed's.</summary>
public static class KarmadaDocuments
{
    public const string PolicyApiVersion = "policy.karmada.io/v1alpha1";
    public const string ClusterApiVersion = "cluster.karmada.io/v1alpha1";

    /// <summary>fedrender's stand-in for karmada-controller-manager's flags, which no Karmada object carries.</summary>
    public const string OptionsApiVersion = "config.fedrender.io/v1alpha1";
    public const string OptionsKind = "KarmadaControllerManager";

    /// <summary>A Namespace with this label set to "true" (any case) is not propagated to every cluster.</summary>
    public const string SkipAutoPropagationLabel = "namespace.karmada.io/skip-auto-propagation";

    /// <summary>The default of <c>--skipped-propagating-namespaces</c>.</summary>
    public static IReadOnlyList<string> DefaultSkippedNamespaces { get; } = ["kube-.*"];

    /// <summary>API groups Karmada never propagates (its own control-plane types).</summary>
    public static IReadOnlySet<string> ControlPlaneGroups { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "cluster.karmada.io", "policy.karmada.io", "work.karmada.io", "config.karmada.io", "autoscaling.karmada.io",
        "networking.karmada.io", "search.karmada.io", "apps.karmada.io", "remedy.karmada.io", "config.fedrender.io",
    };

    /// <summary>Whether any document is a Karmada policy or cluster: the inputs are then read as Karmada's.</summary>
    public static bool AnyIn(IEnumerable<SourceDocument> documents) =>
        documents.Any(d => d.Root is JsonObject root && JsonKinds.IsString(root.Get("apiVersion"), out var apiVersion)
            && (apiVersion.StartsWith("policy.karmada.io/", StringComparison.Ordinal) || apiVersion.StartsWith("cluster.karmada.io/", StringComparison.Ordinal)));

    /// <summary>Namespaces Karmada reserves for itself; nothing in them is propagated.</summary>
    public static bool IsReservedNamespace(string name) =>
        name is "karmada-system" or "karmada-cluster" || name.StartsWith("karmada-es-", StringComparison.Ordinal);
}
