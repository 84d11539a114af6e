using System.CommandLine;
using Renderer.Core.Diagnostics;

namespace Renderer.Cli.Commands;

/// <summary>
/// One verb of <c>fedrender</c>: its name and help, the shared options that affect it, its own options, and
/// what it does once <see cref="CommandRunner"/> has read the options and collected the inputs. The runner
/// finishes, prints and summarizes the diagnostics; a verb only reports them.
/// </summary>
public abstract class VerbCommand
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    /// <summary>The shared options this verb takes (and its help lists).</summary>
    public virtual SharedOption Uses => SharedOption.Rendering;

    /// <summary>Whether the runner collects the INPUT arguments before <see cref="Execute"/>.</summary>
    public virtual bool ReadsInputs => true;

    /// <summary>Adds the verb's own options to its command.</summary>
    protected virtual void AddOptions(Command command)
    {
    }

    /// <summary>Checks the verb's own options; each problem is a usage error (exit 2).</summary>
    public virtual void CheckOptions(CommandRun run, List<Diagnostic> problems)
    {
    }

    /// <summary>
    /// Whether the --schemas files are read apart from the inputs (into <see cref="CommandRun.SchemaFiles"/>) rather
    /// than among them; <see cref="InputArguments"/> then names the inputs only.
    /// </summary>
    public virtual bool ReadsSchemasApart => false;

    /// <summary>The inputs to read: the INPUT arguments and any --schemas.</summary>
    public virtual IReadOnlyList<string> InputArguments(CommandRun run) => run.InputArguments;

    /// <summary>A path the input search skips (the output the verb writes or compares).</summary>
    public virtual string? ExcludedPath(CommandRun run) => null;

    public abstract Outcome Execute(CommandRun run);

    public Command Build(CliContext context)
    {
        var shared = new SharedOptions(Uses);
        var command = new Command(Name, Description);
        shared.AddTo(command);
        AddOptions(command);
        command.SetAction(parsed => CommandRunner.Run(this, shared, parsed, context));
        return command;
    }
}
