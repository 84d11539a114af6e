using System.Diagnostics;

namespace Renderer.Tests.Integrations;

/// <summary>Runs the real tools the integrations are checked with (node, sh, bash, git) as child processes.</summary>
public static class ExternalTools
{
    /// <summary>The full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    /// <summary>Where the .NET runtime the tests run on is installed (what an installed tool's launcher looks for).</summary>
    public static string DotnetRoot()
    {
        var dotnet = Find("dotnet") ?? "/usr/share/dotnet/dotnet";
        var real = new FileInfo(dotnet).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? dotnet;
        return Path.GetDirectoryName(real) ?? "/usr/share/dotnet";
    }

    public sealed record Result(int Exit, string Out, string Error);

    /// <summary>Runs <paramref name="file"/> with exactly <paramref name="arguments"/> (no shell in between) in <paramref name="directory"/>.</summary>
    public static Result Run(string file, IEnumerable<string> arguments, string directory, IReadOnlyDictionary<string, string>? environment = null, bool clearEnvironment = false)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (clearEnvironment) start.Environment.Clear();
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} ran longer than 5 minutes");
        }

        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
