using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Model;
using Renderer.Core.Pipeline;

namespace Renderer.Core.Validation;

/// <summary>
/// Validates twice: the object the template alone gives (findings point at template lines), and each
/// cluster's object after its overrides (only what the overrides introduced, pointing at the override).
/// </summary>
public static class ObjectValidator
{
    /// <summary>Findings of the template's own object; the keys let cluster checks report only new findings.</summary>
    /// <param name="built">The template's own object, as <see cref="ObjectBuilder.Build"/> gives it without a patch.</param>
    public static HashSet<(string, string)> CheckTemplate(FederatedResource resource, JsonObject built, SchemaCatalog catalog, List<Diagnostic> diagnostics)
    {
        var seen = new HashSet<(string, string)>();
        var schema = catalog.Get(resource.Target);
        if (schema is null) diagnostics.Add(ValidationDiagnostics.NotValidated(resource.Document.At("/kind"), resource.DisplayName, resource.Target.ApiVersion, resource.Target.Kind));
        foreach (var finding in Check(built, resource, schema))
        {
            seen.Add((finding.Pointer, finding.Message));
            diagnostics.Add(ToDiagnostic(finding, resource.Document.At(TemplatePointer(finding.Pointer)), resource.DisplayName, null));
        }

        return seen;
    }

    public static void CheckCluster(FederatedResource resource, string cluster, JsonObject built, ClusterPatch patch, HashSet<(string, string)> templateFindings, SchemaCatalog catalog, List<Diagnostic> diagnostics)
    {
        foreach (var finding in Check(built, resource, catalog.Get(resource.Target)))
        {
            if (templateFindings.Contains((finding.Pointer, finding.Message))) continue;
            var index = Responsible(patch, finding.Pointer);
            diagnostics.Add(ToDiagnostic(finding, resource.Document.At(patch.Pointers[index] + "/path"), resource.DisplayName, cluster));
        }
    }

    /// <summary>Schema findings and the API server's object rules, without reporting one gap twice.</summary>
    public static IReadOnlyList<Finding> Check(JsonObject obj, FederatedResource resource, CompiledSchema? schema)
    {
        var rules = ObjectRules.Check(obj, resource.Target).Concat(SecretRules.Check(obj, resource.Target)).ToList();
        if (schema is null) return rules;
        var structural = SchemaValidator.Validate(schema, obj).Where(f => !SecretRules.Replaces(resource.Target, f));

        // An elided pod template is reported once, as such, not as each field it lacks.
        var elided = rules.Any(f => f.Rule == FindingRule.PodTemplate);
        return structural.Where(f => !(elided && f.Rule == FindingRule.MissingField && f.Pointer.StartsWith("/spec", StringComparison.Ordinal))).Concat(rules).ToList();
    }

    /// <summary>Where in the federated document the template's value at an object pointer is written.</summary>
    public static string TemplatePointer(string objectPointer) =>
        objectPointer is "/metadata/name" or "/metadata/namespace" ? objectPointer : "/spec/template" + objectPointer;

    /// <summary>The last override whose path is the finding's pointer, one of its ancestors, or one of its descendants.</summary>
    private static int Responsible(ClusterPatch patch, string pointer)
    {
        for (var i = patch.Operations.Count - 1; i >= 0; i--)
        {
            var path = patch.Operations[i].Path;
            if (path == pointer || pointer.StartsWith(path + "/", StringComparison.Ordinal) || path.StartsWith(pointer + "/", StringComparison.Ordinal)) return i;
        }

        return patch.Operations.Count - 1;
    }

    private static Diagnostic ToDiagnostic(Finding finding, SourceLocation at, string display, string? cluster) => finding.Rule switch
    {
        FindingRule.UnknownField => ValidationDiagnostics.UnknownField(at, display, finding.Message, cluster),
        FindingRule.WrongType => ValidationDiagnostics.WrongType(at, display, finding.Message, cluster),
        FindingRule.MissingField => ValidationDiagnostics.MissingField(at, display, finding.Message, cluster),
        FindingRule.NotAllowed => ValidationDiagnostics.NotAllowed(at, display, finding.Message, cluster),
        FindingRule.Name => ValidationDiagnostics.Name(at, display, finding.Message, cluster),
        FindingRule.Label => ValidationDiagnostics.Label(at, display, finding.Message, cluster),
        FindingRule.Annotation => ValidationDiagnostics.Annotation(at, display, finding.Message, cluster),
        FindingRule.Selector => ValidationDiagnostics.Selector(at, display, finding.Message, cluster),
        FindingRule.Volume => ValidationDiagnostics.Volume(at, display, finding.Message, cluster),
        FindingRule.Container => ValidationDiagnostics.Container(at, display, finding.Message, cluster),
        FindingRule.Port => ValidationDiagnostics.Port(at, display, finding.Message, cluster),
        FindingRule.Quantity => ValidationDiagnostics.QuantityValue(at, display, finding.Message, cluster),
        FindingRule.Schedule => ValidationDiagnostics.Schedule(at, display, finding.Message, cluster),
        FindingRule.EnvName => ValidationDiagnostics.EnvName(at, display, finding.Message, cluster),
        FindingRule.PodTemplate => ValidationDiagnostics.Workload(at, display, finding.Message, cluster),
        FindingRule.SecretData => ValidationDiagnostics.SecretData(at, display, finding.Message, cluster),
        FindingRule.SecretStringData => ValidationDiagnostics.SecretStringData(at, display, finding.Message, cluster),
        FindingRule.IntegerFormat => ValidationDiagnostics.IntegerFormat(at, display, finding.Message, cluster),
        FindingRule.Range => ValidationDiagnostics.Range(at, display, finding.Message, cluster),
        FindingRule.Pattern => ValidationDiagnostics.Pattern(at, display, finding.Message, cluster),
        FindingRule.Length => ValidationDiagnostics.Length(at, display, finding.Message, cluster),
        FindingRule.Format => ValidationDiagnostics.Format(at, display, finding.Message, cluster),
        FindingRule.Count => ValidationDiagnostics.Count(at, display, finding.Message, cluster),
        FindingRule.Duplicate => ValidationDiagnostics.Duplicate(at, display, finding.Message, cluster),
        FindingRule.Composition => ValidationDiagnostics.Composition(at, display, finding.Message, cluster),
        FindingRule.Size => ValidationDiagnostics.SizeLimit(at, display, finding.Message, cluster),
        _ => ValidationDiagnostics.EnvNamePortability(at, display, finding.Message, cluster),
    };
}
