using System.Text.RegularExpressions;

namespace Renderer.Tests.Cli;

/// <summary>What every verb shares through the one command runner: finished diagnostics, summaries that match what is printed, help per verb, paths as given.</summary>
public sealed partial class CommandRunnerTests
{
    private static CliHarness WithFederation()
    {
        var harness = new CliHarness();
        harness.FileSystem.Add("/work/fed/app.yaml", CliHarness.Federation);
        harness.FileSystem.CreateDirectory("/work/fed/empty");
        return harness;
    }

    [Fact]
    public void StrictValidateFailsOnTheCommandLinesOwnWarnings()
    {
        var cli = WithFederation();
        var (lenient, _, _) = cli.Run("validate", "fed/empty", "fed/app.yaml");
        var (exit, _, error) = cli.Run("validate", "fed/empty", "fed/app.yaml", "--strict");
        Assert.Equal(0, lenient);
        Assert.Equal(1, exit);
        Assert.Contains("error FR9008", error, StringComparison.Ordinal);
        Assert.Contains("fedrender: 1 error; nothing written", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailingRenderPrintsEveryDiagnosticItsSummaryCounts()
    {
        var cli = WithFederation();
        cli.FileSystem.Add("/work/fed/bad.yaml", "apiVersion: types.kubefed.io/v1beta1\nkind: FederatedConfigMap\nmetadata: {name: x, namespace: app}\nspec:\n  overrides:\n  - clusterName: east\n    clusterOverrides:\n    - {op: move, path: /data}\n");
        var (exit, _, error) = cli.Run("render", "fed", "fed/empty", "-o", "out");
        Assert.Equal(1, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var summary = Summary().Match(lines[^1]);
        Assert.True(summary.Success, lines[^1]);
        var errors = summary.Groups["errors"].Success ? int.Parse(summary.Groups["errors"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var warnings = summary.Groups["warnings"].Success ? int.Parse(summary.Groups["warnings"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        Assert.True(warnings > 0, error);
        Assert.Equal(errors, lines.Count(l => l.Contains(": error FR", StringComparison.Ordinal)));
        Assert.Equal(warnings, lines.Count(l => l.Contains(": warning FR", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("federate", "--shard")]
    [InlineData("federate", "--cluster")]
    [InlineData("explain", "--shard")]
    [InlineData("validate", "--force")]
    [InlineData("check", "--stdout")]
    public void HelpListsOnlyTheOptionsThatAffectTheCommand(string verb, string option)
    {
        var (exit, help, _) = new CliHarness().Run(verb, "--help");
        Assert.Equal(0, exit);
        Assert.DoesNotContain(option + " ", help, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplainHelpSaysTheClusterIsRequiredOnce()
    {
        var (_, help, _) = new CliHarness().Run("explain", "--help");
        var line = help.Split('\n').Single(l => l.TrimStart().StartsWith("--cluster", StringComparison.Ordinal));
        Assert.Contains("(REQUIRED)", line, StringComparison.Ordinal);
        Assert.Contains("exactly once", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplainWithTwoClustersIsAUsageError()
    {
        var (exit, _, error) = WithFederation().Run("explain", "fed", "--cluster", "east", "--cluster", "west", "ConfigMap/app/settings");
        Assert.Equal(2, exit);
        Assert.Contains("--cluster", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AbsolutePathsArePrintedAsGiven()
    {
        var cli = WithFederation();
        cli.FileSystem.Add("/work/fed/plain.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        var (_, _, absolute) = cli.Run("validate", "/work/fed");
        var (_, _, relative) = cli.Run("validate", "fed");
        Assert.Contains("/work/fed/plain.yaml(2,7)", absolute, StringComparison.Ordinal);
        Assert.DoesNotContain("..", absolute, StringComparison.Ordinal);
        Assert.Contains("fed/plain.yaml(2,7)", relative, StringComparison.Ordinal);
        Assert.DoesNotContain("/work/", relative, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionProblemsAreDiagnosticsInTheChosenFormat()
    {
        var (exit, _, error) = WithFederation().Run("render", "fed", "--stdout", "--diagnostics-format", "json");
        Assert.Equal(2, exit);
        Assert.StartsWith("{", error, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"FR9010\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFloodOfOneCodeIsCutInTextButListedWholeInJson()
    {
        var cli = WithFederation();
        var plain = string.Join("---\n", Enumerable.Range(0, 150).Select(i => $"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: c{i}}}\n"));
        cli.FileSystem.Add("/work/fed/plain.yaml", plain);
        var (_, _, text) = cli.Run("validate", "fed");
        Assert.Equal(100, text.Split('\n').Count(l => l.Contains("warning FR2003", StringComparison.Ordinal)));
        Assert.Contains("fedrender: 50 more FR2003 diagnostics not shown", text, StringComparison.Ordinal);
        Assert.Contains("fedrender: 150 warnings; valid", text, StringComparison.Ordinal);
        var (_, _, json) = cli.Run("validate", "fed", "--diagnostics-format", "json");
        Assert.Equal(150, json.Split('\n').Count(l => l.Contains("\"code\":\"FR2003\"", StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"^fedrender: (?:(?<errors>\d+) errors?)?(?:, )?(?:(?<warnings>\d+) warnings?)?; ")]
    private static partial Regex Summary();
}
