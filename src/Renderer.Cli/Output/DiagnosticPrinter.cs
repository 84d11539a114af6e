using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Renderer.Core.Diagnostics;

namespace Renderer.Cli.Output;

/// <summary>
/// Prints diagnostics in the chosen format, as it goes: JSON lines and SARIF results are written one by one
/// through a small buffer that is handed to the stream every <see cref="ChunkBytes"/> bytes, so neither format
/// holds the whole output in memory. A SARIF log is opened by the first <see cref="Print"/> (its rules are the
/// codes of that batch) and closed by <see cref="Flush"/>.
/// </summary>
public sealed class DiagnosticPrinter(TextWriter writer, DiagnosticFormat format)
{
    /// <summary>How many bytes of output are gathered before they are written.</summary>
    public const int ChunkBytes = 64 * 1024;

    /// <summary>How many diagnostics of one code the text and GitHub formats print; the rest are counted in one line.</summary>
    public const int PerCode = 100;

    private readonly ArrayBufferWriter<byte> buffer = new(ChunkBytes * 2);
    private readonly Dictionary<string, int> printed = new(StringComparer.Ordinal);
    private char[] chars = [];
    private Utf8JsonWriter? json;
    private bool sarifOpen;

    /// <summary>Whether a human summary line may follow on the same stream (not inside machine-read formats).</summary>
    public bool AllowsSummary => format is DiagnosticFormat.Text or DiagnosticFormat.GitHub;

    public void Print(IReadOnlyCollection<Diagnostic> diagnostics)
    {
        if (format == DiagnosticFormat.Sarif && !sarifOpen) OpenSarif(diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            switch (format)
            {
                case DiagnosticFormat.Sarif:
                    SarifResult(Json(), diagnostic);
                    break;
                case DiagnosticFormat.Json:
                    JsonLine(Json(), diagnostic);
                    Json().Flush();
                    buffer.Write("\n"u8);
                    Json().Reset(buffer);
                    break;
                default:
                    var count = printed[diagnostic.Code] = printed.GetValueOrDefault(diagnostic.Code) + 1;
                    if (count <= PerCode) Append(Format(diagnostic, format));
                    break;
            }

            if (json is not null) json.Flush();
            if (buffer.WrittenCount >= ChunkBytes) WriteBuffer();
        }

        WriteBuffer();
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

    /// <summary>Ends the output: closes the SARIF log (an empty one when nothing was printed).</summary>
    public void Flush()
    {
        if (format != DiagnosticFormat.Sarif) return;
        if (!sarifOpen) OpenSarif([]);
        var sarif = Json();
        sarif.WriteEndArray();
        sarif.WriteEndObject();
        sarif.WriteEndArray();
        sarif.WriteEndObject();
        sarif.Flush();
        buffer.Write("\n"u8);
        WriteBuffer();
        sarifOpen = false;
    }

    public static string Format(Diagnostic diagnostic, DiagnosticFormat format)
    {
        switch (format)
        {
            case DiagnosticFormat.Json:
                var bytes = new ArrayBufferWriter<byte>();
                using (var line = new Utf8JsonWriter(bytes)) JsonLine(line, diagnostic);
                return Encoding.UTF8.GetString(bytes.WrittenSpan) + "\n";
            case DiagnosticFormat.GitHub:
                return GitHub(diagnostic) + "\n";
            default:
                return diagnostic + "\n";
        }
    }

    /// <summary>A SARIF 2.1.0 log with one run: a rule per code used, a result per diagnostic.</summary>
    public static string Sarif(IReadOnlyCollection<Diagnostic> diagnostics)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var printer = new DiagnosticPrinter(text, DiagnosticFormat.Sarif);
        printer.Print(diagnostics);
        printer.Flush();
        return text.ToString();
    }

    private Utf8JsonWriter Json() =>
        json ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = format == DiagnosticFormat.Sarif });

    private void Append(string text) => writer.Write(text);

    private void WriteBuffer()
    {
        json?.Flush();
        if (buffer.WrittenCount == 0) return;
        var needed = Encoding.UTF8.GetMaxCharCount(buffer.WrittenCount);
        if (chars.Length < needed) chars = new char[needed];
        var count = Encoding.UTF8.GetChars(buffer.WrittenSpan, chars);
        writer.Write(chars, 0, count);
        buffer.ResetWrittenCount();
    }

    private static void JsonLine(Utf8JsonWriter json, Diagnostic diagnostic)
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

    private void OpenSarif(IEnumerable<Diagnostic> diagnostics)
    {
        sarifOpen = true;
        var sarif = Json();
        sarif.WriteStartObject();
        sarif.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        sarif.WriteString("version", "2.1.0");
        sarif.WriteStartArray("runs");
        sarif.WriteStartObject();
        sarif.WriteStartObject("tool");
        sarif.WriteStartObject("driver");
        sarif.WriteString("name", "fedrender");
        sarif.WriteString("version", CliApp.Version);
        sarif.WriteStartArray("rules");
        foreach (var code in diagnostics.Select(d => d.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            sarif.WriteStartObject();
            sarif.WriteString("id", code);
            sarif.WriteString("helpUri", "docs/diagnostics.md#" + code.ToLowerInvariant());
            sarif.WriteEndObject();
        }

        sarif.WriteEndArray();
        sarif.WriteEndObject();
        sarif.WriteEndObject();
        sarif.WriteStartArray("results");
    }

    private static void SarifResult(Utf8JsonWriter json, Diagnostic diagnostic)
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
