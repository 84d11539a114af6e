using Renderer.Core.Diagnostics;

namespace Renderer.Cli.Commands;

/// <summary>
/// The steps every verb shares, in order: read the options, collect the inputs, run the verb, then finish
/// the diagnostics (redact, strict, sort), print every one that is counted, and summarize.
/// </summary>
public static class CommandRunner
{
    public static int Run(VerbCommand verb, SharedOptions shared, System.CommandLine.ParseResult parsed, CliContext context)
    {
        var run = new CommandRun(context, parsed, shared);
        var problems = new List<Diagnostic>();
        run.Read(problems);
        verb.CheckOptions(run, problems);
        if (problems.Count > 0)
        {
            run.Report(problems);
            return run.End(Outcome.Usage());
        }

        if (verb.ReadsInputs && !(verb.ReadsSchemasApart ? run.CollectInputsAndSchemas(verb.InputArguments(run), verb.ExcludedPath(run)) : run.CollectInputs(verb.InputArguments(run), verb.ExcludedPath(run))))
        {
            return run.End(Outcome.Usage("nothing written"));
        }

        Outcome outcome;
        try
        {
            outcome = verb.Execute(run);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            run.Report(CliDiagnostics.EnvironmentFailed(e.Message.TrimEnd('.').Replace(context.CurrentDirectory.TrimEnd('/') + "/", string.Empty, StringComparison.Ordinal)));
            outcome = Outcome.Usage("nothing written");
        }

        return run.End(outcome);
    }
}
