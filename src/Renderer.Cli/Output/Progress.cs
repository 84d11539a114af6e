namespace Renderer.Cli.Output;

/// <summary>Progress on stderr while clusters are written, only when stderr is a terminal; silent otherwise.</summary>
public sealed class Progress(CliContext context)
{
    private readonly object gate = new();
    private int clusters;
    private int objects;

    public void ClusterDone(int written)
    {
        if (!context.ErrorIsTerminal) return;
        lock (gate)
        {
            clusters++;
            objects += written;
            context.Error.Write($"\rfedrender: {DiagnosticPrinter.Plural(clusters, "cluster")} done, {DiagnosticPrinter.Plural(objects, "object")} written");
        }
    }

    public void Done()
    {
        if (context.ErrorIsTerminal && clusters > 0) context.Error.Write("\r\u001b[K");
    }
}
