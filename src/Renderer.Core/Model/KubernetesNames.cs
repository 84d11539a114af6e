namespace Renderer.Core.Model;

/// <summary>The API server's name rules (apimachinery validation), decided offline.</summary>
public static class KubernetesNames
{
    /// <summary>RFC 1123 subdomain: at most 253 lowercase alphanumerics, '-' or '.', starting and ending alphanumeric.</summary>
    public static string? CheckSubdomain(string name)
    {
        if (name.Length == 0) return "it is empty";
        if (name.Length > 253) return "it is longer than 253 characters";
        foreach (var label in name.Split('.'))
        {
            var problem = CheckLabelChars(label);
            if (problem is not null) return problem + " (a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)";
        }

        return null;
    }

    /// <summary>RFC 1123 label: at most 63 lowercase alphanumerics or '-', starting and ending alphanumeric.</summary>
    public static string? CheckLabel(string name)
    {
        if (name.Length == 0) return "it is empty";
        if (name.Length > 63) return "it is longer than 63 characters (a DNS-1123 label)";
        var problem = CheckLabelChars(name);
        return problem is null ? null : problem + " (a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit)";
    }

    private static string? CheckLabelChars(string label)
    {
        if (label.Length == 0) return "it has an empty part between dots";
        foreach (var c in label)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')) return $"it contains '{Printable(c)}'";
        }

        if (label[0] == '-' || label[^1] == '-') return "it starts or ends with '-'";
        return null;
    }

    /// <summary>RFC 1035 label: like a DNS-1123 label, but starting with a letter.</summary>
    public static string? CheckDns1035Label(string name)
    {
        if (CheckLabel(name) is { } problem) return problem.Replace("DNS-1123", "DNS-1035", StringComparison.Ordinal);
        return char.IsAsciiLetterLower(name[0]) ? null : "it must start with a lowercase letter (a DNS-1035 label)";
    }

    /// <summary>A label or annotation key: optional DNS-1123 subdomain prefix and '/', then a name of at most 63 characters.</summary>
    public static string? CheckQualifiedName(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = key;
        if (slash >= 0)
        {
            var prefix = key[..slash];
            name = key[(slash + 1)..];
            if (prefix.Length == 0) return "its prefix before '/' is empty";
            var prefixProblem = CheckSubdomain(prefix);
            if (prefixProblem is not null) return "its prefix " + prefixProblem;
        }

        if (name.Length == 0) return "its name part is empty";
        if (name.Length > 63) return "its name part is longer than 63 characters";
        return CheckNameChars(name, "its name part");
    }

    /// <summary>A label value: empty, or at most 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric.</summary>
    public static string? CheckLabelValue(string value)
    {
        if (value.Length == 0) return null;
        if (value.Length > 63) return "it is longer than 63 characters";
        return CheckNameChars(value, "it");
    }

    private static string? CheckNameChars(string value, string subject)
    {
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) return $"{subject} contains '{Printable(c)}' (allowed: letters, digits, '-', '_' and '.')";
        }

        if (!char.IsAsciiLetterOrDigit(value[0]) || !char.IsAsciiLetterOrDigit(value[^1])) return $"{subject} must start and end with a letter or digit";
        return null;
    }

    private static string Printable(char c) => char.IsControl(c) || char.IsWhiteSpace(c) ? $"\\u{(int)c:x4}" : c.ToString();
}
