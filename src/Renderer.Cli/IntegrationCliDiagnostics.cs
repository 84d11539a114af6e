using Renderer.Core.Diagnostics;

namespace Renderer.Cli;

/// <summary>FR91xx: the command line of the integrations (the hydrator layout, --stdout for plugins, schemas).</summary>
public static class IntegrationCliDiagnostics
{
    public static Diagnostic ClusterReceivesNothing(string cluster) =>
        new("FR9101", Severity.Error,
            $"Cluster \"{cluster}\" receives no objects, so nothing is printed (an empty stream would let an automated sync prune everything on it); place something on it, or name another --cluster.", SourceLocation.None);

    public static Diagnostic OptionNeedsAnother(string option, string needs, string why) =>
        new("FR9102", Severity.Error,
            $"Option {option} only applies with {needs} ({why}); remove it, or use {needs}.", SourceLocation.None);

    public static Diagnostic LinkInOutput(string path) =>
        new("FR9103", Severity.Error,
            $"{path} is a symbolic link, and fedrender does not write through links; remove it or choose another --output.", SourceLocation.OfFile(path));
}
