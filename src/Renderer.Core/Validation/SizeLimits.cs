using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Renderer.Core.Input;
using Renderer.Core.Model;

namespace Renderer.Core.Validation;

/// <summary>
/// The API server's size limits an offline check can measure: the data of a ConfigMap or Secret (1 MiB,
/// counted as the API server counts it: text in bytes, base64 once decoded) and the annotations of any object
/// (256 KiB, keys and values together). Each finding points at the field that carries the bulk.
/// </summary>
public static class SizeLimits
{
    /// <summary>corev1.MaxSecretSize, which ConfigMap validation uses as well.</summary>
    public const long MaxDataBytes = 1024 * 1024;

    /// <summary>apimachinery's TotalAnnotationSizeLimitB.</summary>
    public const long MaxAnnotationBytes = 256 * 1024;

    public static void Check(JsonObject obj, TargetType type, List<Finding> findings)
    {
        if (type.Group.Length == 0 && type.Kind is "ConfigMap" or "Secret")
        {
            var fields = type.Kind == "ConfigMap" ? new[] { ("data", false), ("binaryData", true) } : [("data", true), ("stringData", false)];
            long total = 0;
            var largest = (Pointer: "/" + fields[0].Item1, Bytes: -1L);
            foreach (var (field, base64) in fields)
            {
                foreach (var (key, value) in obj[field] as JsonObject ?? [])
                {
                    if (!JsonKinds.IsString(value, out var text)) continue;
                    var bytes = base64 ? DecodedLength(text) : Encoding.UTF8.GetByteCount(text);
                    total += bytes;
                    if (bytes > largest.Bytes) largest = (Pointer.Append("/" + field, key), bytes);
                }
            }

            if (total > MaxDataBytes)
            {
                findings.Add(new(largest.Pointer, FindingRule.Size,
                    $"the {type.Kind}'s data is {N(total)} bytes, more than the API server's limit of {N(MaxDataBytes)} (1 MiB); the largest entry is this one ({N(largest.Bytes)} bytes), so split the data or mount it from elsewhere"));
            }
        }

        if (obj["metadata"].Get("annotations") is JsonObject annotations)
        {
            long total = 0;
            var largest = (Key: string.Empty, Bytes: -1L);
            foreach (var (key, value) in annotations)
            {
                var bytes = Encoding.UTF8.GetByteCount(key) + (JsonKinds.IsString(value, out var text) ? Encoding.UTF8.GetByteCount(text) : 0);
                total += bytes;
                if (bytes > largest.Bytes) largest = (key, bytes);
            }

            if (total > MaxAnnotationBytes)
            {
                findings.Add(new(Pointer.Append("/metadata/annotations", largest.Key), FindingRule.Size,
                    $"the annotations are {N(total)} bytes, more than the API server's limit of {N(MaxAnnotationBytes)} (256 KiB) for all annotations together; the largest is \"{largest.Key}\" ({N(largest.Bytes)} bytes), so move it into a ConfigMap"));
            }
        }
    }

    private static long DecodedLength(string text)
    {
        var padding = text.EndsWith("==", StringComparison.Ordinal) ? 2 : text.EndsWith('=') ? 1 : 0;
        return Math.Max(0, (text.Length / 4 * 3) - padding);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
