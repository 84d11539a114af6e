using System.CommandLine;
using Renderer.Core.Diagnostics;
using Renderer.Core.Output;

namespace Renderer.Cli.Commands;

/// <summary>
/// --layout, --dry-sha and --repo-url: how render lays out each cluster's directory, taken by render, check
/// and diff alike so that check and diff compare with exactly what render writes.
/// </summary>
public sealed class LayoutOptions
{
    private readonly Option<string> layout = new("--layout")
    {
        Description = "How each cluster's directory is laid out: kustomize (one file per object and a kustomization.yaml) or hydrator (Argo CD's Source Hydrator: manifest.yaml, hydrator.metadata, README.md).",
        DefaultValueFactory = _ => KustomizeLayout.LayoutName,
    };

    private readonly Option<string?> drySha = new("--dry-sha") { Description = "With --layout hydrator: the commit of the inputs, written to hydrator.metadata and README.md." };

    private readonly Option<string?> repoUrl = new("--repo-url") { Description = "With --layout hydrator: the repository of the inputs, written to hydrator.metadata and README.md." };

    public void AddTo(Command command)
    {
        command.Add(layout);
        command.Add(drySha);
        command.Add(repoUrl);
    }

    /// <summary>Reads the options into the run's render options; problems are usage errors.</summary>
    public void Apply(CommandRun run, List<Diagnostic> problems)
    {
        var name = run.Value(layout) ?? KustomizeLayout.LayoutName;
        var sha = run.Value(drySha);
        var url = run.Value(repoUrl);
        if (name == KustomizeLayout.LayoutName)
        {
            if (sha is not null) problems.Add(IntegrationCliDiagnostics.OptionNeedsAnother("--dry-sha", "--layout hydrator", "it fills the Source Hydrator's metadata"));
            if (url is not null) problems.Add(IntegrationCliDiagnostics.OptionNeedsAnother("--repo-url", "--layout hydrator", "it fills the Source Hydrator's metadata"));
            return;
        }

        if (name != HydratorLayout.LayoutName)
        {
            problems.Add(CliDiagnostics.InvalidOption("--layout", name, $"use {KustomizeLayout.LayoutName} or {HydratorLayout.LayoutName}"));
            return;
        }

        if (sha is not null && HydratorLayout.CheckDrySha(sha) is { } shaProblem) problems.Add(CliDiagnostics.InvalidOption("--dry-sha", sha, shaProblem));
        if (url is not null && HydratorLayout.CheckRepoUrl(url) is { } urlProblem) problems.Add(CliDiagnostics.InvalidOption("--repo-url", url, urlProblem));
        var hydrator = new HydratorLayout(url, sha, run.InputArguments);
        run.Adjust(options => options with { Layout = hydrator });
    }

    /// <summary>Whether --layout (or --dry-sha, --repo-url) was given at all.</summary>
    public bool Given(CommandRun run) =>
        run.Parsed.GetResult(layout) is { Implicit: false } || run.Value(drySha) is not null || run.Value(repoUrl) is not null;
}
