using System.Diagnostics;

namespace Renderer.Tests.Cli;

/// <summary>
/// A fact that needs headless Chromium and chromedriver (Debian packages chromium and chromium-driver). When
/// they are missing it installs them with apt-get; it is skipped, saying why, only where that is impossible.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Browser = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";

    private static readonly Lazy<string?> Missing = new(Install);

    public ChromiumFactAttribute()
    {
        if (Missing.Value is { } reason) Skip = reason;
    }

    private static string? Install()
    {
        if (File.Exists(Browser) && File.Exists(Driver)) return null;
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get"))
        {
            return "Chromium and chromedriver are not installed and this is not a Debian-like system: install chromium and chromium-driver to run the browser test.";
        }

        var sudo = Environment.UserName == "root" ? string.Empty : "sudo -n ";
        var (code, output) = Run("/bin/sh", $"-c \"{sudo}apt-get install -y --no-install-recommends chromium chromium-driver || ({sudo}apt-get update && {sudo}apt-get install -y --no-install-recommends chromium chromium-driver)\"");
        return code == 0 && File.Exists(Browser) && File.Exists(Driver)
            ? null
            : $"Chromium could not be installed (apt-get exit {code}): {output.Trim().Split('\n').LastOrDefault()}";
    }

    private static (int Code, string Output) Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + file);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
