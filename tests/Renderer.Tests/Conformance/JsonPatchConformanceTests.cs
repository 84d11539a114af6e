using System.Text.Json;
using System.Text.Json.Nodes;
using Renderer.Core.Patching;

namespace Renderer.Tests.Conformance;

/// <summary>The patch engine against the add/remove/replace rows of json-patch v4.12.0's own tables.</summary>
public sealed class JsonPatchConformanceTests
{
    private const string File = "json-patch.json";

    public static TheoryData<string> Cases => ConformanceVectors.Names(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void PatchBehavesAsJsonPatchV4(string name)
    {
        var entry = ConformanceVectors.Entry(File, name);
        var docText = (string?)entry["doc"] ?? string.Empty;
        var patch = JsonNode.Parse((string?)entry["patch"] ?? "[]")?.AsArray() ?? [];
        var expectError = entry["expectedError"] is JsonValue e && (e.GetValueKind() == JsonValueKind.String || e.GetValue<bool>());

        // json-patch v4 returns an empty document unchanged, whatever the patch (ApplyIndent's first check).
        if (docText.Length == 0)
        {
            Assert.Equal(string.Empty, (string?)entry["expected"]);
            return;
        }

        var document = JsonNode.Parse(docText);
        var before = document?.ToJsonString();
        var operations = new List<PatchOperation>();
        string? parseProblem = null;
        foreach (var op in patch.OfType<JsonObject>())
        {
            var kind = PatchOperation.ParseKind((string?)op["op"] ?? string.Empty);
            var path = op["path"] is JsonValue p && p.GetValueKind() == JsonValueKind.String ? p.GetValue<string>() : null;
            if (kind is null || path is null)
            {
                parseProblem = "operation without a valid op or path";
                break;
            }

            operations.Add(new PatchOperation(kind.Value, path, op["value"]));
        }

        if (parseProblem is not null)
        {
            Assert.True(expectError, $"{name}: {parseProblem}, but the vector expects success");
            return;
        }

        var result = JsonPatch.Apply(document, operations);
        Assert.Equal(before, document?.ToJsonString());
        if (expectError)
        {
            Assert.False(result.Succeeded, $"{name}: expected an error, got {result.Document?.ToJsonString()}");
            return;
        }

        Assert.True(result.Succeeded, $"{name}: {result.Failure?.Reason}");
        if (entry["expected"] is JsonValue expected)
        {
            var want = JsonNode.Parse(expected.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(want, result.Document), $"{name}: expected {want?.ToJsonString()}, got {result.Document?.ToJsonString()}");
        }
    }

    [Fact]
    public void EscapedSegmentsAreUnescaped()
    {
        var document = JsonNode.Parse("""{"a/b":{"c~d":1}}""");
        var result = JsonPatch.Apply(document, [new PatchOperation(PatchOperationKind.Replace, "/a~1b/c~0d", JsonValue.Create(2))]);
        Assert.Equal("""{"a/b":{"c~d":2}}""", result.Document?.ToJsonString());
    }

    [Fact]
    public void FailedPatchLeavesNothingHalfApplied()
    {
        var document = JsonNode.Parse("""{"a":1,"b":[1]}""");
        var result = JsonPatch.Apply(document, [
            new PatchOperation(PatchOperationKind.Replace, "/a", JsonValue.Create(5)),
            new PatchOperation(PatchOperationKind.Remove, "/b/3", null),
        ]);
        Assert.False(result.Succeeded);
        Assert.Equal(1, result.Failure?.Index);
        Assert.Equal("""{"a":1,"b":[1]}""", result.Document?.ToJsonString());
        Assert.Equal("/b", result.Failure?.ExistingPrefix);
    }

    [Fact]
    public void ReplaceOfMissingKeyAddsItAndIsNoticed()
    {
        var result = JsonPatch.Apply(JsonNode.Parse("""{"spec":{}}"""), [new PatchOperation(PatchOperationKind.Replace, "/spec/replicas", JsonValue.Create(3))]);
        Assert.True(result.Succeeded);
        Assert.Equal("""{"spec":{"replicas":3}}""", result.Document?.ToJsonString());
        Assert.Single(result.ReplacesThatAdded);
    }

    [Fact]
    public void AddKeepsKeyOrderOfExistingKeys()
    {
        var result = JsonPatch.Apply(JsonNode.Parse("""{"z":1,"a":2,"m":3}"""), [
            new PatchOperation(PatchOperationKind.Add, "/a", JsonValue.Create(9)),
            new PatchOperation(PatchOperationKind.Add, "/b", JsonValue.Create(0)),
        ]);
        Assert.Equal("""{"z":1,"a":9,"m":3,"b":0}""", result.Document?.ToJsonString());
    }
}
