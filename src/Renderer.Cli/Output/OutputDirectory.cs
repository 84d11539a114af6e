using Renderer.Cli.FileSystem;
using Renderer.Core.Diagnostics;

namespace Renderer.Cli.Output;

/// <summary>
/// The output directory and the rules for changing it: a new tree is written beside it and swapped in, so an
/// interrupted run leaves the previous output whole; only files listed in the manifest are replaced or
/// removed; files fedrender did not write are kept, and one is overwritten only with --force.
/// </summary>
public sealed class OutputDirectory(IFileSystem fs, string path, string display)
{
    private string Parent => Path.GetDirectoryName(path) ?? path;

    private string NewTree => Path.Combine(Parent, "." + Path.GetFileName(path) + ".fedrender-new");

    private string OldTree => Path.Combine(Parent, "." + Path.GetFileName(path) + ".fedrender-old");

    public string Display => display;

    public string FullPath => path;

    /// <summary>A problem with the path itself (a file, a symbolic link), or null.</summary>
    public Diagnostic? CheckPath()
    {
        if (fs.IsSymbolicLink(path)) return CliDiagnostics.OutputNotADirectory(display, "a symbolic link");
        if (fs.FileExists(path)) return CliDiagnostics.OutputNotADirectory(display, "a file");
        return null;
    }

    /// <summary>Finishes what a killed run left: restores the previous tree if it was set aside, removes temporary trees.</summary>
    public void Recover()
    {
        if (!fs.DirectoryExists(path) && fs.DirectoryExists(OldTree)) fs.MoveDirectory(OldTree, path);
        fs.DeleteDirectory(NewTree);
        fs.DeleteDirectory(OldTree);
    }

    /// <summary>The files fedrender owns in the directory (from its manifest), and every other file.</summary>
    public (IReadOnlySet<string> Owned, IReadOnlyList<string> Foreign, bool HasManifest) Inventory()
    {
        if (!fs.DirectoryExists(path)) return (new HashSet<string>(StringComparer.Ordinal), [], false);
        var manifestPath = Path.Combine(path, ManifestFile.Name);
        var hasManifest = fs.FileExists(manifestPath);
        var owned = hasManifest ? ManifestFile.Read(fs.ReadAllBytes(manifestPath)) : new HashSet<string>(StringComparer.Ordinal);
        var foreign = fs.EnumerateFiles(path)
            .Select(Relative)
            .Where(f => f != ManifestFile.Name && !owned.Contains(f))
            .Order(StringComparer.Ordinal)
            .ToList();
        return (owned, foreign, hasManifest);
    }

    public string Relative(string full) => Path.GetRelativePath(path, full).Replace('\\', '/');

    public byte[]? ReadOwned(string relative)
    {
        var full = Path.Combine(path, relative);
        return fs.FileExists(full) ? fs.ReadAllBytes(full) : null;
    }

    /// <summary>Starts a new tree beside the directory; clusters are written into it as they are rendered.</summary>
    public StagedOutput Begin(IReadOnlySet<string> owned, IReadOnlyList<string> foreign, IReadOnlySet<string> keepOwned)
    {
        fs.DeleteDirectory(NewTree);
        fs.CreateDirectory(NewTree);
        return new StagedOutput(this, NewTree, owned, foreign.ToHashSet(StringComparer.Ordinal), keepOwned);
    }

    /// <summary>Writes one file of the new tree, creating its folder.</summary>
    internal void WriteStaged(string relative, byte[] content)
    {
        var full = Path.Combine(NewTree, relative);
        fs.CreateDirectory(Path.GetDirectoryName(full) ?? NewTree);
        fs.WriteAllBytes(full, content);
    }

    /// <summary>Completes the new tree (kept files, manifest) and swaps it in for the directory, all or nothing.</summary>
    internal Diagnostic? Commit(IReadOnlyCollection<string> written, IReadOnlyList<string> keep, IReadOnlyCollection<string> stillOwned)
    {
        var staging = NewTree;
        try
        {
            foreach (var relative in keep)
            {
                if (!written.Contains(relative)) WriteStaged(relative, fs.ReadAllBytes(Path.Combine(path, relative)));
            }

            WriteStaged(ManifestFile.Name, ManifestFile.Write(written.Concat(stillOwned)));
        }
        catch (Exception e) when (IsIo(e))
        {
            Abort();
            return CliDiagnostics.OutputWriteFailed(display, Reason(e));
        }

        try
        {
            if (!fs.DirectoryExists(path))
            {
                fs.CreateDirectory(Parent);
                fs.MoveDirectory(staging, path);
                return null;
            }

            if (fs.TryExchangeDirectories(staging, path))
            {
                DeleteInParallel(staging);
                return null;
            }

            fs.MoveDirectory(path, OldTree);
            fs.MoveDirectory(staging, path);
            fs.DeleteDirectory(OldTree);
            return null;
        }
        catch (Exception e) when (IsIo(e))
        {
            Recover();
            return CliDiagnostics.OutputWriteFailed(display, Reason(e));
        }
    }

    /// <summary>Throws the new tree away; the directory is left as it was.</summary>
    public void Abort() => TryDelete(NewTree);

    /// <summary>Whether an owned file of the directory has exactly these bytes.</summary>
    internal bool SameAsOwned(string relative, byte[] content)
    {
        var full = Path.Combine(path, relative);
        return fs.FileExists(full) && fs.ReadAllBytes(full).AsSpan().SequenceEqual(content);
    }

    internal bool ManifestIs(IReadOnlyCollection<string> written)
    {
        var manifest = Path.Combine(path, ManifestFile.Name);
        return fs.FileExists(manifest) && fs.ReadAllBytes(manifest).AsSpan().SequenceEqual(ManifestFile.Write(written));
    }

    /// <summary>The failure to report for an exception thrown while writing, or null when it is not an I/O failure.</summary>
    public Diagnostic? WriteFailure(Exception e) => IsIo(e) ? CliDiagnostics.OutputWriteFailed(display, Reason(e)) : null;

    /// <summary>An I/O failure, also when parallel writes report it wrapped.</summary>
    private static bool IsIo(Exception e) =>
        e is IOException or UnauthorizedAccessException
        || e is AggregateException aggregate && aggregate.Flatten().InnerExceptions.All(IsIo);

    private static string Reason(Exception e) =>
        (e is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0] : e).Message.TrimEnd('.');

    /// <summary>Deletes a tree, its top-level folders (one per cluster) in parallel.</summary>
    private void DeleteInParallel(string directory)
    {
        Parallel.ForEach(fs.EnumerateDirectories(directory).ToList(), fs.DeleteDirectory);
        fs.DeleteDirectory(directory);
    }

    private void TryDelete(string directory)
    {
        try
        {
            fs.DeleteDirectory(directory);
        }
        catch (Exception e) when (IsIo(e))
        {
            // Left for the next run's Recover.
        }
    }
}
