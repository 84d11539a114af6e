using System.Globalization;
using System.Text;
using System.Text.Json;
using Renderer.Core.Diagnostics;

namespace Renderer.Cli.Output;

/// <summary>
/// Prints diagnostics in the chosen format. Line formats print as they go; SARIF collects everything and
/// writes one log when the run ends (<see cref="Flush"/>).
/// </summary>
public sealed class DiagnosticPrinter(TextWriter writer, DiagnosticFormat format)
{
    private readonly List<Diagnostic> collected = [];

    /// <summary>Whether a human summary line may follow on the same stream (not inside machine-read formats).</summary>
    public bool AllowsSummary => format is DiagnosticFormat.Text or DiagnosticFormat.GitHub;

    /// <summary>How many diagnostics of one code the text and GitHub formats print; the rest are counted in one line.</summary>
    public const int PerCode = 100;

    private readonly Dictionary<string, int> printed = new(StringComparer.Ordinal);

    public void Print(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (format == DiagnosticFormat.Sarif)
            {
                collected.Add(diagnostic);
                continue;
            }

            var count = printed[diagnostic.Code] = printed.GetValueOrDefault(diagnostic.Code) + 1;
            if (format == DiagnosticFormat.Json || count <= PerCode) writer.Write(Format(diagnostic, format));
        }
    }

    /// <summary>For text and GitHub output: one line per code that had more than <see cref="PerCode"/> diagnostics.</summary>
    public void PrintOmitted()
    {
        if (format is not (DiagnosticFormat.Text or DiagnosticFormat.GitHub)) return;
        foreach (var (code, count) in printed.Where(p => p.Value > PerCode).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var line = $"{Plural(count - PerCode, "more " + code + " diagnostic")} not shown (the first {PerCode} are above; --diagnostics-format json lists all)";
            writer.Write(format == DiagnosticFormat.GitHub ? $"::notice title=fedrender::{line}\n" : $"fedrender: {line}\n");
        }
    }

    public void Flush()
    {
        if (format != DiagnosticFormat.Sarif) return;
        writer.Write(Sarif(collected));
        collected.Clear();
    }

    public static string Format(Diagnostic diagnostic, DiagnosticFormat format) => format switch
    {
        DiagnosticFormat.Json => Json(diagnostic) + "\n",
        DiagnosticFormat.GitHub => GitHub(diagnostic) + "\n",
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

    /// <summary><c>::error file=F,line=L,col=C,title=FR1234::message</c>, escaped as GitHub's workflow commands require.</summary>
    private static string GitHub(Diagnostic diagnostic)
    {
        var command = diagnostic.Severity switch
        {
            Core.Diagnostics.Severity.Error => "error",
            Core.Diagnostics.Severity.Warning => "warning",
            _ => "notice",
        };
        var properties = new List<string>();
        if (!diagnostic.Location.IsNone)
        {
            properties.Add("file=" + EscapeProperty(diagnostic.Location.File));
            if (diagnostic.Location.Line > 0)
            {
                properties.Add("line=" + diagnostic.Location.Line.ToString(CultureInfo.InvariantCulture));
                properties.Add("col=" + diagnostic.Location.Column.ToString(CultureInfo.InvariantCulture));
            }
        }

        properties.Add("title=" + EscapeProperty(diagnostic.Code));
        return $"::{command} {string.Join(',', properties)}::{EscapeData(diagnostic.Message)}";
    }

    private static string EscapeData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>A SARIF 2.1.0 log with one run: a rule per code used, a result per diagnostic.</summary>
    public static string Sarif(IReadOnlyList<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "fedrender");
            json.WriteString("version", CliApp.Version);
            json.WriteStartArray("rules");
            foreach (var code in diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("id", code);
                json.WriteString("helpUri", "docs/diagnostics.md#" + code.ToLowerInvariant());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var diagnostic in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", diagnostic.Code);
                json.WriteString("level", diagnostic.Severity switch { Core.Diagnostics.Severity.Error => "error", Core.Diagnostics.Severity.Warning => "warning", _ => "note" });
                json.WriteStartObject("message");
                json.WriteString("text", diagnostic.Message);
                json.WriteEndObject();
                if (!diagnostic.Location.IsNone)
                {
                    json.WriteStartArray("locations");
                    json.WriteStartObject();
                    json.WriteStartObject("physicalLocation");
                    json.WriteStartObject("artifactLocation");
                    json.WriteString("uri", diagnostic.Location.File);
                    json.WriteEndObject();
                    if (diagnostic.Location.Line > 0)
                    {
                        json.WriteStartObject("region");
                        json.WriteNumber("startLine", diagnostic.Location.Line);
                        json.WriteNumber("startColumn", diagnostic.Location.Column);
                        json.WriteEndObject();
                    }

                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
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
