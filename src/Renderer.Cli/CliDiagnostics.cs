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
}
