using System.CommandLine;
using System.Reflection;
using Renderer.Cli.Commands;

namespace Renderer.Cli;

/// <summary>
/// The <c>fedrender</c> command line. Each verb is a <see cref="VerbCommand"/> in Commands/, all run by
/// <see cref="CommandRunner"/>. Exit codes: 0 fine, 1 errors or stale, 2 usage or I/O.
/// </summary>
public static class CliApp
{
    public const int Ok = Outcome.Ok;
    public const int Failed = Outcome.Failed;
    public const int UsageOrIo = Outcome.UsageOrIo;

    /// <summary>Every verb, in the order help lists them.</summary>
    public static IReadOnlyList<VerbCommand> Verbs() =>
    [
        new RenderCommand(),
        new CheckCommand(),
        new ValidateCommand(),
        new FederateCommand(),
        new DiffCommand(),
        new ExplainCommand(),
        new PreviewCommand(),
        new SealCommand(),
        new SchemasCommand(),
    ];

    public static int Run(string[] args, CliContext context)
    {
        var root = new RootCommand("fedrender compiles KubeFed Federated* documents into one directory of plain Kubernetes manifests per member cluster.");
        foreach (var verb in Verbs()) root.Add(verb.Build(context));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parsed.Errors) context.Error.Write($"fedrender: {error.Message}\n");
            context.Error.Write("fedrender: run 'fedrender --help' for usage\n");
            return UsageOrIo;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            context.Error.Write($"fedrender: internal error, please report it: {e.GetType().Name}: {e.Message}\n");
            return UsageOrIo;
        }
    }

    public static string Version =>
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
