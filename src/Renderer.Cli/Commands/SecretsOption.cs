using System.CommandLine;
using Renderer.Core.Diagnostics;
using Renderer.Core.Secrets;

namespace Renderer.Cli.Commands;

/// <summary><c>--secrets warn|omit</c>: what render (and check and diff, to compare the same tree) do with plain Secrets.</summary>
public static class SecretsOption
{
    public static Option<string> Create() => new("--secrets")
    {
        Description = "What to do with objects that render as a plain Secret: warn (write them, with a warning naming each file) or omit (leave them out of the tree and list them).",
        DefaultValueFactory = _ => "warn",
    };

    /// <summary>Applies the option to the run's render options; an invalid value is a usage problem.</summary>
    public static void Apply(CommandRun run, Option<string> option, List<Diagnostic> problems)
    {
        var value = run.Value(option) ?? "warn";
        var policy = value switch
        {
            "warn" => PlainSecrets.Warn,
            "omit" => PlainSecrets.Omit,
            _ => (PlainSecrets?)null,
        };
        if (policy is null)
        {
            problems.Add(CliDiagnostics.InvalidOption("--secrets", value, "use warn or omit"));
            return;
        }

        run.Adjust(options => options with { PlainSecrets = policy.Value });
    }
}
