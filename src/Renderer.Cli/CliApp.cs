using System.CommandLine;
using System.Globalization;
using System.Reflection;
using Renderer.Cli.Output;
using Renderer.Core;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;

namespace Renderer.Cli;

/// <summary>The <c>fedrender</c> command line: render, check and validate. Exit codes: 0 fine, 1 errors or stale, 2 usage or I/O.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int UsageOrIo = 2;

    public static int Run(string[] args, CliContext context)
    {
        var root = Build(context);
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

    private static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("fedrender compiles KubeFed Federated* documents into one directory of plain Kubernetes manifests per member cluster.");
        root.Add(RenderCommand(context));
        root.Add(CheckCommand(context));
        root.Add(ValidateCommand(context));
        root.Add(FederateCommand(context));
        root.Add(DiffCommand(context));
        root.Add(ExplainCommand(context));
        root.Add(PreviewCommand(context));
        return root;
    }

    private sealed class Common
    {
        public Argument<string[]> Inputs { get; } = new("INPUT")
        {
            Description = "Files, directories (searched recursively for *.yaml, *.yml, *.json; hidden folders skipped) or - for standard input. Default: the current directory.",
            Arity = ArgumentArity.ZeroOrMore,
        };

        public Option<bool> Strict { get; } = new("--strict") { Description = "Treat warnings as errors." };

        public Option<string[]> Schemas { get; } = new("--schemas")
        {
            Description = "Files or directories of CustomResourceDefinitions whose schemas validate custom kinds (repeatable).",
            AllowMultipleArgumentsPerToken = false,
        };

        public Option<string[]> Clusters { get; } = new("--cluster")
        {
            Description = "Render only this cluster (repeatable).",
        };

        public Option<string?> Shard { get; } = new("--shard")
        {
            Description = "Render only shard I of N (I/N, 1-based): a stable partition of the clusters for parallel CI jobs.",
        };

        public Option<string> Format { get; } = new("--diagnostics-format")
        {
            Description = "How diagnostics are printed on stderr: text, json (one object per line), github (workflow annotations) or sarif (SARIF 2.1.0).",
            DefaultValueFactory = _ => "text",
        };

        public Option<string> MaxFileSize { get; } = new("--max-file-size") { Description = "Largest input file.", DefaultValueFactory = _ => "64MiB" };

        public Option<string> MaxTotalSize { get; } = new("--max-total-size") { Description = "Largest sum of all inputs.", DefaultValueFactory = _ => "256MiB" };

        public Option<int> MaxDepth { get; } = new("--max-depth") { Description = "Deepest nesting of one document.", DefaultValueFactory = _ => LoadLimits.Default.MaxDepth };

        public Option<int> MaxNodes { get; } = new("--max-nodes") { Description = "Most nodes one document may expand to, aliases included.", DefaultValueFactory = _ => LoadLimits.Default.MaxNodes };

        public void AddTo(Command command)
        {
            command.Add(Inputs);
            command.Add(Strict);
            command.Add(Schemas);
            command.Add(Clusters);
            command.Add(Shard);
            command.Add(Format);
            command.Add(MaxFileSize);
            command.Add(MaxTotalSize);
            command.Add(MaxDepth);
            command.Add(MaxNodes);
        }

        /// <summary>Reads the shared options; null with diagnostics when one is invalid.</summary>
        public (RenderOptions? Options, DiagnosticFormat Format, List<Diagnostic> Problems) Read(ParseResult parsed)
        {
            var problems = new List<Diagnostic>();
            var format = DiagnosticFormat.Text;
            switch (parsed.GetValue(Format))
            {
                case "text":
                    break;
                case "json":
                    format = DiagnosticFormat.Json;
                    break;
                case "github":
                    format = DiagnosticFormat.GitHub;
                    break;
                case "sarif":
                    format = DiagnosticFormat.Sarif;
                    break;
                case var other:
                    problems.Add(CliDiagnostics.InvalidOption("--diagnostics-format", other ?? string.Empty, "use text, json, github or sarif"));
                    break;
            }

            long fileSize = 0, totalSize = 0;
            if (!SizeParser.TryParse(parsed.GetValue(MaxFileSize) ?? string.Empty, out fileSize))
            {
                problems.Add(CliDiagnostics.InvalidOption("--max-file-size", parsed.GetValue(MaxFileSize) ?? string.Empty, "give a size such as 64MiB"));
            }

            if (!SizeParser.TryParse(parsed.GetValue(MaxTotalSize) ?? string.Empty, out totalSize))
            {
                problems.Add(CliDiagnostics.InvalidOption("--max-total-size", parsed.GetValue(MaxTotalSize) ?? string.Empty, "give a size such as 256MiB"));
            }

            var depth = parsed.GetValue(MaxDepth);
            var nodes = parsed.GetValue(MaxNodes);
            if (depth < 1) problems.Add(CliDiagnostics.InvalidOption("--max-depth", depth.ToString(CultureInfo.InvariantCulture), "give a positive number"));
            if (nodes < 1) problems.Add(CliDiagnostics.InvalidOption("--max-nodes", nodes.ToString(CultureInfo.InvariantCulture), "give a positive number"));
            var filter = ClusterFilter.All;
            var names = parsed.GetValue(Clusters) ?? [];
            var shard = parsed.GetValue(Shard);
            var (index, count) = (1, 1);
            if (shard is not null)
            {
                var parts = shard.Split('/');
                if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out index)
                    || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || index < 1 || index > count)
                {
                    problems.Add(CliDiagnostics.InvalidOption("--shard", shard, "write I/N with 1 <= I <= N, such as 2/4"));
                }
            }

            if (names.Length > 0 || count > 1) filter = new ClusterFilter(names.Length > 0 ? names.ToHashSet(StringComparer.Ordinal) : null, index, count);
            if (problems.Count > 0) return (null, format, problems);

            var limits = new LoadLimits { MaxFileBytes = fileSize, MaxTotalBytes = totalSize, MaxDepth = depth, MaxNodes = nodes };
            return (new RenderOptions { Strict = parsed.GetValue(Strict), Limits = limits, Clusters = filter }, format, problems);
        }
    }

    private static Option<string?> OutputOption(bool required = true) => new("--output", "-o")
    {
        Description = "The output directory: one folder per member cluster, each with a kustomization.yaml.",
        Required = required,
    };

    private static Command RenderCommand(CliContext context)
    {
        var common = new Common();
        var output = OutputOption(required: false);
        var force = new Option<bool>("--force") { Description = "Write into a directory fedrender did not create, and overwrite files it did not write." };
        var stdout = new Option<bool>("--stdout") { Description = "Print one cluster's objects (choose it with --cluster) as a multi-document YAML stream instead of writing --output." };
        var command = new Command("render", "Render every member cluster's manifests into --output. Nothing is written when any error is found.");
        common.AddTo(command);
        command.Add(output);
        command.Add(force);
        command.Add(stdout);
        command.SetAction(parsed =>
        {
            var session = new Session(context, common, parsed);
            if (parsed.GetValue(stdout)) return session.RenderToStdout(parsed.GetValue(common.Clusters) ?? []);
            if (parsed.GetValue(output) is not { } directory)
            {
                context.Error.Write("fedrender: Option '--output' is required (or --stdout with --cluster).\n");
                return UsageOrIo;
            }

            return session.Render(directory, parsed.GetValue(force));
        });
        return command;
    }

    private static Command CheckCommand(CliContext context)
    {
        var common = new Common();
        var output = OutputOption();
        var command = new Command("check", "Exit 0 when --output is exactly what render would write, 1 when it is stale (listing what differs per cluster).");
        common.AddTo(command);
        command.Add(output);
        command.SetAction(parsed => new Session(context, common, parsed).Check(parsed.GetValue(output) ?? string.Empty));
        return command;
    }

    private static Command ValidateCommand(CliContext context)
    {
        var common = new Common();
        var command = new Command("validate", "Run every check and write nothing.");
        common.AddTo(command);
        command.SetAction(parsed => new Session(context, common, parsed).Validate());
        return command;
    }

    private static Command DiffCommand(CliContext context)
    {
        var common = new Common();
        var output = OutputOption();
        var format = new Option<string>("--format") { Description = "text (unified diffs, coloured on a terminal) or markdown (a pull-request comment).", DefaultValueFactory = _ => "text" };
        var command = new Command("diff", "Show what render would change in --output, per cluster: added, removed and changed files with unified diffs. Exit 0 when nothing changes, 1 otherwise.");
        common.AddTo(command);
        command.Add(output);
        command.Add(format);
        command.SetAction(parsed => new Session(context, common, parsed).Diff(parsed.GetValue(output) ?? string.Empty, parsed.GetValue(format) ?? "text"));
        return command;
    }

    private static Command ExplainCommand(CliContext context)
    {
        var common = new Common();
        var field = new Option<string?>("--field") { Description = "Explain only this field of the object (a JSON pointer such as /spec/replicas)." };
        var command = new Command("explain", "Why KIND/NAMESPACE/NAME (or KIND/NAME) is or is not on a cluster, and where each of its fields came from: the template line or the override that set it last. Usage: fedrender explain [INPUT...] --cluster CLUSTER KIND/NAMESPACE/NAME");
        common.AddTo(command);
        command.Add(field);
        command.SetAction(parsed => new Session(context, common, parsed).Explain(parsed.GetValue(field)));
        return command;
    }

    private static Command PreviewCommand(CliContext context)
    {
        var common = new Common();
        var output = new Option<string?>("--output", "-o")
        {
            Description = "The HTML file to write (a directory gets preview.html in it).",
            Required = true,
        };
        var groupBy = new Option<string?>("--group-by") { Description = "Group the cluster columns by this cluster label, such as region." };
        var command = new Command("preview", "Write one self-contained HTML page of what every cluster gets: resources by clusters, replicas, where a cluster differs from the template, and each cell's YAML, overrides and diff.");
        common.AddTo(command);
        command.Add(output);
        command.Add(groupBy);
        command.SetAction(parsed => new Session(context, common, parsed).Preview(parsed.GetValue(output) ?? string.Empty, parsed.GetValue(groupBy)));
        return command;
    }

    private static Command FederateCommand(CliContext context)
    {
        var common = new Common();
        var clusters = new Option<string?>("--placement-clusters") { Description = "Place every document on these clusters (comma-separated) instead of on all clusters." };
        var namespaceToo = new Option<bool>("--namespace-too") { Description = "Also write a FederatedNamespace for each namespace the objects use." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the documents to this file instead of standard output." };
        var command = new Command("federate", "Turn plain Kubernetes manifests into Federated documents, as kubefedctl federate did.");
        common.AddTo(command);
        command.Add(clusters);
        command.Add(namespaceToo);
        command.Add(output);
        command.SetAction(parsed =>
        {
            var names = parsed.GetValue(clusters)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return new Session(context, common, parsed).Federate(new Core.Pipeline.FederateOptions(names, parsed.GetValue(namespaceToo)), parsed.GetValue(output));
        });
        return command;
    }

    /// <summary>Progress on stderr while clusters are written, only when stderr is a terminal; silent otherwise.</summary>
    private sealed class Progress(CliContext context)
    {
        private readonly object gate = new();
        private int clusters;
        private int objects;

        public void ClusterDone(int written)
        {
            if (!context.ErrorIsTerminal) return;
            lock (gate)
            {
                clusters++;
                objects += written;
                context.Error.Write($"\rfedrender: {DiagnosticPrinter.Plural(clusters, "cluster")} done, {DiagnosticPrinter.Plural(objects, "object")} written");
            }
        }

        public void Done()
        {
            if (context.ErrorIsTerminal && clusters > 0) context.Error.Write("\r\u001b[K");
        }
    }

    /// <summary>One invocation: reads the inputs, renders, reports, and (for render) writes.</summary>
    private sealed class Session(CliContext context, Common common, ParseResult parsed)
    {
        private DiagnosticPrinter printer = new(context.Error, DiagnosticFormat.Text);
        private ClusterFilter filter = ClusterFilter.All;

        public int Validate()
        {
            var (result, exit) = RenderInputs(excludeDirectory: null);
            if (result is null) return exit;
            Summarize(result.Diagnostics, result.HasErrors ? "nothing written" : "valid");
            return result.HasErrors ? Failed : Ok;
        }

        public int RenderToStdout(IReadOnlyList<string> clusters)
        {
            if (clusters.Count != 1)
            {
                context.Error.Write("fedrender: --stdout prints one cluster; name it with --cluster NAME.\n");
                return UsageOrIo;
            }

            var (result, exit) = RenderInputs(excludeDirectory: null);
            if (result is null) return exit;
            if (result.HasErrors)
            {
                Summarize(result.Diagnostics, "nothing printed");
                return Failed;
            }

            var cluster = result.Clusters.SingleOrDefault();
            if (cluster is null)
            {
                Summarize(result.Diagnostics, $"cluster \"{clusters[0]}\" receives nothing (is it registered, and is anything placed on it?)");
                return Failed;
            }

            // In apply order, as the cluster's kustomization.yaml lists them.
            var byPath = cluster.Files.ToDictionary(f => f.RelativePath, f => f.Content, StringComparer.Ordinal);
            var order = byPath[Core.Output.ManifestLayout.KustomizationFile].Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..]);
            foreach (var path in order)
            {
                context.Out.Write("---\n");
                context.Out.Write(byPath[path]);
            }

            Summarize(result.Diagnostics, $"{DiagnosticPrinter.Plural(byPath.Count - 1, "object")} of cluster {cluster.Cluster} printed");
            return Ok;
        }

        public int Render(string output, bool force)
        {
            var directory = Directory(output);
            var target = directory.Output;
            var (options, format, problems) = common.Read(parsed);
            printer = new DiagnosticPrinter(context.Error, format);
            if (options is null)
            {
                printer.Print(problems);
                return UsageOrIo;
            }

            var (files, inputDiagnostics, ioFailed) = Collect(options, directory.Full);
            if (ioFailed) return UsageOrIo;
            if (target.CheckPath() is { } pathProblem) return Fail(inputDiagnostics, [pathProblem]);

            target.Recover();
            var (owned, foreign, hasManifest) = target.Inventory();
            if (!force && foreign.Count > 0 && !hasManifest) return Fail(inputDiagnostics, [CliDiagnostics.NotOurDirectory(target.Display, foreign.Count)]);

            // Clusters are rendered and written into a new tree one by one, so memory stays flat however large the fleet.
            StagedOutput? staged = null;
            IReadOnlyList<Diagnostic> diagnostics;
            try
            {
                // With --cluster or --shard, the other clusters' files stay as they are.
                var keepOwned = options.Clusters.IsAll
                    ? new HashSet<string>(StringComparer.Ordinal)
                    : owned.Where(o => !options.Clusters.Includes(o.Split('/')[0])).ToHashSet(StringComparer.Ordinal);
                staged = target.Begin(owned, foreign, keepOwned);
                var progress = new Progress(context);
                var writer = staged;
                diagnostics = FederationRenderer.RenderTo(files, options, cluster =>
                {
                    writer.Write(cluster);
                    progress.ClusterDone(cluster.Files.Count - 1);
                });
                progress.Done();
            }
            catch (Exception e) when (target.WriteFailure(e) is { } failure)
            {
                staged?.Abort();
                return Fail(inputDiagnostics, [failure]);
            }

            var all = DiagnosticOrder.Sort(inputDiagnostics.Concat(diagnostics));
            printer.Print(all);
            if (all.Any(d => d.IsError))
            {
                staged.Abort();
                Summarize(all, "nothing written");
                return Failed;
            }

            if (!force && staged.Collisions.Count > 0)
            {
                staged.Abort();
                return Fail(all, staged.Collisions.Select(f => CliDiagnostics.ForeignFileInTheWay(target.Display, f)).ToList());
            }

            if (hasManifest && staged.UpToDate)
            {
                staged.Abort();
                Summarize(all, $"{target.Display} is up to date ({DiagnosticPrinter.Plural(staged.Objects, "object")}); nothing rewritten");
                return Ok;
            }

            if (staged.Commit(foreign) is { } writeProblem) return Fail(all, [writeProblem]);
            Summarize(all, $"{DiagnosticPrinter.Plural(staged.Objects, "object")} for {DiagnosticPrinter.Plural(staged.Clusters, "cluster")} written to {target.Display}");
            return Ok;
        }

        private (IReadOnlyList<Core.Input.SourceFile> Files, IReadOnlyList<Diagnostic> Diagnostics, bool IoFailed) Collect(RenderOptions options, string? excludeDirectory)
        {
            var collector = new InputCollector(context, options.Limits);
            var inputs = (parsed.GetValue(common.Inputs) ?? []).ToList();
            var schemas = parsed.GetValue(common.Schemas) ?? [];
            if (inputs.Count == 0 && schemas.Length > 0) inputs.Add(".");
            var (files, inputDiagnostics, ioFailed) = collector.Collect([.. inputs, .. schemas], excludeDirectory);
            if (ioFailed)
            {
                printer.Print(inputDiagnostics);
                Summarize(inputDiagnostics, "nothing written");
            }

            return (files, inputDiagnostics, ioFailed);
        }

        public int Federate(Core.Pipeline.FederateOptions federateOptions, string? output)
        {
            var (options, format, problems) = common.Read(parsed);
            printer = new DiagnosticPrinter(context.Error, format);
            if (options is null)
            {
                printer.Print(problems);
                return UsageOrIo;
            }

            var outputFull = output is null ? null : Path.GetFullPath(output, context.CurrentDirectory);
            var (files, inputDiagnostics, ioFailed) = new InputCollector(context, options.Limits).Collect(parsed.GetValue(common.Inputs) ?? [], null);
            if (ioFailed)
            {
                printer.Print(inputDiagnostics);
                return UsageOrIo;
            }

            var result = FederationRenderer.Federate(files.Where(f => outputFull is null || Path.GetFullPath(f.Path, context.CurrentDirectory) != outputFull).ToList(), options.Limits, federateOptions);
            var all = DiagnosticOrder.Sort(inputDiagnostics.Concat(result.Diagnostics));
            printer.Print(all);
            if (result.HasErrors)
            {
                Summarize(all, "nothing written");
                return Failed;
            }

            if (outputFull is null)
            {
                context.Out.Write(result.Yaml);
                return Ok;
            }

            try
            {
                context.FileSystem.ReplaceFile(outputFull, System.Text.Encoding.UTF8.GetBytes(result.Yaml));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                printer.Print([CliDiagnostics.OutputWriteFailed(output ?? string.Empty, e.Message.TrimEnd('.'))]);
                return Failed;
            }

            Summarize(all, $"{DiagnosticPrinter.Plural(result.Documents, "document")} written to {output}");
            return Ok;
        }

        public int Explain(string? field)
        {
            var clusters = parsed.GetValue(common.Clusters) ?? [];
            if (clusters.Length != 1)
            {
                context.Error.Write("fedrender: explain needs exactly one --cluster NAME\n");
                return UsageOrIo;
            }

            var cluster = clusters[0];
            var arguments = (parsed.GetValue(common.Inputs) ?? []).ToList();
            if (arguments.Count == 0 || arguments[^1].Split('/') is not { Length: 2 or 3 } parts)
            {
                context.Error.Write("fedrender: name the object last, as KIND/NAMESPACE/NAME (or KIND/NAME for a cluster-scoped one)\n");
                return UsageOrIo;
            }

            var (options, format, problems) = common.Read(parsed);
            printer = new DiagnosticPrinter(context.Error, format);
            if (options is null)
            {
                printer.Print(problems);
                return UsageOrIo;
            }

            var inputs = arguments[..^1];
            var (files, inputDiagnostics, ioFailed) = new InputCollector(context, options.Limits).Collect(inputs, null);
            if (ioFailed)
            {
                printer.Print(inputDiagnostics);
                return UsageOrIo;
            }

            var (kind, ns, name) = parts.Length == 3 ? (parts[0], parts[1], parts[2]) : (parts[0], (string?)null, parts[1]);
            var (explanation, diagnostics) = FederationRenderer.Explain(files, options, cluster, kind, ns, name, field);
            var all = DiagnosticOrder.Sort(inputDiagnostics.Concat(diagnostics));
            printer.Print(all);
            if (explanation is null)
            {
                Summarize(all, $"no federated document renders {arguments[^1]}");
                return Failed;
            }

            var output = context.Out;
            output.Write($"{explanation.Object} on cluster \"{explanation.Cluster}\": {(explanation.Rendered ? "rendered" : "not rendered")}\n");
            foreach (var step in explanation.Steps)
            {
                output.Write($"  {step.Topic,-10} {step.Text}{(step.Location.IsNone ? string.Empty : $" [{step.Location}]")}\n");
            }

            if (explanation.Fields.Count > 0) output.Write("fields:\n");
            foreach (var origin in explanation.Fields)
            {
                output.Write($"  {origin.Pointer} = {origin.Value}\n      {origin.Origin}{(origin.Location.IsNone ? string.Empty : $" [{origin.Location}]")}\n");
            }

            Summarize(all, "explained");
            return Ok;
        }

        public int Preview(string output, string? groupBy)
        {
            var (options, format, problems) = common.Read(parsed);
            printer = new DiagnosticPrinter(context.Error, format);
            if (options is null)
            {
                printer.Print(problems);
                return UsageOrIo;
            }

            var full = Path.GetFullPath(output, context.CurrentDirectory);
            if (context.FileSystem.DirectoryExists(full)) full = Path.Combine(full, "preview.html");
            var display = Path.GetRelativePath(context.CurrentDirectory, full).Replace('\\', '/');
            var (files, inputDiagnostics, ioFailed) = Collect(options, excludeDirectory: null);
            if (ioFailed) return UsageOrIo;
            var preview = FederationRenderer.Preview(files.Where(f => Path.GetFullPath(f.Path, context.CurrentDirectory) != full).ToList(), options);
            var all = DiagnosticOrder.Sort(inputDiagnostics.Concat(preview.Diagnostics));
            printer.Print(all);
            if (all.Any(d => d.IsError))
            {
                Summarize(all, "nothing written");
                return Failed;
            }

            var html = Renderer.Cli.Preview.PreviewWriter.Html(preview with { Diagnostics = all }, groupBy);
            try
            {
                context.FileSystem.ReplaceFile(full, System.Text.Encoding.UTF8.GetBytes(html));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                printer.Print([CliDiagnostics.OutputWriteFailed(display, e.Message.TrimEnd('.'))]);
                return Failed;
            }

            Summarize(all, $"preview of {DiagnosticPrinter.Plural(preview.Rows.Count, "resource")} on {DiagnosticPrinter.Plural(preview.Clusters.Count, "cluster")} written to {display}");
            return Ok;
        }

        public int Diff(string output, string format)
        {
            if (format is not ("text" or "markdown"))
            {
                printer.Print([CliDiagnostics.InvalidOption("--format", format, "use text or markdown")]);
                return UsageOrIo;
            }

            var (comparison, exit) = Compare(output);
            if (comparison is null) return exit;
            var (result, target, tree, owned, removed) = comparison;
            var changes = Renderer.Cli.Diff.OutputDiff.Compute(tree, relative => owned.Contains(relative) ? target.ReadOwned(relative) : null, removed);
            if (format == "markdown") Renderer.Cli.Diff.DiffWriter.Markdown(context.Out, changes);
            else Renderer.Cli.Diff.DiffWriter.Text(context.Out, changes, context.OutIsTerminal);
            Summarize(result.Diagnostics, changes.Count == 0 ? $"{target.Display} would not change" : $"{DiagnosticPrinter.Plural(changes.Count, "file")} would change in {target.Display}");
            return changes.Count == 0 ? Ok : Failed;
        }

        public int Check(string output)
        {
            var (comparison, exit) = Compare(output);
            if (comparison is null) return exit;
            var (result, target, tree, owned, removed) = comparison;
            var changes = new SortedDictionary<string, char>(StringComparer.Ordinal);
            foreach (var (relative, content) in tree)
            {
                var existing = owned.Contains(relative) ? target.ReadOwned(relative) : null;
                if (existing is null) changes[relative] = '+';
                else if (!existing.AsSpan().SequenceEqual(content)) changes[relative] = '~';
            }

            foreach (var relative in removed) changes[relative] = '-';
            if (changes.Count == 0)
            {
                Summarize(result.Diagnostics, $"{target.Display} is up to date");
                return Ok;
            }

            foreach (var cluster in changes.GroupBy(c => c.Key.Split('/')[0], StringComparer.Ordinal))
            {
                var added = cluster.Count(c => c.Value == '+');
                var deleted = cluster.Count(c => c.Value == '-');
                var changed = cluster.Count(c => c.Value == '~');
                context.Out.Write($"{cluster.Key}: {added} added, {deleted} removed, {changed} changed\n");
                foreach (var (path, mark) in cluster) context.Out.Write($"  {mark} {path}\n");
            }

            return Fail(result.Diagnostics, [CliDiagnostics.Stale(target.Display, changes.Count)], "stale");
        }

        private sealed record Comparison(RenderResult Result, OutputDirectory Target, SortedDictionary<string, byte[]> Tree, IReadOnlySet<string> Owned, IReadOnlyList<string> Removed);

        /// <summary>What check and diff compare: the render, and the files fedrender owns in --output (those of the selected clusters it would remove).</summary>
        private (Comparison? Comparison, int Exit) Compare(string output)
        {
            var directory = Directory(output);
            var (result, exit) = RenderInputs(directory.Full);
            if (result is null) return (null, exit);
            if (result.HasErrors)
            {
                Summarize(result.Diagnostics, "nothing compared");
                return (null, Failed);
            }

            var target = directory.Output;
            if (target.CheckPath() is { } pathProblem) return (null, Fail(result.Diagnostics, [pathProblem]));
            var tree = OutputTree.From(result.Clusters);
            var (owned, _, _) = target.Inventory();
            var removed = owned.Where(o => !tree.ContainsKey(o) && filter.Includes(o.Split('/')[0])).Order(StringComparer.Ordinal).ToList();
            return (new Comparison(result, target, tree, owned, removed), Ok);
        }

        private (string Full, OutputDirectory Output) Directory(string output)
        {
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output, context.CurrentDirectory));
            var display = Path.GetRelativePath(context.CurrentDirectory, full).Replace('\\', '/');
            return (full, new OutputDirectory(context.FileSystem, full, display));
        }

        /// <summary>Reads options and inputs and renders; a null result comes with the exit code to return.</summary>
        private (RenderResult? Result, int Exit) RenderInputs(string? excludeDirectory)
        {
            var (options, format, problems) = common.Read(parsed);
            printer = new DiagnosticPrinter(context.Error, format);
            if (options is null)
            {
                printer.Print(problems);
                return (null, UsageOrIo);
            }

            filter = options.Clusters;
            var (files, inputDiagnostics, ioFailed) = Collect(options, excludeDirectory);
            if (ioFailed) return (null, UsageOrIo);

            var result = FederationRenderer.Render(files, options);
            var all = DiagnosticOrder.Sort(inputDiagnostics.Concat(result.Diagnostics));
            printer.Print(all);
            return (result with { Diagnostics = all }, Ok);
        }

        private int Fail(IReadOnlyList<Diagnostic> earlier, IReadOnlyList<Diagnostic> problems, string outcome = "nothing written")
        {
            printer.Print(problems);
            Summarize(earlier.Concat(problems).ToList(), outcome);
            return Failed;
        }

        private void Summarize(IReadOnlyCollection<Diagnostic> diagnostics, string outcome)
        {
            printer.Flush();
            if (!printer.AllowsSummary) return;
            var counts = DiagnosticPrinter.Count(diagnostics);
            context.Error.Write($"fedrender: {(counts.Length > 0 ? counts + "; " : string.Empty)}{outcome}\n");
        }
    }
}
