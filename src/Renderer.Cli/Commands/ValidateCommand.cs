using Renderer.Core;

namespace Renderer.Cli.Commands;

/// <summary><c>fedrender validate</c>: every check, nothing written.</summary>
public sealed class ValidateCommand : VerbCommand
{
    public override string Name => "validate";

    public override string Description => "Run every check and write nothing.";

    public override Outcome Execute(CommandRun run)
    {
        // Every check, but no YAML is emitted and no cluster kept in memory.
        run.Report(FederationRenderer.Validate(run.Files, run.Options));
        return run.Blocked ? Outcome.Fail("nothing written") : Outcome.Done("valid");
    }
}
