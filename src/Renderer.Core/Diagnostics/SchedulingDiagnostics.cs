namespace Renderer.Core.Diagnostics;

/// <summary>FR6xxx: ReplicaSchedulingPreferences (KubeFed rules 34-38).</summary>
public static class SchedulingDiagnostics
{
    public static Diagnostic NoTarget(SourceLocation at, string targetKind, string ns, string name) =>
        new("FR6001", Severity.Warning,
            $"ReplicaSchedulingPreference {ns}/{name} matches no {targetKind} {ns}/{name}, so it divides nothing (rule 34); give it the name and namespace of the workload it divides.", at);

    public static Diagnostic InvalidTargetKind(SourceLocation at, string targetKind) =>
        new("FR6002", Severity.Error,
            $"spec.targetKind \"{targetKind}\" is not FederatedDeployment or FederatedReplicaSet, the only kinds KubeFed divides (rule 34); use one of them.", at);

    public static Diagnostic Overflow(SourceLocation at, string cluster, long overflow, long capacity) =>
        new("FR6003", Severity.Warning,
            $"Cluster \"{cluster}\" is planned {overflow} replicas more than its declared capacity of {capacity}; KubeFed still sends them there, so raise the capacity or the other clusters' maxReplicas.", at) { Cluster = cluster };

    public static Diagnostic NoCandidates(SourceLocation at, string ns, string name, string cause) =>
        new("FR6004", Severity.Info,
            $"ReplicaSchedulingPreference {ns}/{name} has no candidate clusters: {cause}; so KubeFed leaves the workload's placement and replicas as written.", at);

    public static Diagnostic InvalidCapacity(SourceLocation at, string cluster, string annotation, string value) =>
        new("FR6005", Severity.Error,
            $"Annotation {annotation} of cluster \"{cluster}\" is \"{value}\", not a whole number of replicas; write a number such as \"10\".", at) { Cluster = cluster };

    public static Diagnostic TwoPreferences(SourceLocation at, string ns, string name, SourceLocation first) =>
        new("FR6006", Severity.Error,
            $"Two ReplicaSchedulingPreferences divide {ns}/{name} (the other at {first}); keep one.", at);
}
