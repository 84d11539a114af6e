using System.Globalization;

namespace Renderer.Core.Diagnostics;

/// <summary>FR1xxx: reading bytes and YAML into documents.</summary>
public static class InputDiagnostics
{
    public static Diagnostic YamlSyntax(SourceLocation at, string detail) =>
        new("FR1001", Severity.Error,
            $"YAML syntax error: {detail.TrimEnd('.')}. Fix the YAML at this position (indent with spaces, close quotes and brackets).", at);

    public static Diagnostic DuplicateKey(SourceLocation at, string key, SourceLocation first) =>
        new("FR1002", Severity.Error,
            $"Key \"{key}\" appears twice in one mapping (first at line {N(first.Line)}); Kubernetes rejects duplicate keys, so keep one of them.", at);

    public static Diagnostic UndefinedAlias(SourceLocation at, string alias) =>
        new("FR1003", Severity.Error,
            $"Alias \"*{alias}\" refers to no anchor defined before it in this document; define \"&{alias}\" earlier or remove the alias.", at);

    public static Diagnostic TooManyNodes(SourceLocation at, int limit) =>
        new("FR1004", Severity.Error,
            $"The document expands to more than {N(limit)} nodes (aliases multiply what they repeat); simplify it, or raise the limit with --max-nodes.", at);

    public static Diagnostic TooDeep(SourceLocation at, int limit) =>
        new("FR1005", Severity.Error,
            $"The document nests deeper than {N(limit)} levels; flatten it, or raise the limit with --max-depth.", at);

    public static Diagnostic AmbiguousScalar(SourceLocation at, string text, string readAs, string fix) =>
        new("FR1006", Severity.Warning,
            $"Plain value \"{text}\" is read by Kubernetes (YAML 1.1) as {readAs}; {fix}.", at);

    public static Diagnostic NotRepresentable(SourceLocation at, string text) =>
        new("FR1007", Severity.Error,
            $"Value \"{text}\" is infinity or not-a-number, which JSON and Kubernetes cannot hold; quote it to make it a string.", at);

    public static Diagnostic InvalidUtf8(SourceLocation at, long byteOffset) =>
        new("FR1008", Severity.Error,
            $"The file is not valid UTF-8 (first bad byte at offset {N(byteOffset)}); save it as UTF-8.", at);

    public static Diagnostic NulByte(SourceLocation at) =>
        new("FR1009", Severity.Error,
            "The file contains a NUL byte, so it is binary, not YAML; remove it from the inputs.", at);

    public static Diagnostic FileTooLarge(SourceLocation at, long limit) =>
        new("FR1010", Severity.Error,
            $"The file holds more than {N(limit)} bytes, the limit for one input (counted as read); split it, or raise the limit with --max-file-size.", at);

    public static Diagnostic InputsTooLarge(SourceLocation at, long limit) =>
        new("FR1011", Severity.Error,
            $"The inputs together exceed {N(limit)} bytes; render fewer at once, or raise the limit with --max-total-size.", at);

    public static Diagnostic InputsTooManyNodes(SourceLocation at, long limit) =>
        new("FR1018", Severity.Error,
            $"The inputs together expand to more than {N(limit)} nodes (aliases included); render fewer files at once, or raise the limit with --max-total-nodes.", at);

    public static Diagnostic TooManyDocuments(SourceLocation at, long limit) =>
        new("FR1019", Severity.Error,
            $"The inputs together hold more than {N(limit)} YAML documents; render fewer files at once, or raise the limit with --max-documents.", at);

    public static Diagnostic ComplexKey(SourceLocation at) =>
        new("FR1012", Severity.Error,
            "A mapping or sequence is used as a key; Kubernetes keys are strings, so write a plain key.", at);

    public static Diagnostic RecursiveAlias(SourceLocation at, string alias) =>
        new("FR1013", Severity.Error,
            $"Alias \"*{alias}\" refers to a node that contains the alias itself; break the cycle.", at);

    public static Diagnostic InvalidMerge(SourceLocation at) =>
        new("FR1014", Severity.Error,
            "A merge key (<<) must be followed by a mapping or a list of mappings; fix the value or write the keys out.", at);

    public static Diagnostic IntegerTooLarge(SourceLocation at, string text) =>
        new("FR1015", Severity.Warning,
            $"Integer \"{DocumentDiagnostics.Shorten(text)}\" does not fit in 64 bits, so Kubernetes reads it as the rounded float \"{ScalarText(text)}\"; quote it to keep it exact as a string.", at);

    public static Diagnostic UnsupportedTag(SourceLocation at, string tag) =>
        new("FR1016", Severity.Error,
            $"YAML tag \"{DocumentDiagnostics.Shorten(tag)}\" is not one Kubernetes reads (it reads !!str, !!int, !!float, !!bool, !!null and !!binary); remove the tag, or write the value it stands for.", at);

    public static Diagnostic TagMismatch(SourceLocation at, string tag, string text, string problem) =>
        new("FR1017", Severity.Error,
            $"Value \"{DocumentDiagnostics.Shorten(text)}\" is tagged {tag}, but {problem}, so Kubernetes rejects the file; fix the value or remove the tag.", at);

    private static string ScalarText(string text) =>
        double.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), System.Globalization.NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value.ToString("R", CultureInfo.InvariantCulture)
            : text;

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
