using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Renderer.Core.Validation;

/// <summary>
/// The string formats the API server checks in a CRD schema (kube-openapi's format registry), decided offline;
/// a format it does not check is not checked here either.
/// </summary>
public static partial class ValueFormats
{
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTime();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Date();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex Uuid();

    [GeneratedRegex(@"^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Mac();

    [GeneratedRegex(@"^[^\s@]+@[^\s@]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    /// <summary>What the value should look like when it does not have the format, or null when it has it (or the format is not checked).</summary>
    public static string? Check(string format, string value) => format switch
    {
        "date-time" or "datetime" => DateTime().IsMatch(value) && DateTimeOffset.TryParse(value.Replace(' ', 'T'), CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : "an RFC 3339 date-time such as 2024-05-01T12:00:00Z",
        "date" => Date().IsMatch(value) && System.DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : "a date such as 2024-05-01",
        "byte" => IsBase64(value) ? null : "base64 text",
        "uuid" => Uuid().IsMatch(value) ? null : "a UUID such as 123e4567-e89b-12d3-a456-426614174000",
        "ipv4" => IPAddress.TryParse(value, out var v4) && v4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && value.Count(c => c == '.') == 3 ? null : "an IPv4 address such as 10.0.0.1",
        "ipv6" => value.Contains(':', StringComparison.Ordinal) && IPAddress.TryParse(value, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? null : "an IPv6 address such as fd00::1",
        "cidr" => IPNetwork.TryParse(value, out _) && value.Contains('/', StringComparison.Ordinal) ? null : "a CIDR such as 10.0.0.0/8",
        "mac" => Mac().IsMatch(value) ? null : "a MAC address such as 00:1a:2b:3c:4d:5e",
        "email" => Email().IsMatch(value) ? null : "an e-mail address",
        "hostname" => Model.KubernetesNames.CheckSubdomain(value.ToLowerInvariant()) is null ? null : "a host name (DNS-1123 subdomain)",
        "uri" => Uri.TryCreate(value, UriKind.Absolute, out _) ? null : "an absolute URI such as https://example.com/x",
        _ => null,
    };

    private static bool IsBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out _);
    }
}
