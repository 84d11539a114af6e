using System.Diagnostics;
using System.Text.Json.Nodes;
using Renderer.Tests.Support;

namespace Renderer.Tests.Sealing;

/// <summary>Runs tests/keys/unseal.py, which unseals with Python's cryptography, not with fedrender's code.</summary>
public static class Unsealer
{
    public static string KeyOf(string cluster) => Path.Combine(RepositoryPaths.Root, "tests", "keys", cluster + ".key");

    public static string CertificateOf(string cluster) => Path.Combine(RepositoryPaths.Root, "examples", "elk", "certs", cluster + ".pem");

    /// <summary>The plaintexts by key, or null when some value does not unseal with this key and label.</summary>
    public static IReadOnlyDictionary<string, byte[]>? Unseal(string keyFile, string label, JsonObject encryptedData)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "tests", "keys", "unseal.py"));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var request = new JsonObject { ["key"] = keyFile, ["label"] = label, ["values"] = encryptedData.DeepClone() };
        process.StandardInput.Write(request.ToJsonString());
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode == 3) return null;
        Assert.True(process.ExitCode == 0, error);
        var result = JsonNode.Parse(output)?.AsObject() ?? throw new InvalidOperationException(output);
        return result.ToDictionary(p => p.Key, p => Convert.FromBase64String(p.Value?.GetValue<string>() ?? string.Empty), StringComparer.Ordinal);
    }
}
