using Renderer.Core.Model;

namespace Renderer.Core.Secrets;

/// <summary>
/// What renders as a core v1 Secret, and where its values sit: <c>data</c> and <c>stringData</c> of a plain
/// Secret; <c>spec.template.data</c>, <c>spec.template.stringData</c> and every override value of a
/// FederatedSecret or of any federated kind a FederatedTypeConfig maps to <c>v1 Secret</c>.
/// </summary>
public static class SecretKinds
{
    public const string FederatedSecret = "FederatedSecret";

    /// <summary>Whether a type renders as the core Secret.</summary>
    public static bool IsSecret(TargetType target) => target.Group.Length == 0 && target.Kind == "Secret";

    /// <summary>Whether a document with this apiVersion and kind is a plain Secret (an absent apiVersion counts, to be safe).</summary>
    public static bool IsPlainSecret(string? apiVersion, string? kind) => kind == "Secret" && apiVersion is null or "v1";

    /// <summary>The federated kinds that render as a Secret: FederatedSecret and those the type configs map to it.</summary>
    public static IReadOnlySet<string> FederatedKinds(IEnumerable<TypeConfig> typeConfigs)
    {
        var kinds = new HashSet<string>(StringComparer.Ordinal) { FederatedSecret };
        foreach (var config in typeConfigs)
        {
            if (IsSecret(config.Target)) kinds.Add(config.FederatedKind);
        }

        return kinds;
    }

    /// <summary>Whether <paramref name="pointer"/> is, or is under, a value of a plain Secret (<c>/data</c>, <c>/stringData</c>).</summary>
    public static bool IsPlainValue(string pointer) => Under(pointer, "/data") || Under(pointer, "/stringData");

    /// <summary>Whether <paramref name="pointer"/> is, or is under, a Secret value of a federated document.</summary>
    public static bool IsFederatedValue(string pointer)
    {
        if (Under(pointer, "/spec/template/data") || Under(pointer, "/spec/template/stringData")) return true;
        var segments = pointer.Split('/');
        return segments.Length >= 7 && segments[1] == "spec" && segments[2] == "overrides" && segments[4] == "clusterOverrides" && segments[6] == "value";
    }

    /// <summary>Either kind of value: what a scan of a document whose kind is not yet known keeps.</summary>
    public static bool IsAnyValue(string pointer) => IsPlainValue(pointer) || IsFederatedValue(pointer);

    private static bool Under(string pointer, string root) =>
        pointer.StartsWith(root, StringComparison.Ordinal) && (pointer.Length == root.Length || pointer[root.Length] == '/');
}
