namespace Renderer.Tests.Support;

/// <summary>
/// A program an integration test runs for real, found on PATH, and the command that installs it. The tests
/// never install anything: the Cake Test target provisions what it can, and names the rest.
/// </summary>
public sealed record ExternalTool(string Name, IReadOnlyList<string> Programs, string Install, bool NeedsRoot = false)
{
    public static ExternalTool Git { get; } = new("git", ["git"], "apt-get install git");

    public static ExternalTool Kubectl { get; } = new("kubectl", ["kubectl"], "apt-get install kubectl (from the Kubernetes apt repository, see https://kubernetes.io/docs/tasks/tools/install-kubectl-linux/)");

    public static ExternalTool PreCommit { get; } = new("pre-commit", ["pre-commit"], "apt-get install pre-commit");

    public static ExternalTool Chromium { get; } = new("Chromium", ["chromium", "chromedriver"], "apt-get install chromium chromium-driver");

    public static ExternalTool Node { get; } = new("node", ["node"], "apt-get install nodejs npm, then npm ci --prefix tests/schema-check (dotnet cake --target=Test does both)");

    /// <summary>Python's cryptography package: the tests' independent unsealer (tests/keys/unseal.py).</summary>
    public static ExternalTool PythonCryptography { get; } = new("python3 cryptography", ["python3"], "apt-get install python3 python3-cryptography");

    /// <summary>Python alone: its resource module reads a child process's peak memory from the kernel.</summary>
    public static ExternalTool Python { get; } = new("python3", ["python3"], "apt-get install python3");

    public static ExternalTool TmpfsMount { get; } = new("tmpfs mount", ["mount", "umount"], "run the tests as root (mounting a small tmpfs needs it), as CI does", NeedsRoot: true);

    /// <summary>Under CI=true a missing tool fails its tests instead of skipping them: CI must run everything.</summary>
    public static bool MissingToolFails => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static ExternalTool Of(Tool tool) => tool switch
    {
        Tool.Git => Git,
        Tool.Kubectl => Kubectl,
        Tool.PreCommit => PreCommit,
        Tool.Chromium => Chromium,
        Tool.TmpfsMount => TmpfsMount,
        Tool.Node => Node,
        Tool.PythonCryptography => PythonCryptography,
        Tool.Python => Python,
        _ => throw new ArgumentOutOfRangeException(nameof(tool), tool, "unknown tool"),
    };

    /// <summary>Why this tool cannot be used here ("pre-commit not found on PATH; install it with: ..."), or null when it can.</summary>
    public string? Missing()
    {
        foreach (var program in Programs)
        {
            if (Find(program) is null) return $"{program} not found on PATH; install it with: {Install}";
        }

        return NeedsRoot && !Environment.IsPrivilegedProcess ? $"{Name} needs root; {Install}" : null;
    }

    /// <summary>The full path of <paramref name="program"/>, one of <see cref="Programs"/>; a clear failure when it is missing.</summary>
    public string PathOf(string program) =>
        Find(program) ?? throw new InvalidOperationException($"{program} not found on PATH; install it with: {Install}" + (MissingToolFails ? " (CI=true: a missing tool fails instead of skipping)" : string.Empty));

    /// <summary>Runs the tool's first program with <paramref name="arguments"/>.</summary>
    public ProcessResult Run(IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null) =>
        ExternalProcess.Run(PathOf(Programs[0]), arguments, workingDirectory, environment);

    /// <summary>The first executable file named <paramref name="program"/> in a folder of PATH, or null.</summary>
    public static string? Find(string program)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0))
            {
                return candidate;
            }
        }

        return null;
    }
}
