using System.CommandLine;
using System.Globalization;
using Renderer.Cli.Output;
using Renderer.Core;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;

namespace Renderer.Cli.Commands;

/// <summary>The options several verbs share, and the one place they are read and checked.</summary>
public sealed class SharedOptions(SharedOption uses)
{
    public SharedOption Uses => uses;

    public Argument<string[]> Inputs { get; } = new("INPUT")
    {
        Description = "Files, directories (searched recursively for *.yaml, *.yml, *.json; hidden folders skipped) or - for standard input. Default: the current directory.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<bool> Strict { get; } = new("--strict") { Description = "Treat warnings as errors." };

    public Option<string[]> Schemas { get; } = new("--schemas")
    {
        Description = "Files or directories of CustomResourceDefinitions whose schemas validate custom kinds (for federate: that define the custom kinds to federate; they are not federated themselves). Repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> Clusters { get; } = new("--cluster") { Description = "Only this cluster (repeatable)." };

    public Option<string?> Shard { get; } = new("--shard")
    {
        Description = "Only shard I of N (I/N, 1-based): a stable partition of the clusters for parallel CI jobs.",
    };

    public Option<string> Format { get; } = new("--diagnostics-format")
    {
        Description = "How diagnostics are printed on stderr: text, json (one object per line), github (workflow annotations) or sarif (SARIF 2.1.0).",
        DefaultValueFactory = _ => "text",
    };

    public Option<string?> Namespace { get; } = new("--namespace", "-n")
    {
        Description = "Give namespaced documents that name no namespace this one, as kubectl -n does (documents that name one keep it; cluster-scoped ones get none).",
    };

    public Option<string> MaxFileSize { get; } = new("--max-file-size") { Description = "Largest input file.", DefaultValueFactory = _ => "16MiB" };

    public Option<string> MaxTotalSize { get; } = new("--max-total-size") { Description = "Largest sum of all inputs.", DefaultValueFactory = _ => "64MiB" };

    public Option<int> MaxDepth { get; } = new("--max-depth") { Description = "Deepest nesting of one document.", DefaultValueFactory = _ => LoadLimits.Default.MaxDepth };

    public Option<int> MaxNodes { get; } = new("--max-nodes") { Description = "Most nodes one document may expand to, aliases included.", DefaultValueFactory = _ => LoadLimits.Default.MaxNodes };

    public Option<long> MaxTotalNodes { get; } = new("--max-total-nodes") { Description = "Most nodes all inputs together may expand to, aliases included.", DefaultValueFactory = _ => LoadLimits.Default.MaxTotalNodes };

    public Option<long> MaxDocuments { get; } = new("--max-documents") { Description = "Most YAML documents all inputs together may hold.", DefaultValueFactory = _ => LoadLimits.Default.MaxDocuments };

    public bool Has(SharedOption option) => (uses & option) == option;

    public void AddTo(Command command)
    {
        if (Has(SharedOption.Inputs)) command.Add(Inputs);
        if (Has(SharedOption.Strict)) command.Add(Strict);
        if (Has(SharedOption.Schemas)) command.Add(Schemas);
        if (Has(SharedOption.Clusters)) command.Add(Clusters);
        if (Has(SharedOption.Shard)) command.Add(Shard);
        if (Has(SharedOption.DiagnosticsFormat)) command.Add(Format);
        if (Has(SharedOption.Namespace)) command.Add(Namespace);
        if (!Has(SharedOption.Limits)) return;
        command.Add(MaxFileSize);
        command.Add(MaxTotalSize);
        command.Add(MaxDepth);
        command.Add(MaxNodes);
        command.Add(MaxTotalNodes);
        command.Add(MaxDocuments);
    }

    /// <summary>The diagnostics format, read first so that even option errors print in it.</summary>
    public DiagnosticFormat ReadFormat(ParseResult parsed, List<Diagnostic> problems)
    {
        if (!Has(SharedOption.DiagnosticsFormat)) return DiagnosticFormat.Text;
        switch (parsed.GetValue(Format))
        {
            case "text":
                return DiagnosticFormat.Text;
            case "json":
                return DiagnosticFormat.Json;
            case "github":
                return DiagnosticFormat.GitHub;
            case "sarif":
                return DiagnosticFormat.Sarif;
            case var other:
                problems.Add(CliDiagnostics.InvalidOption("--diagnostics-format", other ?? string.Empty, "use text, json, github or sarif"));
                return DiagnosticFormat.Text;
        }
    }

    /// <summary>The render options the shared options describe; problems for the invalid ones.</summary>
    public RenderOptions Read(ParseResult parsed, List<Diagnostic> problems)
    {
        var limits = LoadLimits.Default;
        if (Has(SharedOption.Limits)) limits = ReadLimits(parsed, problems);
        var filter = ClusterFilter.All;
        var names = Has(SharedOption.Clusters) ? parsed.GetValue(Clusters) ?? [] : [];
        var (index, count) = (1, 1);
        var shard = Has(SharedOption.Shard) ? parsed.GetValue(Shard) : null;
        if (shard is not null)
        {
            var parts = shard.Split('/');
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out index)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || index < 1 || index > count)
            {
                problems.Add(CliDiagnostics.InvalidOption("--shard", shard, "write I/N with 1 <= I <= N, such as 2/4"));
                (index, count) = (1, 1);
            }
        }

        if (names.Length > 0 || count > 1) filter = new ClusterFilter(names.Length > 0 ? names.ToHashSet(StringComparer.Ordinal) : null, index, count);
        var ns = Has(SharedOption.Namespace) ? parsed.GetValue(Namespace) : null;
        return new RenderOptions { Strict = Has(SharedOption.Strict) && parsed.GetValue(Strict), Limits = limits, Clusters = filter, Namespace = ns, Parallelism = Environment.ProcessorCount };
    }

    private LoadLimits ReadLimits(ParseResult parsed, List<Diagnostic> problems)
    {
        if (!SizeParser.TryParse(parsed.GetValue(MaxFileSize) ?? string.Empty, out var fileSize))
        {
            problems.Add(CliDiagnostics.InvalidOption("--max-file-size", parsed.GetValue(MaxFileSize) ?? string.Empty, "give a size such as 64MiB"));
        }

        if (!SizeParser.TryParse(parsed.GetValue(MaxTotalSize) ?? string.Empty, out var totalSize))
        {
            problems.Add(CliDiagnostics.InvalidOption("--max-total-size", parsed.GetValue(MaxTotalSize) ?? string.Empty, "give a size such as 256MiB"));
        }

        var depth = parsed.GetValue(MaxDepth);
        var nodes = parsed.GetValue(MaxNodes);
        if (depth < 1) problems.Add(CliDiagnostics.InvalidOption("--max-depth", depth.ToString(CultureInfo.InvariantCulture), "give a positive number"));
        var totalNodes = parsed.GetValue(MaxTotalNodes);
        var documents = parsed.GetValue(MaxDocuments);
        if (documents < 1) problems.Add(CliDiagnostics.InvalidOption("--max-documents", documents.ToString(CultureInfo.InvariantCulture), "give a positive number"));
        if (nodes < 1) problems.Add(CliDiagnostics.InvalidOption("--max-nodes", nodes.ToString(CultureInfo.InvariantCulture), "give a positive number"));
        if (totalNodes < 1) problems.Add(CliDiagnostics.InvalidOption("--max-total-nodes", totalNodes.ToString(CultureInfo.InvariantCulture), "give a positive number"));
        return new LoadLimits { MaxFileBytes = fileSize, MaxTotalBytes = totalSize, MaxDepth = depth, MaxNodes = nodes, MaxTotalNodes = totalNodes, MaxDocuments = documents };
    }
}
