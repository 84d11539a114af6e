using Renderer.Cli.Output;
using Renderer.Core.Diagnostics;

namespace Renderer.Cli;

/// <summary>FR9xxx: the command line, the inputs it reads and the output directory it writes.</summary>
public static class CliDiagnostics
{
    public static Diagnostic InputNotFound(string path) =>
        new("FR9001", Severity.Error,
            $"Input \"{path}\" does not exist; check the path (inputs are files, directories, or - for standard input).", SourceLocation.OfFile(path));

    public static Diagnostic InputUnreadable(string path, string reason) =>
        new("FR9002", Severity.Error,
            $"Input \"{path}\" cannot be read: {reason}; check its permissions.", SourceLocation.OfFile(path));

    public static Diagnostic ForeignFileInTheWay(string output, string file) =>
        new("FR9003", Severity.Error,
            $"\"{file}\" in {output} was not written by fedrender and would be overwritten; move it away, or pass --force to overwrite it.", SourceLocation.OfFile(output));

    public static Diagnostic NotOurDirectory(string output, int files) =>
        new("FR9004", Severity.Error,
            $"{output} holds {files} file(s) and no .fedrender-manifest, so it is not a fedrender output directory; choose an empty or new directory, or pass --force to write into it (other files are kept).", SourceLocation.OfFile(output));

    public static Diagnostic OutputNotADirectory(string output, string what) =>
        new("FR9005", Severity.Error,
            $"Output {output} is {what}, not a directory; choose another --output.", SourceLocation.OfFile(output));

    public static Diagnostic OutputWriteFailed(string output, string reason) =>
        new("FR9006", Severity.Error,
            $"Writing {output} failed: {reason}; the previous output is left as it was. Free space or fix permissions, then run again.", SourceLocation.OfFile(output));

    public static Diagnostic Stale(string output, int differences) =>
        new("FR9007", Severity.Error,
            $"{output} is stale: {differences} file(s) differ from what render would write; run fedrender render with the same inputs and --output to update it.", SourceLocation.OfFile(output));

    public static Diagnostic NoInputs(string directory) =>
        new("FR9008", Severity.Warning,
            $"No *.yaml, *.yml or *.json files were found in {directory}; name the files or directories to read.", SourceLocation.OfFile(directory));

    public static Diagnostic InvalidOption(string option, string value, string expected) =>
        new("FR9009", Severity.Error,
            $"Option {option} \"{value}\" is not valid: {expected}.", SourceLocation.None);

    public static Diagnostic Usage(string problem) =>
        new("FR9010", Severity.Error, problem + "; run fedrender COMMAND --help for the options.", SourceLocation.None);

    public static Diagnostic EnvironmentFailed(string reason) =>
        new("FR9011", Severity.Error,
            $"A file operation failed: {reason}; check the paths and their permissions, then run again.", SourceLocation.None);

    public static Diagnostic NothingToWrite(string output, string removals) =>
        new("FR9012", Severity.Error,
            $"The render holds no objects at all, so every file fedrender wrote in {output} would be removed ({removals}); check that the inputs hold the KubeFedClusters and the Federated documents, or pass --allow-prune to empty it.", SourceLocation.OfFile(output));

    public static Diagnostic MassRemoval(string output, int removed, int owned, string removals) =>
        new("FR9013", Severity.Error,
            $"The render would remove {removed} of the {owned} files fedrender wrote in {output} ({removals}); check the inputs (a missing file or a placement change), or pass --allow-prune if that is meant.", SourceLocation.OfFile(output));

    public static Diagnostic ClusterDirectoryRemoved(string output, string cluster) =>
        new("FR9014", Severity.Warning,
            $"Cluster directory {output}/{cluster} is removed: nothing is placed on cluster \"{cluster}\" any more; if the cluster still exists, whatever deploys that directory will delete its objects.", SourceLocation.OfFile(output + "/" + cluster)) { Cluster = cluster };

    public static Diagnostic ManifestNotOurs(string output, int line, string problem) =>
        new("FR9015", Severity.Error,
            $"{output}/{ManifestFile.Name}{(line > 0 ? $" line {line}" : string.Empty)} is not a manifest fedrender writes: {problem}; nothing in {output} is read or written on its word. Restore the file from the last render, or remove it and render with --force.", SourceLocation.OfFile(output + "/" + ManifestFile.Name) with { Line = line, Column = line > 0 ? 1 : 0 });

    public static Diagnostic OwnedEntryUnsafe(string output, string relative, string what) =>
        new("FR9016", Severity.Error,
            $"{output}/{relative} should be a file fedrender wrote but is {what}; it is left alone and not read. Remove it, then render again.", SourceLocation.OfFile(output + "/" + relative));

    public static Diagnostic OutputLocked(string output, TimeSpan waited) =>
        new("FR9017", Severity.Error,
            $"Another fedrender is writing {output} (waited {waited.TotalSeconds:0} s); run again when it has finished.", SourceLocation.OfFile(output));

    public static Diagnostic OutputRefused(string output, string what) =>
        new("FR9018", Severity.Error,
            $"Output {output} is {what}; render would replace what is there, so choose a directory of its own, such as out/.", SourceLocation.OfFile(output));

    public static Diagnostic OutputFileRefused(string output, string what) =>
        new("FR9019", Severity.Error,
            $"Output {output} is {what}; choose another file, or - for standard output.", SourceLocation.OfFile(output));

    public static Diagnostic InputIsLink(string input) =>
        new("FR9020", Severity.Error,
            $"Input {input} is a symbolic link; fedrender does not follow links in its inputs, so name the file or directory it points to instead.", SourceLocation.OfFile(input));

    public static Diagnostic InputIsSpecial(string input, string what) =>
        new("FR9021", Severity.Error,
            $"Input {input} is {what}; fedrender reads only regular files and does not open it. Remove it or move it out of the inputs.", SourceLocation.OfFile(input));

    public static Diagnostic LinkSkipped(string input) =>
        new("FR9022", Severity.Warning,
            $"{input} is a symbolic link inside an input directory and is not followed; replace it with the file itself, or name what it points to as an INPUT.", SourceLocation.OfFile(input));

    public static Diagnostic StandardInputClosed(string reason) =>
        new("FR9023", Severity.Error,
            $"Standard input cannot be read ({reason}), so - has nothing to read; pipe the documents in, or name files instead.", SourceLocation.OfFile("<stdin>"));

    public static Diagnostic NotOurBookkeeping(string output, string problem) =>
        new("FR9024", Severity.Error,
            $"{output} holds an unfinished render that fedrender did not leave: {problem}; nothing in {output} is changed. Remove {output}/{OutputTransaction.Folder} after checking it, then run again.", SourceLocation.OfFile(output + "/" + OutputTransaction.Folder));
}
