namespace Renderer.Core.Diagnostics;

/// <summary>FR5xxx: the object built for each cluster (KubeFed rules 17-22) and what lands on a cluster.</summary>
public static class ObjectDiagnostics
{
    public static Diagnostic AnnotationsDropped(SourceLocation at, string display) =>
        new("FR5001", Severity.Warning,
            $"Template annotations of {display} are dropped: KubeFed cannot set annotations via the template (rule 18); set them with an override (op: add, path: /metadata/annotations).", at);

    public static Diagnostic FinalizersDropped(SourceLocation at, string display) =>
        new("FR5002", Severity.Warning,
            $"Template finalizers of {display} are dropped: KubeFed cannot set finalizers via the template (rule 18); set them with an override (op: add, path: /metadata/finalizers).", at);

    public static Diagnostic ServerField(SourceLocation at, string display, string field) =>
        new("FR5003", Severity.Warning,
            $"The template of {display} sets {field}, which the API server owns; it is passed through as KubeFed did (rule 22), but remove it from the template.", at);

    public static Diagnostic DuplicateObject(SourceLocation at, string cluster, string identity, SourceLocation other) =>
        new("FR5004", Severity.Error,
            $"Two documents render {identity} on cluster \"{cluster}\" (the other at {other}); rename one or place them on different clusters.", at) { Cluster = cluster };

    public static Diagnostic PathCollision(SourceLocation at, string cluster, string path, SourceLocation other) =>
        new("FR5005", Severity.Error,
            $"Two objects would be written to {cluster}/{path} (the other from {other}); rename one of them.", at) { Cluster = cluster };

    public static Diagnostic OutputPathTooLong(SourceLocation at, string resource, string problem) =>
        new("FR5060", Severity.Error,
            $"{resource} cannot be written: {problem}; shorten its name (or its kind's group).", at);
}
