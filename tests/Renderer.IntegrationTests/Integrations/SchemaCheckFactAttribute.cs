using Renderer.Tests.Support;

namespace Renderer.IntegrationTests.Integrations;

/// <summary>
/// A fact that validates with ajv (tests/schema-check, installed by <c>npm ci</c> in .ci/run and the build's
/// Test target). Where node or the installed packages are missing it is skipped, saying why, except under
/// CI=true, where the test runs and fails on the missing tool.
/// </summary>
public sealed class SchemaCheckFactAttribute : FactAttribute
{
    public static string Directory => Path.Combine(RepositoryPaths.Root, "tests", "schema-check");

    public SchemaCheckFactAttribute()
    {
        if (Missing() is { } reason && !ExternalTool.MissingToolFails) Skip = reason;
    }

    /// <summary>Why ajv cannot run here, or null.</summary>
    public static string? Missing()
    {
        if (ExternalTool.Find("node") is null) return "node is not on PATH: install Node.js (Debian package nodejs) to validate the schemas with ajv.";
        if (!File.Exists(Path.Combine(Directory, "node_modules", "ajv", "package.json")))
        {
            return "ajv is not installed: run npm ci --prefix tests/schema-check (the build's Test target does).";
        }

        return null;
    }
}
