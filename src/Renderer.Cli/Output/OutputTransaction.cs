using System.Globalization;
using System.Text;
using Renderer.Cli.FileSystem;

namespace Renderer.Cli.Output;

/// <summary>
/// The changes one render makes to an output directory, staged in <c>.fedrender-txn/</c> inside it. Changed
/// and new files are written there first (from several threads); <see cref="Commit"/> then writes the
/// journal, whose appearance is the commit point, and applies it: renames staged files into place, removes
/// files, and replaces the manifest last. A run killed before the journal exists leaves the directory as it
/// was; one killed after is rolled forward by the next run (<see cref="Recover"/>). Unchanged files are never
/// touched, so they keep their inode and modification time.
/// </summary>
public sealed class OutputTransaction
{
    public const string Folder = ".fedrender-txn";
    private const string Staged = "new";
    private const string Journal = "journal";
    private const string ManifestStage = "manifest";

    private readonly IFileSystem fs;
    private readonly string root;
    private readonly object gate = new();
    private readonly List<(string Relative, int Stage)> writes = [];
    private int next;
    private bool committed;

    private OutputTransaction(IFileSystem fs, string root)
    {
        this.fs = fs;
        this.root = root;
    }

    private string Directory => Path.Combine(root, Folder);

    public int Writes
    {
        get
        {
            lock (gate) return writes.Count;
        }
    }

    /// <summary>Starts a transaction in <paramref name="root"/> (which must exist and hold none).</summary>
    public static OutputTransaction Begin(IFileSystem fs, string root)
    {
        var transaction = new OutputTransaction(fs, root);
        fs.CreateDirectory(transaction.Directory);
        fs.CreateDirectory(Path.Combine(transaction.Directory, Staged));
        return transaction;
    }

    /// <summary>Stages the new content of one file. Safe to call from several threads.</summary>
    public void Stage(string relative, ReadOnlyMemory<byte> content)
    {
        var stage = Interlocked.Increment(ref next);
        fs.WriteNew(StagePath(stage), content);
        lock (gate) writes.Add((relative, stage));
    }

    /// <summary>Writes the journal (the commit point) and applies it.</summary>
    public void Commit(IReadOnlyCollection<string> removals, byte[] manifest)
    {
        fs.WriteNew(Path.Combine(Directory, Staged, ManifestStage), manifest);
        var journal = new StringBuilder();
        lock (gate)
        {
            foreach (var (relative, stage) in writes.OrderBy(w => w.Relative, StringComparer.Ordinal)) journal.Append(CultureInfo.InvariantCulture, $"W {stage} {relative}\n");
        }

        foreach (var relative in removals.Order(StringComparer.Ordinal)) journal.Append("D ").Append(relative).Append('\n');
        journal.Append("M\n");
        var part = Path.Combine(Directory, Journal + ".part");
        fs.WriteNew(part, Encoding.UTF8.GetBytes(journal.ToString()));
        fs.Rename(part, Path.Combine(Directory, Journal));
        committed = true;
        Apply(fs, root, journal.ToString());
    }

    /// <summary>
    /// Throws the staged files away, so the directory is as it was; once the journal is written there is no
    /// going back, and what is left is rolled forward by the next run.
    /// </summary>
    public void Abort()
    {
        if (!committed) FileTree.DeleteTree(fs, Directory);
    }

    /// <summary>
    /// Finishes what a killed run left: applies a committed journal, or drops uncommitted staging. Returns
    /// why the leftover is not fedrender's (and touches nothing) when it is not.
    /// </summary>
    public static string? Recover(IFileSystem fs, string root)
    {
        var directory = Path.Combine(root, Folder);
        var entry = fs.Stat(directory);
        if (!entry.Exists) return null;
        if (entry.Kind != EntryKind.Directory) return $"{Folder} is {entry.Describe()}";
        var journal = Path.Combine(directory, Journal);
        var journalEntry = fs.Stat(journal);
        if (journalEntry.Kind == EntryKind.Missing)
        {
            FileTree.DeleteTree(fs, directory);
            return null;
        }

        if (journalEntry.Kind != EntryKind.File) return $"{Folder}/{Journal} is {journalEntry.Describe()}";
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(fs.Read(journal, 64L << 20));
        }
        catch (DecoderFallbackException)
        {
            return $"{Folder}/{Journal} is not UTF-8 text";
        }

        if (Invalid(text) is { } problem) return $"{Folder}/{Journal} {problem}";
        Apply(fs, root, text);
        return null;
    }

    /// <summary>Why a journal is not one fedrender writes, or null.</summary>
    private static string? Invalid(string journal)
    {
        var lines = journal.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 && i == lines.Length - 1) break;
            if (line == "M") continue;
            var parts = line.Split(' ', 3);
            var ok = parts[0] switch
            {
                "W" => parts.Length == 3 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _) && ManifestFile.Confinement(parts[2]) is null,
                "D" => parts.Length >= 2 && ManifestFile.Confinement(line[2..]) is null,
                _ => false,
            };
            if (!ok) return $"line {i + 1} (\"{ManifestFile.Quote(line)}\") is not an operation fedrender writes";
        }

        return null;
    }

    /// <summary>Applies a journal; every step is idempotent, so a run killed while applying can apply it again.</summary>
    private static void Apply(IFileSystem fs, string root, string journal)
    {
        var directory = Path.Combine(root, Folder);
        var emptied = new SortedSet<string>(StringComparer.Ordinal);
        // Folders checked or made once are not examined again for every file in them.
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in journal.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line == "M")
            {
                var staged = Path.Combine(directory, Staged, ManifestStage);
                if (fs.Stat(staged).Kind == EntryKind.File) fs.Rename(staged, Path.Combine(root, ManifestFile.Name));
                continue;
            }

            if (line[0] == 'W')
            {
                var parts = line.Split(' ', 3);
                var staged = Path.Combine(directory, Staged, parts[1]);
                if (fs.Stat(staged).Kind != EntryKind.File) continue;
                var relative = parts[2];
                // A layout's root file (no slash) goes straight into the root, which exists.
                var slash = relative.LastIndexOf('/');
                if (slash > 0 && folders.Add(relative[..slash])) FileTree.CreateDirectories(fs, root, relative[..slash]);
                var target = Path.Combine(root, relative);
                var existing = fs.Stat(target);
                if (existing.Kind is EntryKind.Directory or EntryKind.Special) throw new UnsafeEntryException(relative, existing);
                fs.Rename(staged, target);
                continue;
            }

            var removed = line[2..];
            var full = Path.Combine(root, removed);
            if (fs.Stat(full).Kind is EntryKind.File or EntryKind.SymbolicLink) fs.DeleteFile(full);
            for (var parent = Path.GetDirectoryName(removed); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent)) emptied.Add(parent);
        }

        // Folders this render emptied go too, deepest first; folders that still hold anything stay.
        foreach (var folder in emptied.Reverse())
        {
            var full = Path.Combine(root, folder);
            if (fs.Stat(full).Kind == EntryKind.Directory && fs.List(full).Count == 0) fs.DeleteDirectory(full);
        }

        FileTree.DeleteTree(fs, directory);
    }

    private string StagePath(int stage) => Path.Combine(Directory, Staged, stage.ToString(CultureInfo.InvariantCulture));
}
