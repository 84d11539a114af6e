using System.Text;
using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;

namespace Renderer.Tests.Input;

public sealed class YamlLoaderTests
{
    private static (IReadOnlyList<SourceDocument> Documents, IReadOnlyList<Diagnostic> Diagnostics) Load(string text, LoadLimits? limits = null) =>
        YamlLoader.Load(SourceFile.FromText("in.yaml", text), limits);

    [Fact]
    public void MultipleDocumentsKeepTheirOrderAndPositions()
    {
        var (documents, diagnostics) = Load("a: 1\n---\nb:\n  c: x\n");
        Assert.Empty(diagnostics);
        Assert.Equal(2, documents.Count);
        Assert.Equal(new SourceLocation("in.yaml", 4, 6), documents[1].At("/b/c"));
        Assert.Equal(new SourceLocation("in.yaml", 4, 3), documents[1].KeyAt("/b/c"));
        Assert.Equal(new SourceLocation("in.yaml", 3, 1), documents[1].KeyAt("/b"));
    }

    [Fact]
    public void MissingPointerFallsBackToNearestAncestor()
    {
        var (documents, _) = Load("spec:\n  template:\n    x: 1\n");
        Assert.Equal(documents[0].At("/spec/template"), documents[0].At("/spec/template/nothing/here"));
    }

    [Fact]
    public void EmptyDocumentsAreSkippedWithoutComplaint()
    {
        var (documents, diagnostics) = Load("---\n---\n# only a comment\n");
        Assert.Empty(diagnostics);
        Assert.All(documents, d => Assert.Null(d.Root));
    }

    [Theory]
    [InlineData("v: yes", "true")]
    [InlineData("v: on", "true")]
    [InlineData("v: 'yes'", "\"yes\"")]
    [InlineData("v: 0755", "493")]
    [InlineData("v: 1_000", "1000")]
    [InlineData("v: 0x1F", "31")]
    [InlineData("v: 1e3", "1000")]
    [InlineData("v: 1.5", "1.5")]
    [InlineData("v: 3.0", "3")]
    [InlineData("v: ~", "null")]
    [InlineData("v:", "null")]
    [InlineData("v: 2001-12-14", "\"2001-12-14\"")]
    [InlineData("v: !!str 12", "\"12\"")]
    [InlineData("v: \"12\"", "\"12\"")]
    [InlineData("v: 18446744073709551615", "18446744073709551615")]
    [InlineData("v: -9223372036854775808", "-9223372036854775808")]
    public void PlainScalarsAreReadAsKubernetesReadsThem(string yaml, string json)
    {
        var (documents, _) = Load(yaml);
        Assert.Equal(json, documents[0].Root?["v"]?.ToJsonString() ?? "null");
    }

    [Theory]
    [InlineData("v: yes")]
    [InlineData("v: 0755")]
    [InlineData("on: x")]
    public void Yaml11OnlyReadingsAreWarned(string yaml)
    {
        var (_, diagnostics) = Load(yaml);
        var warning = Assert.Single(diagnostics);
        Assert.Equal("FR1006", warning.Code);
        Assert.Equal(Severity.Warning, warning.Severity);
    }

    [Fact]
    public void BooleanKeyBecomesItsJsonText()
    {
        var (documents, _) = Load("on: x");
        Assert.Equal("x", (string?)documents[0].Root?["true"]);
    }

    [Fact]
    public void DuplicateKeyIsAnErrorAtTheSecondKey()
    {
        var (_, diagnostics) = Load("a: 1\nb: 2\na: 3\n");
        var error = Assert.Single(diagnostics);
        Assert.Equal("FR1002", error.Code);
        Assert.Equal(3, error.Location.Line);
        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UndefinedAliasPointsAtTheAlias()
    {
        var (_, diagnostics) = Load("a: 1\nb: *nope\n");
        var error = Assert.Single(diagnostics);
        Assert.Equal("FR1003", error.Code);
        Assert.Equal(new SourceLocation("in.yaml", 2, 4), error.Location);
    }

    [Fact]
    public void AliasesAreExpandedAsCopies()
    {
        var (documents, diagnostics) = Load("base: &b {x: 1}\ncopy: *b\n");
        Assert.Empty(diagnostics);
        Assert.True(JsonNode.DeepEquals(documents[0].Root?["base"], documents[0].Root?["copy"]));
        Assert.NotSame(documents[0].Root?["base"], documents[0].Root?["copy"]);
    }

    [Fact]
    public void AliasBombStopsAtTheNodeBudget()
    {
        var text = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            var prev = (char)('a' + i - 1);
            var name = (char)('a' + i);
            text.Append($"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n");
        }

        var (documents, diagnostics) = Load(text.ToString());
        Assert.Empty(documents);
        Assert.Equal("FR1004", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void MergeKeysMergeWithExplicitKeysWinning()
    {
        var (documents, diagnostics) = Load("base: &b {p: 1, q: 2}\nm:\n  <<: *b\n  q: 3\n");
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
        Assert.Equal("""{"q":3,"p":1}""", documents[0].Root?["m"]?.ToJsonString());
    }

    [Fact]
    public void DeepNestingIsRefusedAtTheLimit()
    {
        var text = new string('[', 300) + new string(']', 300);
        var (documents, diagnostics) = Load(text);
        Assert.Empty(documents);
        Assert.Equal("FR1005", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void SyntaxErrorCarriesLineAndColumn()
    {
        var (_, diagnostics) = Load("a: 1\nb: \"unclosed\n");
        var error = Assert.Single(diagnostics);
        Assert.Equal("FR1001", error.Code);
        Assert.True(error.Location.Line >= 2);
    }

    [Fact]
    public void BomAndCrlfAreAccepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("a: 1\r\nb: |\r\n  x\r\n  y\r\n")).ToArray();
        var (documents, diagnostics) = YamlLoader.Load(new SourceFile("crlf.yaml", bytes));
        Assert.Empty(diagnostics);
        Assert.Equal("x\ny\n", (string?)documents[0].Root?["b"]);
    }

    [Fact]
    public void InvalidUtf8AndNulBytesAreErrorsWithPositions()
    {
        var (_, bad) = YamlLoader.Load(new SourceFile("bad.yaml", new byte[] { (byte)'a', (byte)':', (byte)'\n', (byte)'b', 0xC3, 0x28 }));
        Assert.Equal(new SourceLocation("bad.yaml", 2, 2), Assert.Single(bad).Location);
        var (_, nul) = YamlLoader.Load(new SourceFile("nul.yaml", new byte[] { (byte)'a', 0 }));
        Assert.Equal("FR1009", Assert.Single(nul).Code);
    }

    [Fact]
    public void InfinityIsNotRepresentable()
    {
        var (_, diagnostics) = Load("v: .inf");
        Assert.Equal("FR1007", Assert.Single(diagnostics).Code);
    }
}
