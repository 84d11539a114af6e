using System.CommandLine;

namespace Renderer.Cli.Commands;

/// <summary>The --output options, worded for what each verb writes or compares.</summary>
public static class OutputOptions
{
    public static Option<string?> Directory(bool required, string description = "The output directory: one folder per member cluster, each with a kustomization.yaml.") =>
        new("--output", "-o") { Description = description, Required = required };

    public static Option<string?> File(string description, bool required) =>
        new("--output", "-o") { Description = description, Required = required };
}
