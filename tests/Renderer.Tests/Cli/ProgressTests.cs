namespace Renderer.Tests.Cli;

public sealed class ProgressTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ProgressIsShownOnlyOnATerminal(bool terminal)
    {
        var fs = new Support.InMemoryFileSystem();
        fs.Add("/work/fed/app.yaml", CliHarness.Federation);
        var stderr = new StringWriter();
        var context = new Renderer.Cli.CliContext(new StringWriter(), stderr, () => Stream.Null, "/work", fs) { ErrorIsTerminal = terminal };
        Assert.Equal(0, Renderer.Cli.CliApp.Run(["render", "fed", "-o", "out"], context));
        Assert.Equal(terminal, stderr.ToString().Contains("\rfedrender: 2 clusters done, 4 objects written", StringComparison.Ordinal) || stderr.ToString().Contains("\rfedrender: 1 cluster done", StringComparison.Ordinal));
        Assert.Equal(terminal, stderr.ToString().Contains('\r', StringComparison.Ordinal));
    }
}
