using System.Globalization;
using System.Text;
using System.Text.Json;
using Renderer.Core.Diagnostics;

namespace Renderer.Cli.Output;

/// <summary>Prints diagnostics as compiler-style lines or as one JSON object per line.</summary>
public sealed class DiagnosticPrinter(TextWriter writer, DiagnosticFormat format)
{
    public void Print(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics) writer.Write(Format(diagnostic, format));
    }

    public static string Format(Diagnostic diagnostic, DiagnosticFormat format) => format switch
    {
        DiagnosticFormat.Json => Json(diagnostic) + "\n",
        _ => diagnostic + "\n",
    };

    private static string Json(Diagnostic diagnostic)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("severity", Severity(diagnostic.Severity));
            json.WriteString("code", diagnostic.Code);
            json.WriteString("file", diagnostic.Location.File);
            json.WriteNumber("line", diagnostic.Location.Line);
            json.WriteNumber("column", diagnostic.Location.Column);
            json.WriteString("message", diagnostic.Message);
            if (diagnostic.Cluster is not null) json.WriteString("cluster", diagnostic.Cluster);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Severity(Severity severity) => severity switch
    {
        Core.Diagnostics.Severity.Error => "error",
        Core.Diagnostics.Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>"2 errors, 1 warning" (nothing when there are none).</summary>
    public static string Count(IReadOnlyCollection<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == Core.Diagnostics.Severity.Error);
        var warnings = diagnostics.Count(d => d.Severity == Core.Diagnostics.Severity.Warning);
        var parts = new List<string>();
        if (errors > 0) parts.Add(Plural(errors, "error"));
        if (warnings > 0) parts.Add(Plural(warnings, "warning"));
        return string.Join(", ", parts);
    }

    public static string Plural(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}
