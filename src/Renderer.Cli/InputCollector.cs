using Renderer.Cli.FileSystem;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;

namespace Renderer.Cli;

/// <summary>
/// Turns the INPUT arguments into source files: files as named, directories searched recursively for
/// *.yaml, *.yml and *.json (hidden folders and the output skipped), <c>-</c> for standard input. Nothing is
/// followed or opened that is not a regular file: a link or a FIFO named as an input is refused, one found in
/// a directory is skipped (links, with a warning) or refused (FIFOs, sockets, devices), each directory is
/// searched once, and the size limits count the bytes actually read. Display paths are as the user gave
/// them (relative to the current directory, or absolute), with forward slashes.
/// </summary>
public sealed class InputCollector(CliContext context, LoadLimits limits)
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    public (IReadOnlyList<SourceFile> Files, IReadOnlyList<Diagnostic> Diagnostics, bool IoFailed) Collect(IReadOnlyList<string> inputs, string? excludeDirectory)
    {
        var state = new State();
        Collect(state, inputs.Count == 0 ? ["."] : inputs, excludeDirectory);
        return (state.Files, state.Diagnostics, state.IoFailed);
    }

    /// <summary>
    /// The inputs, then the schema sources (<c>--schemas</c>) kept apart from them, read under one set of limits; a
    /// file named by both counts as an input.
    /// </summary>
    public (IReadOnlyList<SourceFile> Files, IReadOnlyList<SourceFile> Schemas, IReadOnlyList<Diagnostic> Diagnostics, bool IoFailed) Collect(IReadOnlyList<string> inputs, IReadOnlyList<string> schemas, string? excludeDirectory)
    {
        var state = new State();
        Collect(state, inputs.Count == 0 ? ["."] : inputs, excludeDirectory);
        var fromInputs = state.Files.Count;
        Collect(state, schemas, excludeDirectory);
        return (state.Files[..fromInputs], state.Files[fromInputs..], state.Diagnostics, state.IoFailed);
    }

    private void Collect(State state, IReadOnlyList<string> inputs, string? excludeDirectory)
    {
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                if (state.Seen.Add("-")) ReadStandardInput(state);
                continue;
            }

            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(input, context.CurrentDirectory));
            var absolute = Path.IsPathRooted(input);
            string Display(string path) => PathDisplay.Of(absolute ? path : input, path, context.CurrentDirectory);
            try
            {
                Collect(state, full, Display, excludeDirectory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                state.Fail(CliDiagnostics.InputUnreadable(Display(full), Reason(e, full, Display(full))));
            }
        }
    }

    private void Collect(State state, string full, Func<string, string> display, string? excludeDirectory)
    {
        var fs = context.FileSystem;
        var entry = fs.Stat(full);
        switch (entry.Kind)
        {
            case EntryKind.Missing:
                state.Fail(CliDiagnostics.InputNotFound(display(full)));
                return;
            case EntryKind.SymbolicLink:
                state.Fail(CliDiagnostics.InputIsLink(display(full)));
                return;
            case EntryKind.Special:
                state.Fail(CliDiagnostics.InputIsSpecial(display(full), entry.Describe()));
                return;
            case EntryKind.File:
                if (state.Seen.Add(full)) Read(state, full, display(full));
                return;
        }

        var found = new List<string>();
        foreach (var item in FileTree.Walk(fs, full, relative => !IsHidden(relative) && (excludeDirectory is null || !FileTree.IsUnder(Path.Combine(full, relative), excludeDirectory))))
        {
            var path = Path.Combine(full, item.Relative);
            if (IsHidden(item.Relative) || excludeDirectory is not null && FileTree.IsUnder(path, excludeDirectory)) continue;
            if (!Extensions.Any(e => item.Relative.EndsWith(e, StringComparison.OrdinalIgnoreCase))) continue;
            switch (item.Entry.Kind)
            {
                case EntryKind.SymbolicLink:
                    state.Diagnostics.Add(CliDiagnostics.LinkSkipped(display(path)));
                    break;
                case EntryKind.Special:
                    state.Fail(CliDiagnostics.InputIsSpecial(display(path), item.Entry.Describe()));
                    break;
                case EntryKind.File:
                    found.Add(path);
                    break;
            }
        }

        if (found.Count == 0 && !state.IoFailed) state.Diagnostics.Add(CliDiagnostics.NoInputs(display(full)));
        foreach (var file in found.Select(f => (Full: f, Display: display(f))).OrderBy(f => f.Display, StringComparer.Ordinal))
        {
            if (state.Seen.Add(file.Full)) Read(state, file.Full, file.Display);
        }
    }

    private void Read(State state, string full, string display)
    {
        var budget = Math.Min(limits.MaxFileBytes, Math.Max(0, limits.MaxTotalBytes - state.Total));
        try
        {
            var content = context.FileSystem.Read(full, budget);
            state.Add(new SourceFile(display, content));
        }
        catch (FileTooLargeException)
        {
            state.Diagnostics.Add(budget < limits.MaxFileBytes
                ? InputDiagnostics.InputsTooLarge(SourceLocation.OfFile(display), limits.MaxTotalBytes)
                : InputDiagnostics.FileTooLarge(SourceLocation.OfFile(display), limits.MaxFileBytes));
        }
        catch (UnsafeEntryException e)
        {
            state.Fail(e.Entry.Kind == EntryKind.SymbolicLink ? CliDiagnostics.InputIsLink(display) : CliDiagnostics.InputIsSpecial(display, e.Entry.Describe()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            state.Fail(CliDiagnostics.InputUnreadable(display, Reason(e, full, display)));
        }
    }

    private void ReadStandardInput(State state)
    {
        var budget = Math.Min(limits.MaxFileBytes, Math.Max(0, limits.MaxTotalBytes - state.Total));
        try
        {
            using var stdin = context.OpenStandardInput();
            state.Add(new SourceFile("<stdin>", PhysicalFileSystem.ReadBounded(stdin, "<stdin>", budget)));
        }
        catch (FileTooLargeException)
        {
            state.Diagnostics.Add(budget < limits.MaxFileBytes
                ? InputDiagnostics.InputsTooLarge(SourceLocation.OfFile("<stdin>"), limits.MaxTotalBytes)
                : InputDiagnostics.FileTooLarge(SourceLocation.OfFile("<stdin>"), limits.MaxFileBytes));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException or NotSupportedException or InvalidOperationException)
        {
            state.Fail(CliDiagnostics.StandardInputClosed(e.Message.TrimEnd('.')));
        }
    }

    private static string Reason(Exception e, string full, string display) => e.Message.TrimEnd('.').Replace(full, display, StringComparison.Ordinal);

    private static bool IsHidden(string relative) => relative.Split('/').Any(s => s.Length > 1 && s[0] == '.');

    private sealed class State
    {
        public List<SourceFile> Files { get; } = [];

        public List<Diagnostic> Diagnostics { get; } = [];

        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        public bool IoFailed { get; private set; }

        public long Total { get; private set; }

        public void Add(SourceFile file)
        {
            Files.Add(file);
            Total += file.Content.Length;
        }

        public void Fail(Diagnostic diagnostic)
        {
            Diagnostics.Add(diagnostic);
            IoFailed = true;
        }
    }
}
