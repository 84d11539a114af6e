namespace Renderer.Tests.Support;

/// <summary>
/// A fact that runs real tools. Where one is missing it is skipped, and the skip reason names the tool and the
/// command that installs it; under CI=true it runs anyway and fails where it first needs the missing tool.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params Tool[] tools)
    {
        var missing = tools.Select(t => ExternalTool.Of(t).Missing()).OfType<string>().ToList();
        if (missing.Count > 0 && !ExternalTool.MissingToolFails) Skip = string.Join("; ", missing);
    }
}
