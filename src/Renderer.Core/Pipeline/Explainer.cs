using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Model;
using Renderer.Core.Output;
using Renderer.Core.Secrets;

namespace Renderer.Core.Pipeline;

/// <summary>
/// Explains one object on one cluster: which placement rule put it there or left it out and the namespace
/// intersection (both as the placement stage decided them, see <see cref="ResourcePlacement"/>), the replica
/// scheduling share, and for each field the template line or the override (file, line, op) that set it last.
/// </summary>
public static class Explainer
{
    public static Explanation? Explain(
        Federation federation,
        PlacementResult placement,
        string cluster,
        string kind,
        string? ns,
        string name,
        string? field)
    {
        var resource = federation.Resources.FirstOrDefault(r =>
            string.Equals(r.Target.Kind, kind, StringComparison.OrdinalIgnoreCase) && r.Name == name && (!r.Target.Namespaced || r.Namespace == ns));
        if (resource is null) return null;

        var decision = placement.Decide(resource, cluster);
        var steps = decision.Steps.Select(s => new ExplanationStep(s.Topic, s.Text, s.Location)).ToList();
        var document = resource.Document;
        if (!decision.Placed)
        {
            return new Explanation(resource.DisplayName, cluster, false, steps, []);
        }

        var diagnostics = new List<Diagnostic>();
        var plan = OverrideValidator.Plan(resource, diagnostics, Validation.CustomResourceSchemas.DeclaredVersions(federation.CustomResourceDefinitions));
        var patch = plan.Clusters.GetValueOrDefault(cluster);
        var built = plan.Valid ? ObjectBuilder.Build(resource, cluster, patch, diagnostics) : null;
        if (built is null)
        {
            foreach (var error in diagnostics.Where(d => d.IsError)) steps.Add(new("overrides", error.Message, error.Location));
            return new Explanation(resource.DisplayName, cluster, false, steps, []);
        }

        if (resource.Placement.WrittenByScheduler)
        {
            var replicas = built.At("/spec/replicas")?.ToJsonString() ?? "?";
            var preference = federation.Preferences.FirstOrDefault(p => p.Namespace == resource.Namespace && p.Name == resource.Name && p.TargetKind == resource.Type.FederatedKind);
            var at = preference is null ? document.At("/spec/replicas") : preference.Document.At("/spec/totalReplicas");
            var which = preference is null ? "a ReplicaSchedulingPreference" : $"ReplicaSchedulingPreference {preference.Namespace}/{preference.Name}";
            steps.Add(new("replicas", $"{which} divides the replicas; this cluster's share is {replicas} (rules 37-38)", at));
        }

        if (patch is { Operations.Count: > 0 }) steps.Add(new("overrides", $"{patch.Operations.Count} override(s) for {cluster} apply", document.At(patch.Source.Pointer + "/clusterName")));
        // Hidden by where they sit in the built object, whatever pointer the field was asked by.
        var hidden = SecretKinds.IsSecret(resource.Target) ? SecretValues.Leaves(built) : new HashSet<JsonNode>();
        var fields = new List<FieldOrigin>();
        var start = field is null or "/" ? string.Empty : field;
        if (start.Length > 0 && built.At(start) is null)
        {
            fields.Add(new(start, "(absent)", "no field at this path", SourceLocation.None));
        }
        else
        {
            Collect(built.At(start) ?? built, start, leaf => fields.Add(Origin(resource, patch, leaf.Pointer, Show(leaf.Node, hidden))));
        }

        return new Explanation(resource.DisplayName, cluster, true, steps, fields);
    }

    private static FieldOrigin Origin(FederatedResource resource, ClusterPatch? patch, string pointer, string value)
    {
        var document = resource.Document;
        if (pointer is "/apiVersion" or "/kind" or "/metadata/name" or "/metadata/namespace" or "/metadata/labels/kubefed.io~1managed")
        {
            return new(pointer, value, "set by fedrender from the federated document and its type (rules 19-21)", document.At(pointer.StartsWith("/metadata", StringComparison.Ordinal) ? "/metadata/name" : "/kind"));
        }

        if (patch is not null)
        {
            for (var i = patch.Operations.Count - 1; i >= 0; i--)
            {
                var op = patch.Operations[i];
                if (op.Path == pointer || pointer.StartsWith(op.Path + "/", StringComparison.Ordinal))
                {
                    return new(pointer, value, $"override {op.OpName} {op.Path}", document.At(patch.Pointers[i] + "/path"));
                }
            }

            // A list item the template does not have was inserted by the last add on that list.
            if (InsertedBy(resource, patch, pointer) is { } insert)
            {
                return new(pointer, value, $"override add {patch.Operations[insert].Path}", document.At(patch.Pointers[insert] + "/path"));
            }
        }

        var templatePointer = "/spec/template" + pointer;
        return document.Positions.TryGet(templatePointer, out var position)
            ? new(pointer, value, "template", position.Value)
            : new(pointer, value, "set by fedrender", SourceLocation.None);
    }

    private static int? InsertedBy(FederatedResource resource, ClusterPatch patch, string pointer)
    {
        var segments = pointer.Split('/');
        for (var depth = segments.Length - 1; depth > 1; depth--)
        {
            if (!int.TryParse(segments[depth], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)) continue;
            var list = string.Join('/', segments.Take(depth));
            var templateCount = resource.Template.At(list) is JsonArray array ? array.Count : 0;
            if (index < templateCount) continue;
            for (var i = patch.Operations.Count - 1; i >= 0; i--)
            {
                var op = patch.Operations[i];
                if (op.Kind == Patching.PatchOperationKind.Add && op.Path.StartsWith(list + "/", StringComparison.Ordinal) && op.Path.LastIndexOf('/') == list.Length) return i;
            }
        }

        return null;
    }

    /// <summary>The explanation with its steps cleaned of the inputs' Secret values (a step may quote a diagnostic); fields hide them already.</summary>
    public static Explanation Redact(Explanation explanation, SecretMap secrets) => secrets.IsEmpty ? explanation : explanation with
    {
        Steps = explanation.Steps.Select(s => s with { Text = secrets.Redact(s.Text, s.Location) }).ToList(),
    };

    private static string Show(JsonNode? node, IReadOnlySet<JsonNode> hidden)
    {
        if (node is not null && hidden.Contains(node)) return SecretValues.HiddenMark;
        return node switch
        {
            null => "null",
            JsonObject => "{}",
            JsonArray => "[]",
            _ => node.ToJsonString(),
        };
    }

    private static void Collect(JsonNode? node, string pointer, Action<(string Pointer, JsonNode? Node)> leaf)
    {
        switch (node)
        {
            case JsonObject { Count: > 0 } obj:
                foreach (var (key, value) in obj) Collect(value, Pointer.Append(pointer, key), leaf);
                break;
            case JsonArray { Count: > 0 } array:
                for (var i = 0; i < array.Count; i++) Collect(array[i], Pointer.Append(pointer, i), leaf);
                break;
            default:
                leaf((pointer, node));
                break;
        }
    }
}
