namespace Renderer.Cli.Commands;

/// <summary>How a verb ended: its exit code and the words of the summary line (none for usage errors).</summary>
public sealed record Outcome(int Exit, string? Summary)
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int UsageOrIo = 2;

    public static Outcome Done(string summary) => new(Ok, summary);

    public static Outcome Fail(string summary) => new(Failed, summary);

    public static Outcome Usage(string? summary = null) => new(UsageOrIo, summary);
}
