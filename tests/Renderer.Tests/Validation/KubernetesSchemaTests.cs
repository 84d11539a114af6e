using System.Text.Json.Nodes;
using Renderer.Core.Model;
using Renderer.Core.Validation;
using Renderer.Tests.Support;
using SchemaGenerator;

namespace Renderer.Tests.Validation;

/// <summary>The generated schemas of every built-in kind: committed as generated, true to the API reference, and enforced.</summary>
public sealed class KubernetesSchemaTests
{
    private static readonly string Overlay = Path.Combine(RepositoryPaths.Root, "tools", "SchemaGenerator", "overlay.json");

    public static TheoryData<string> Kinds
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var type in BuiltInTypes.All) data.Add(type.ApiVersion + " " + type.Kind);
            return data;
        }
    }

    private static TargetType Type(string name) => BuiltInTypes.All.Single(t => t.ApiVersion + " " + t.Kind == name);

    private static CompiledSchema Schema(TargetType type) =>
        new SchemaCatalog().Get(type) ?? throw new InvalidOperationException($"no schema for {type.Kind}");

    [Fact]
    public void CommittedSchemasAreExactlyWhatTheGeneratorWrites()
    {
        var generated = KubernetesSchemaGenerator.Generate(Overlay);
        var directory = Path.Combine(RepositoryPaths.Root, "schemas", "kubernetes");
        var committed = Directory.GetFiles(directory, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(generated.Keys, committed);
        foreach (var (name, text) in generated)
        {
            Assert.True(text == File.ReadAllText(Path.Combine(directory, name)), $"schemas/kubernetes/{name} is stale; run: dotnet run --project tools/SchemaGenerator");
        }
    }

    [Fact]
    public void RequiredFieldsAgreeWithTheKubernetesApiDefinitions()
    {
        var reference = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Reference, "kubernetes-required-fields.json")))?["required"]?.AsObject() ?? [];
        var checkedDefinitions = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "schemas", "kubernetes"), "*.json"))
        {
            foreach (var (name, definition) in JsonNode.Parse(File.ReadAllText(file))?["$defs"]?.AsObject() ?? [])
            {
                var expected = reference.Where(r => Matches(r.Key, name)).Select(r => r.Value?.AsArray().Select(v => (string?)v).Order(StringComparer.Ordinal).ToList()).FirstOrDefault();
                if (expected is null) continue;
                var actual = definition?["required"]?.AsArray().Select(v => (string?)v).Order(StringComparer.Ordinal).ToList() ?? [];
                Assert.True(expected.SequenceEqual(actual), $"{Path.GetFileName(file)} {name}: required {string.Join(",", actual)}, the API says {string.Join(",", expected)}");
                checkedDefinitions++;
            }
        }

        Assert.True(checkedDefinitions > 100, $"only {checkedDefinitions} definitions were compared");
    }

    /// <summary>io.k8s.api.apps.v1.DeploymentSpec is the model V1DeploymentSpec (autoscaling v2 was v2beta2 in the reference).</summary>
    private static bool Matches(string definition, string model)
    {
        var parts = definition.Split('.');
        var version = parts[^2];
        if (!version.StartsWith('v')) return false;
        var name = "V" + version[1..] + parts[^1];
        return name == model || version == "v2beta2" && "V2" + parts[^1] == model && !definition.Contains("autoscaling.v2.", StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void MinimalObjectPassesAndEachKindOfMistakeIsCaught(string name)
    {
        var type = Type(name);
        var schema = Schema(type);
        var minimal = Minimal(type);
        Assert.Empty(SchemaValidator.Validate(schema, minimal));

        var unknown = minimal.DeepClone().AsObject();
        unknown["metadata"]!["nmae"] = "typo";
        var finding = Assert.Single(SchemaValidator.Validate(schema, unknown));
        Assert.Equal((FindingRule.UnknownField, "/metadata/nmae"), (finding.Rule, finding.Pointer));
        Assert.Contains("did you mean \"name\"", finding.Message, StringComparison.Ordinal);

        var wrongType = minimal.DeepClone().AsObject();
        wrongType["metadata"]!["labels"] = new JsonArray("a");
        finding = Assert.Single(SchemaValidator.Validate(schema, wrongType));
        Assert.Equal((FindingRule.WrongType, "/metadata/labels"), (finding.Rule, finding.Pointer));

        if (RequiredExample(type) is var (pointer, field))
        {
            var missing = minimal.DeepClone().AsObject();
            RemoveAt(missing, pointer, field);
            finding = Assert.Single(SchemaValidator.Validate(schema, missing));
            Assert.Equal((FindingRule.MissingField, pointer), (finding.Rule, finding.Pointer));
        }
    }

    [Fact]
    public void IntOrStringQuantitiesAndEnumsAreEnforced()
    {
        var type = BuiltInTypes.ForKind("Deployment") ?? throw new InvalidOperationException();
        var deployment = Minimal(type);
        var container = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject();
        container["ports"] = JsonNode.Parse("""[{"containerPort": 80}]""");
        container["livenessProbe"] = JsonNode.Parse("""{"httpGet": {"port": "http"}, "tcpSocket": {"port": 8080}}""");
        container["resources"] = JsonNode.Parse("""{"limits": {"cpu": "500m", "memory": 1073741824}}""");
        container["imagePullPolicy"] = "IfNotPresent";
        Assert.Empty(SchemaValidator.Validate(Schema(type), deployment));

        container["livenessProbe"]!["httpGet"]!["port"] = true;
        container["resources"]!["limits"]!["cpu"] = "half";
        container["imagePullPolicy"] = "always";
        var rules = SchemaValidator.Validate(Schema(type), deployment).Select(f => f.Rule).ToHashSet();
        Assert.Equal(new HashSet<FindingRule> { FindingRule.WrongType, FindingRule.NotAllowed, FindingRule.Quantity }, rules);
    }

    private static JsonObject Minimal(TargetType type)
    {
        var obj = new JsonObject { ["apiVersion"] = type.ApiVersion, ["kind"] = type.Kind, ["metadata"] = new JsonObject { ["name"] = "x" } };
        var pod = JsonNode.Parse("""{"metadata": {"labels": {"app": "x"}}, "spec": {"containers": [{"name": "x", "image": "x"}]}}""");
        switch (type.Kind)
        {
            case "Deployment" or "ReplicaSet" or "DaemonSet":
                obj["spec"] = new JsonObject { ["selector"] = JsonNode.Parse("""{"matchLabels": {"app": "x"}}"""), ["template"] = pod };
                break;
            case "StatefulSet":
                obj["spec"] = new JsonObject { ["selector"] = JsonNode.Parse("""{"matchLabels": {"app": "x"}}"""), ["serviceName"] = "x", ["template"] = pod };
                break;
            case "Job":
                obj["spec"] = new JsonObject { ["template"] = pod };
                break;
            case "CronJob":
                obj["spec"] = new JsonObject { ["schedule"] = "0 1 * * *", ["jobTemplate"] = new JsonObject { ["spec"] = new JsonObject { ["template"] = pod } } };
                break;
            case "Pod":
                obj["spec"] = pod?["spec"]?.DeepClone();
                break;
            case "Service":
                obj["spec"] = JsonNode.Parse("""{"ports": [{"port": 80}]}""");
                break;
            case "ClusterRoleBinding" or "RoleBinding":
                obj["roleRef"] = JsonNode.Parse("""{"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "x"}""");
                break;
            case "HorizontalPodAutoscaler":
                obj["spec"] = JsonNode.Parse("""{"maxReplicas": 3, "scaleTargetRef": {"kind": "Deployment", "name": "x"}}""");
                break;
            case "IngressClass" or "Ingress" or "NetworkPolicy" or "PodDisruptionBudget" or "LimitRange" or "ResourceQuota" or "PersistentVolume" or "PersistentVolumeClaim":
                break;
            case "PriorityClass":
                obj["value"] = 1000;
                break;
            case "StorageClass":
                obj["provisioner"] = "example.com/disk";
                break;
            case "CustomResourceDefinition":
                obj["spec"] = JsonNode.Parse("""{"group": "example.com", "scope": "Namespaced", "names": {"kind": "Widget", "plural": "widgets"}, "versions": [{"name": "v1", "served": true, "storage": true}]}""");
                break;
        }

        return obj;
    }

    private static (string Pointer, string Field)? RequiredExample(TargetType type) => type.Kind switch
    {
        "Deployment" or "ReplicaSet" or "DaemonSet" or "StatefulSet" => ("/spec", "selector"),
        "Job" => ("/spec", "template"),
        "CronJob" => ("/spec", "schedule"),
        "Pod" => ("/spec/containers/0", "name"),
        "Service" => ("/spec/ports/0", "port"),
        "ClusterRoleBinding" or "RoleBinding" => (string.Empty, "roleRef"),
        "HorizontalPodAutoscaler" => ("/spec", "maxReplicas"),
        "PriorityClass" => (string.Empty, "value"),
        "StorageClass" => (string.Empty, "provisioner"),
        "CustomResourceDefinition" => ("/spec", "group"),
        _ => null,
    };

    private static void RemoveAt(JsonObject obj, string pointer, string field)
    {
        JsonNode? node = obj;
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)) node = node is JsonArray a ? a[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)] : node?[segment];
        node?.AsObject().Remove(field);
    }
}
