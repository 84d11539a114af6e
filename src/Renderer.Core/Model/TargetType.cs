namespace Renderer.Core.Model;

/// <summary>The Kubernetes type a federated type renders to: what a FederatedTypeConfig's targetType says.</summary>
public sealed record TargetType(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
    /// <summary><c>group/version</c>, or just the version for the core group.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    /// <summary>The FederatedTypeConfig name KubeFed used: <c>plural</c> or <c>plural.group</c>.</summary>
    public string ConfigName => Group.Length == 0 ? Plural : Plural + "." + Group;

    public string FederatedKind => "Federated" + Kind;
}
