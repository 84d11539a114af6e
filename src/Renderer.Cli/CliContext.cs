using Renderer.Cli.FileSystem;

namespace Renderer.Cli;

/// <summary>Everything the command touches outside itself, so tests run it in-process.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, Func<Stream> OpenStandardInput, string CurrentDirectory, IFileSystem FileSystem)
{
    /// <summary>Whether stderr is an interactive terminal (progress is shown only there).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Whether stdout is an interactive terminal (diffs are coloured only there).</summary>
    public bool OutIsTerminal { get; init; }

    public static CliContext FromProcess() =>
        new(Console.Out, Console.Error, Console.OpenStandardInput, Directory.GetCurrentDirectory(), new PhysicalFileSystem())
        {
            ErrorIsTerminal = !Console.IsErrorRedirected,
            OutIsTerminal = !Console.IsOutputRedirected,
        };
}
