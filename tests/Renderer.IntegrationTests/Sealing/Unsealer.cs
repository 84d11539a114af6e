using System.Text.Json.Nodes;
using Renderer.Tests.Support;

namespace Renderer.IntegrationTests.Sealing;

/// <summary>Runs tests/keys/unseal.py, which unseals with Python's cryptography, not with fedrender's code.</summary>
public static class Unsealer
{
    public static string KeyOf(string cluster) => Path.Combine(RepositoryPaths.Root, "tests", "keys", cluster + ".key");

    public static string CertificateOf(string cluster) => Path.Combine(RepositoryPaths.Root, "examples", "elk", "certs", cluster + ".pem");

    /// <summary>The plaintexts by key, or null when some value does not unseal with this key and label.</summary>
    public static IReadOnlyDictionary<string, byte[]>? Unseal(string keyFile, string label, JsonObject encryptedData)
    {
        var request = Path.GetTempFileName();
        try
        {
            File.WriteAllText(request, new JsonObject { ["key"] = keyFile, ["label"] = label, ["values"] = encryptedData.DeepClone() }.ToJsonString());
            var result = ExternalTool.PythonCryptography.Run([Path.Combine(RepositoryPaths.Root, "tests", "keys", "unseal.py"), request]);
            if (result.Exit == 3) return null;
            Assert.True(result.Exit == 0, result.Error);
            var values = JsonNode.Parse(result.Out)?.AsObject() ?? throw new InvalidOperationException(result.Out);
            return values.ToDictionary(p => p.Key, p => Convert.FromBase64String(p.Value?.GetValue<string>() ?? string.Empty), StringComparer.Ordinal);
        }
        finally
        {
            File.Delete(request);
        }
    }
}
