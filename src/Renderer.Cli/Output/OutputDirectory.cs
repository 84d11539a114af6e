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

    /// <summary>Whether the owned files are exactly <paramref name="files"/>, byte for byte (then nothing needs rewriting).</summary>
    public bool Matches(IReadOnlyDictionary<string, byte[]> files)
    {
        var (owned, _, _) = Inventory();
        if (owned.Count != files.Count || files.Keys.Any(k => !owned.Contains(k))) return false;
        var manifest = Path.Combine(path, ManifestFile.Name);
        if (!fs.ReadAllBytes(manifest).AsSpan().SequenceEqual(ManifestFile.Write(files.Keys))) return false;
        var same = true;
        Parallel.ForEach(files, (file, state) =>
        {
            var full = Path.Combine(path, file.Key);
            if (!fs.FileExists(full) || !fs.ReadAllBytes(full).AsSpan().SequenceEqual(file.Value))
            {
                same = false;
                state.Stop();
            }
        });
        return same;
    }

    public string Relative(string full) => Path.GetRelativePath(path, full).Replace('\\', '/');

    public byte[]? ReadOwned(string relative)
    {
        var full = Path.Combine(path, relative);
        return fs.FileExists(full) ? fs.ReadAllBytes(full) : null;
    }

    /// <summary>Replaces the directory's content with <paramref name="files"/> (plus the files kept), all or nothing.</summary>
    public Diagnostic? Replace(IReadOnlyDictionary<string, byte[]> files, IReadOnlyList<string> keep)
    {
        var staging = NewTree;
        try
        {
            fs.DeleteDirectory(staging);
            fs.CreateDirectory(staging);

            // Create every directory first, then write the files on all cores: file creation dominates the cost.
            foreach (var folder in files.Keys.Select(k => Path.GetDirectoryName(Path.Combine(staging, k))).OfType<string>().Distinct(StringComparer.Ordinal)) fs.CreateDirectory(folder);
            Parallel.ForEach(files, file => fs.WriteAllBytes(Path.Combine(staging, file.Key), file.Value));
            foreach (var relative in keep)
            {
                if (!files.ContainsKey(relative)) WriteFile(staging, relative, fs.ReadAllBytes(Path.Combine(path, relative)));
            }

            WriteFile(staging, ManifestFile.Name, ManifestFile.Write(files.Keys));
        }
        catch (Exception e) when (IsIo(e))
        {
            TryDelete(staging);
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

    private void WriteFile(string root, string relative, byte[] content)
    {
        var full = Path.Combine(root, relative);
        var directory = Path.GetDirectoryName(full);
        if (directory is not null) fs.CreateDirectory(directory);
        fs.WriteAllBytes(full, content);
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
