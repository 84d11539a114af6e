using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Model;
using Renderer.Core.Patching;

namespace Renderer.Core.Pipeline;

/// <summary>
/// Builds the object one cluster receives (KubeFed rules 17-22): a fresh copy of the template with its
/// identity set, this cluster's overrides applied (rules 23-33), and the managed label set last.
/// </summary>
public static class ObjectBuilder
{
    public const string ManagedLabel = "kubefed.io/managed";

    private static readonly string[] ServerMetadataFields = ["resourceVersion", "uid", "creationTimestamp", "generation", "selfLink", "managedFields", "deletionTimestamp"];

    /// <summary>Resource-level warnings about the template, reported once however many clusters it goes to.</summary>
    public static void InspectTemplate(FederatedResource resource, List<Diagnostic> diagnostics)
    {
        if (resource.Template is not { } template) return;
        var document = resource.Document;
        if (template["metadata"] is JsonObject metadata)
        {
            if (metadata.ContainsKey("annotations")) diagnostics.Add(ObjectDiagnostics.AnnotationsDropped(document.KeyAt("/spec/template/metadata/annotations"), resource.DisplayName));
            if (metadata.ContainsKey("finalizers")) diagnostics.Add(ObjectDiagnostics.FinalizersDropped(document.KeyAt("/spec/template/metadata/finalizers"), resource.DisplayName));
            foreach (var field in ServerMetadataFields)
            {
                if (metadata.ContainsKey(field)) diagnostics.Add(ObjectDiagnostics.ServerField(document.KeyAt("/spec/template/metadata/" + field), resource.DisplayName, "metadata." + field));
            }
        }

        if (template.ContainsKey("status")) diagnostics.Add(ObjectDiagnostics.ServerField(document.KeyAt("/spec/template/status"), resource.DisplayName, "status"));
    }

    /// <summary>The object without overrides: rules 17-20 (and 21's label, for callers that apply no patch).</summary>
    public static JsonObject BuildBase(FederatedResource resource)
    {
        var template = resource.Template;
        var result = new JsonObject();
        var apiVersion = template.Get("apiVersion") is JsonValue v && JsonKinds.IsString(v, out var written) && written.Length > 0
            ? written
            : resource.Target.ApiVersion;
        result["apiVersion"] = apiVersion;
        result["kind"] = resource.Target.Kind;

        var metadata = new JsonObject { ["name"] = resource.Name };
        if (resource.Target.Namespaced && resource.Namespace is { } ns) metadata["namespace"] = ns;
        if (template.Get("metadata") is JsonObject templateMetadata)
        {
            foreach (var (key, value) in templateMetadata)
            {
                if (key is "name" or "namespace" or "annotations" or "finalizers") continue;
                metadata[key] = value?.DeepClone();
            }
        }

        result["metadata"] = metadata;
        if (template is not null)
        {
            foreach (var (key, value) in template)
            {
                if (key is "apiVersion" or "kind" or "metadata") continue;
                result[key] = value?.DeepClone();
            }
        }

        return result;
    }

    /// <summary>
    /// The object for <paramref name="cluster"/>, or null when an override fails there (then the diagnostics
    /// say why, at the override's line).
    /// </summary>
    public static JsonObject? Build(FederatedResource resource, string cluster, ClusterPatch? patch, List<Diagnostic> diagnostics)
    {
        var built = BuildBase(resource);
        if (patch is not null && patch.Operations.Count > 0)
        {
            var document = resource.Document;
            var result = JsonPatch.ApplyInPlace(built, patch.Operations);
            // The /spec/replicas a ReplicaSchedulingPreference writes is the scheduler's, not the user's.
            foreach (var notice in result.Unchanged.Where(n => !(resource.Placement.WrittenByScheduler && n.Operation.Path == ReplicaScheduler.ReplicasPath)))
            {
                diagnostics.Add(OverrideDiagnostics.ChangesNothing(document.At(patch.Pointers[notice.Index] + "/path"), cluster, notice.Operation.OpName, notice.Operation.Path));
            }

            foreach (var notice in result.ReplacesThatAdded)
            {
                diagnostics.Add(OverrideDiagnostics.ReplaceAddedKey(document.At(patch.Pointers[notice.Index] + "/path"), cluster, notice.Operation.Path));
            }

            if (result.Failure is { } failure)
            {
                var original = BuildBase(resource);
                var suggestion = PathSuggester.Suggest(original, failure.Operation);
                diagnostics.Add(OverrideDiagnostics.PatchFailed(
                    document.At(patch.Pointers[failure.Index] + "/path"), cluster, failure.Operation.OpName, failure.Operation.Path,
                    failure.Reason, failure.ExistingPrefix, suggestion));
                return null;
            }

            if (result.Document is not JsonObject patched || !CheckIdentity(resource, patched, cluster, patch, diagnostics)) return null;
            built = patched;
        }

        if (built["metadata"] is not JsonObject metadata)
        {
            var at = patch is null ? resource.Document.Start : resource.Document.At(patch.Source.Pointer);
            diagnostics.Add(OverrideDiagnostics.MetadataNotMapping(at, cluster));
            return null;
        }

        if (metadata["labels"] is not JsonObject labels)
        {
            labels = new JsonObject();
            metadata["labels"] = labels;
        }

        labels.Remove(ManagedLabel);
        labels[ManagedLabel] = "true";
        return built;
    }

    /// <summary>The renderer's policy: overrides may not rename, move or re-kind the object.</summary>
    private static bool CheckIdentity(FederatedResource resource, JsonObject patched, string cluster, ClusterPatch patch, List<Diagnostic> diagnostics)
    {
        var metadata = patched["metadata"] as JsonObject;
        var name = metadata.Get("name");
        var ns = metadata.Get("namespace");
        string? what = null;
        if (!JsonKinds.IsString(name, out var n) || n != resource.Name)
        {
            what = "name";
        }
        else if (resource.Target.Namespaced && (!JsonKinds.IsString(ns, out var s) || s != resource.Namespace))
        {
            what = "namespace";
        }
        else if (!resource.Target.Namespaced && ns is not null)
        {
            what = "namespace";
        }
        else if (!JsonKinds.IsString(patched["kind"], out var k) || k != resource.Target.Kind)
        {
            what = "kind";
        }
        else if (patched.ContainsKey(string.Empty))
        {
            what = "top-level keys";
        }

        if (what is null) return true;
        var index = LastTouching(patch, what == "kind" ? "/kind" : "/metadata");
        diagnostics.Add(OverrideDiagnostics.IdentityChanged(resource.Document.At(patch.Pointers[index] + "/path"), cluster, patch.Operations[index].Path, what));
        return false;
    }

    private static int LastTouching(ClusterPatch patch, string prefix)
    {
        for (var i = patch.Operations.Count - 1; i >= 0; i--)
        {
            var path = patch.Operations[i].Path;
            if (path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal)) return i;
        }

        return patch.Operations.Count - 1;
    }
}
