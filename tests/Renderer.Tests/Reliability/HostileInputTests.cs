using System.Text;
using Renderer.Cli;
using Renderer.Cli.FileSystem;

namespace Renderer.Tests.Reliability;

/// <summary>
/// The catalogue of bad inputs: each gives its diagnostic (file, line, code) and exit 1, without a stack
/// trace, and writes nothing outside the output directory.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("fedrender-hostile-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private (int Exit, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(args, new CliContext(stdout, stderr, () => Stream.Null, root, new PhysicalFileSystem()));
        return (exit, stderr.ToString());
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(root, name);
        File.WriteAllBytes(path, content);
        return name;
    }

    private string Write(string name, string content) => Write(name, Encoding.UTF8.GetBytes(content));

    private void AssertRejected((int Exit, string Error) result, string file, string code, int? line = null)
    {
        Assert.Equal(1, result.Exit);
        var expected = line is null ? $"{file}" : $"{file}({line},";
        Assert.Contains(result.Error.Split('\n'), l => l.StartsWith(expected, StringComparison.Ordinal) && l.Contains($" {code}: ", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, "out")), "nothing may be written on error");
    }

    public static TheoryData<string, string, string, int> Malformed => new()
    {
        { "tabs", "metadata:\n\tname: x\n", "FR1001", 2 },
        { "unclosed-quote", "a: \"open\nb: c\n", "FR1001", 1 },
        { "bad-indentation", "a:\n  b: 1\n c: 2\n", "FR1001", 3 },
        { "duplicate-key", "apiVersion: v1\nkind: ConfigMap\nkind: Secret\n", "FR1002", 3 },
        { "undefined-alias", "a: 1\nb: *nowhere\n", "FR1003", 2 },
        { "recursive-alias", "a: &x [*x]\n", "FR1013", 1 },
        { "merge-of-scalar", "a:\n  <<: 3\n", "FR1014", 2 },
        { "complex-key", "? [a, b]\n: c\n", "FR1012", 1 },
        { "infinity", "a: .inf\n", "FR1007", 1 },
        { "scalar-document", "just text\n", "FR2001", 1 },
        { "bad-cluster-name", "apiVersion: core.kubefed.io/v1beta1\nkind: KubeFedCluster\nmetadata: {name: ../x}\n", "FR2006", 3 },
        { "absolute-cluster-name", "apiVersion: core.kubefed.io/v1beta1\nkind: KubeFedCluster\nmetadata: {name: /etc}\n", "FR2006", 3 },
        { "uppercase-name", "apiVersion: types.kubefed.io/v1beta1\nkind: FederatedConfigMap\nmetadata: {name: Web, namespace: shop}\n", "FR2006", 3 },
        { "long-name", "apiVersion: types.kubefed.io/v1beta1\nkind: FederatedConfigMap\nmetadata: {name: " + new string('a', 300) + ", namespace: shop}\n", "FR2006", 3 },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedInputIsRejectedAtItsLine(string name, string content, string code, int line)
    {
        var file = Write(name + ".yaml", content);
        AssertRejected(Run("render", file, "-o", "out"), file, code, line);
    }

    [Fact]
    public void AliasBombIsStoppedByTheNodeBudget()
    {
        var text = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++) text.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        var file = Write("laughs.yaml", text.ToString());
        AssertRejected(Run("render", file, "-o", "out"), file, "FR1004");
    }

    [Fact]
    public void DeepNestingIsStoppedByTheDepthLimit()
    {
        var file = Write("deep.yaml", new string('[', 20_000) + new string(']', 20_000) + "\n");
        AssertRejected(Run("render", file, "-o", "out"), file, "FR1005", 1);
    }

    [Fact]
    public void HugeDocumentIsRefusedBeforeItIsRead()
    {
        var path = Path.Combine(root, "huge.yaml");
        using (var stream = File.Create(path)) stream.SetLength(200L * 1024 * 1024);
        AssertRejected(Run("render", "huge.yaml", "-o", "out"), "huge.yaml", "FR1010");
    }

    [Fact]
    public void InvalidUtf8NulBytesAndBinaryJunkAreRejected()
    {
        AssertRejected(Run("render", Write("latin1.yaml", [(byte)'a', (byte)':', (byte)' ', 0xE9, (byte)'\n']), "-o", "out"), "latin1.yaml", "FR1008", 1);
        AssertRejected(Run("render", Write("nul.yaml", [(byte)'a', (byte)':', 0, (byte)'\n']), "-o", "out"), "nul.yaml", "FR1009", 1);
        var junk = new byte[4096];
        new Random(7).NextBytes(junk);
        var result = Run("render", Write("junk.bin.yaml", junk), "-o", "out");
        Assert.Equal(1, result.Exit);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void BomCrlfEmptyFilesLoneSeparatorsAndJsonAreFine()
    {
        Write("bom.yaml", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("apiVersion: core.kubefed.io/v1beta1\r\nkind: KubeFedCluster\r\nmetadata:\r\n  name: c1\r\n")]);
        Write("empty.yaml", string.Empty);
        Write("separators.yaml", "---\n---\n");
        Write("app.json", """{"apiVersion": "types.kubefed.io/v1beta1", "kind": "FederatedNamespace", "metadata": {"name": "a", "namespace": "a"}, "spec": {"placement": {"clusterSelector": {}}}}""");
        var (exit, error) = Run("render", ".", "-o", "out");
        Assert.True(exit == 0, error);
        Assert.True(File.Exists(Path.Combine(root, "out", "c1", "_cluster", "namespace-a.yaml")));
    }

    [Fact]
    public void HugeIntegersAreWarnedAboutNotSilentlyRounded()
    {
        var file = Write("big.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\nsize: 123456789012345678901234567890\n");
        var (exit, error) = Run("validate", file);
        Assert.Equal(0, exit);
        Assert.Contains($"{file}(4,7): warning FR1015", error, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputThatIsASymlinkIsRefused()
    {
        var file = Write("ns.yaml", "apiVersion: core.kubefed.io/v1beta1\nkind: KubeFedCluster\nmetadata: {name: c1}\n");
        Directory.CreateDirectory(Path.Combine(root, "elsewhere"));
        Directory.CreateSymbolicLink(Path.Combine(root, "out"), Path.Combine(root, "elsewhere"));
        var (exit, error) = Run("render", file, "-o", "out");
        Assert.Equal(2, exit);
        Assert.Contains("FR9005", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(root, "elsewhere")));
    }
}
