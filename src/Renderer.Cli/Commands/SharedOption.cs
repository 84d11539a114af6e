namespace Renderer.Cli.Commands;

/// <summary>The shared options a verb takes; each verb lists only those that affect it.</summary>
[Flags]
public enum SharedOption
{
    None = 0,
    Inputs = 1,
    Strict = 2,
    Schemas = 4,
    Clusters = 8,
    Shard = 16,
    DiagnosticsFormat = 32,
    Limits = 64,
    Namespace = 128,

    /// <summary>What every verb that reads a federation takes.</summary>
    Reading = Inputs | Strict | DiagnosticsFormat | Limits | Namespace,

    /// <summary>What every verb that renders clusters takes.</summary>
    Rendering = Reading | Schemas | Clusters | Shard,
}
