using System.Text;

namespace Renderer.Fuzz;

/// <summary>libFuzzer-style mutations of YAML bytes: flips, inserts of YAML's own tokens, deletions, splices.</summary>
public sealed class Mutator(Random random)
{
    private static readonly byte[][] Tokens = new[]
    {
        ": ", "- ", "&a ", "*a", "<<: ", "{", "}", "[", "]", "\t", "\n", "'", "\"", "---\n", "...\n", "? ", "| ", "> ", "!!str ", "!!int ",
        "~", "null", "yes", "0x", "1e9", ".inf", "%YAML 1.2\n", "#", "\\u0000", "op: move", "path: ", "/spec/", "-1", "clusterName: ",
    }.Select(Encoding.UTF8.GetBytes).ToArray();

    public byte[] Mutate(byte[] input, IReadOnlyList<byte[]> corpus)
    {
        var data = new List<byte>(input);
        var rounds = 1 + random.Next(4);
        for (var r = 0; r < rounds; r++)
        {
            var at = data.Count == 0 ? 0 : random.Next(data.Count);
            switch (random.Next(6))
            {
                case 0 when data.Count > 0:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    data.InsertRange(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 2 when data.Count > 0:
                    data.RemoveRange(at, Math.Min(data.Count - at, 1 + random.Next(16)));
                    break;
                case 3 when corpus.Count > 0:
                    var other = corpus[random.Next(corpus.Count)];
                    var from = random.Next(other.Length);
                    data.InsertRange(at, other.Skip(from).Take(1 + random.Next(64)));
                    break;
                case 4 when data.Count > 0:
                    var start = random.Next(data.Count);
                    var length = Math.Min(data.Count - start, 1 + random.Next(32));
                    data.InsertRange(at, data.GetRange(start, length));
                    break;
                default:
                    data.Insert(at, (byte)random.Next(256));
                    break;
            }
        }

        return [.. data];
    }
}
