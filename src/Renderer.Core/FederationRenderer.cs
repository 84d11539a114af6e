using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Model;
using Renderer.Core.Output;
using Renderer.Core.Pipeline;
using Renderer.Core.Validation;

namespace Renderer.Core;

/// <summary>
/// The facade: inputs in, per-cluster manifests and diagnostics out. Pure: no disk, no console, no clock.
/// Stages: load → bind → place → build per cluster → lay out and emit. Nothing is returned to write when
/// any error exists (or any warning, under Strict).
/// </summary>
public static class FederationRenderer
{
    public static RenderResult Render(IReadOnlyList<SourceFile> inputs, RenderOptions options)
    {
        var clusters = new System.Collections.Concurrent.ConcurrentBag<ClusterManifests>();
        var diagnostics = RenderTo(inputs, options, clusters.Add);
        if (diagnostics.Any(d => d.IsError)) return new RenderResult(diagnostics, []);
        return new RenderResult(diagnostics, clusters.OrderBy(c => c.Cluster, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// Renders cluster by cluster, handing each cluster's files to <paramref name="sink"/> as soon as they are
    /// written (possibly from several threads at once), so memory does not grow with clusters x objects. The
    /// sink sees every cluster even when errors are found; the caller must discard what it received then.
    /// </summary>
    public static IReadOnlyList<Diagnostic> RenderTo(IReadOnlyList<SourceFile> inputs, RenderOptions options, Action<ClusterManifests> sink) =>
        Stream(inputs, options, cluster => sink(new ClusterManifests(cluster.Cluster, Emit(cluster.Objects))));

    /// <summary>Everything up to emission: the objects each cluster receives, as JSON, with all diagnostics.</summary>
    public static RenderPlan Plan(IReadOnlyList<SourceFile> inputs, RenderOptions options)
    {
        var clusters = new System.Collections.Concurrent.ConcurrentBag<ClusterPlan>();
        var diagnostics = Stream(inputs, options, clusters.Add);
        return new RenderPlan(diagnostics, clusters.OrderBy(c => c.Cluster, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// The pipeline: load, bind, schedule replicas, place, check each resource once, then build, validate and
    /// hand over one cluster at a time (clusters in parallel). Returns every diagnostic, sorted.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Stream(IReadOnlyList<SourceFile> inputs, RenderOptions options, Action<ClusterPlan> onCluster)
    {
        var diagnostics = new List<Diagnostic>();
        return Stream(Place(inputs, options, diagnostics), options, onCluster, diagnostics);
    }

    /// <summary>The front of every command: load, bind, schedule replicas and place.</summary>
    private static Placed Place(IReadOnlyList<SourceFile> inputs, RenderOptions options, List<Diagnostic> diagnostics)
    {
        var documents = Load(inputs, options.Limits, options.Namespace, diagnostics);
        var (bound, bindDiagnostics) = DocumentBinder.Bind(documents);
        diagnostics.AddRange(bindDiagnostics);

        // Without a single KubeFedCluster every resource goes nowhere, and a render would empty its output.
        if (bound.Clusters.Count == 0 && bound.Resources.Count > 0) diagnostics.Add(DocumentDiagnostics.NoClusters(bound.Resources[0].Document.At("/kind"), bound.Resources.Count));
        var federation = ReplicaScheduler.Apply(bound, diagnostics);
        var scope = federation.Config?.Scope ?? options.Scope;
        return new Placed(documents, federation, scope, NamespacePlacement.Resolve(federation, scope, diagnostics));
    }

    private sealed record Placed(List<SourceDocument> Documents, Federation Federation, ControlPlaneScope Scope, IReadOnlyDictionary<FederatedResource, ClusterSelection> Placements);

    private static IReadOnlyList<Diagnostic> Stream(Placed placed, RenderOptions options, Action<ClusterPlan> onCluster, List<Diagnostic> diagnostics)
    {
        var (documents, federation, _, placements) = placed;
        var catalog = CustomResourceSchemas.Catalog(federation.CustomResourceDefinitions, diagnostics);
        var crdVersions = CustomResourceSchemas.DeclaredVersions(federation.CustomResourceDefinitions);
        var prepared = new List<PreparedResource>();
        foreach (var resource in federation.Resources)
        {
            ObjectBuilder.InspectTemplate(resource, diagnostics);
            var templateFindings = options.Validate ? ObjectValidator.CheckTemplate(resource, catalog, diagnostics) : [];
            var overrides = OverrideValidator.Plan(resource, diagnostics, crdVersions);
            var selection = placements[resource];
            // An override is stale only for a cluster the resource's own placement leaves out; the namespace gate is reported on its own.
            var own = PlacementResolver.Select(resource.Placement, federation.Clusters, resource.Document, []);
            OverrideValidator.ReportUnselected(resource, overrides, own.Valid ? own : selection, diagnostics);
            if (!overrides.Valid || !selection.Valid) continue;
            if (DocumentBinder.IsNamespace(resource.Target) && NamespacePlacement.SystemNamespaces.Contains(resource.Name)) continue;
            prepared.Add(new PreparedResource(resource, overrides, templateFindings, selection.Clusters.ToHashSet(StringComparer.Ordinal)));
        }

        var clusters = prepared.SelectMany(p => p.Clusters).Distinct(StringComparer.Ordinal).Where(options.Clusters.Includes).Order(StringComparer.Ordinal).ToList();
        var index = options.Validate ? ReferenceChecker.Index(prepared.Select(p => (p.Resource, (IReadOnlyCollection<string>)p.Clusters))) : null;
        var perCluster = new List<Diagnostic>[clusters.Count];
        Parallel.For(0, clusters.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism > 0 ? options.Parallelism : -1 }, i =>
        {
            var cluster = clusters[i];
            var local = new List<Diagnostic>();
            var objects = new List<RenderedObject>();
            foreach (var item in prepared)
            {
                if (!item.Clusters.Contains(cluster)) continue;
                var patch = item.Overrides.Clusters.GetValueOrDefault(cluster);
                var built = ObjectBuilder.Build(item.Resource, cluster, patch, local);
                if (built is null) continue;
                if (options.Validate && patch is { Operations.Count: > 0 }) ObjectValidator.CheckCluster(item.Resource, cluster, built, patch, item.TemplateFindings, catalog, local);
                objects.Add(new RenderedObject(item.Resource, built));
            }

            CheckCollisions(cluster, objects, local);
            var plan = new ClusterPlan(cluster, ManifestLayout.Sort(objects));
            if (index is not null) ReferenceChecker.CheckCluster(plan, index, local);
            perCluster[i] = local;
            onCluster(plan);
        });

        foreach (var local in perCluster) diagnostics.AddRange(local);
        return DiagnosticFinisher.Finish(diagnostics, documents, options.Strict);
    }

    /// <summary>Why <c>kind/namespace/name</c> is or is not on <paramref name="cluster"/>, and where its fields came from; null when no federated document renders it.</summary>
    public static (Explanation? Explanation, IReadOnlyList<Diagnostic> Diagnostics) Explain(IReadOnlyList<SourceFile> inputs, RenderOptions options, string cluster, string kind, string? ns, string name, string? field)
    {
        var diagnostics = new List<Diagnostic>();
        var (documents, federation, scope, placements) = Place(inputs, options, diagnostics);
        var explanation = Explainer.Explain(federation, placements, scope, cluster, kind, ns, name, field);
        return (explanation, DiagnosticFinisher.Finish(diagnostics, documents, options.Strict));
    }

    /// <summary>
    /// The matrix of what every cluster gets, with the render's diagnostics; no rows when any error is found.
    /// </summary>
    public static Preview Preview(IReadOnlyList<SourceFile> inputs, RenderOptions options)
    {
        // One load for both: the render's diagnostics, and the matrix over the same federation.
        var diagnostics = new List<Diagnostic>();
        var placed = Place(inputs, options, diagnostics);
        var rendered = Stream(placed, options, _ => { }, diagnostics);
        if (rendered.Any(d => d.IsError)) return new Preview([], [], rendered);
        var (_, federation, scope, placements) = placed;
        var clusters = federation.Clusters.Where(c => options.Clusters.Includes(c.Name)).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var rows = PreviewBuilder.Build(federation, placements, scope, clusters.Select(c => c.Name).ToList());
        return new Preview(clusters.Select(c => new PreviewCluster(c.Name, c.Labels)).ToList(), rows, rendered);
    }

    private sealed record PreparedResource(FederatedResource Resource, OverridePlan Overrides, HashSet<(string, string)> TemplateFindings, HashSet<string> Clusters);

    /// <summary>Plain manifests in, Federated documents out, as <c>kubefedctl federate</c> produced them.</summary>
    public static FederateResult Federate(IReadOnlyList<SourceFile> inputs, LoadLimits limits, FederateOptions options)
    {
        var diagnostics = new List<Diagnostic>();
        var documents = Load(inputs, limits, options.Namespace, diagnostics);
        var (federated, federateDiagnostics) = Federator.Federate(documents, options);
        diagnostics.AddRange(federateDiagnostics);
        var sorted = DiagnosticFinisher.Finish(diagnostics, documents, strict: false);
        if (sorted.Any(d => d.IsError)) return new FederateResult(sorted, string.Empty, 0);
        var text = new System.Text.StringBuilder();
        foreach (var document in federated)
        {
            text.Append("---\n");
            YamlEmitter.Write(text, document);
        }

        return new FederateResult(sorted, text.ToString(), federated.Count);
    }

    /// <summary>Reads every input, splits lists into their items and gives namespaced documents the default namespace, as kubectl does.</summary>
    private static List<SourceDocument> Load(IReadOnlyList<SourceFile> inputs, LoadLimits limits, string? defaultNamespace, List<Diagnostic> diagnostics)
    {
        if (defaultNamespace is not null && KubernetesNames.CheckLabel(defaultNamespace) is { } problem)
        {
            diagnostics.Add(DocumentDiagnostics.InvalidDefaultNamespace(defaultNamespace, problem));
            defaultNamespace = null;
        }

        var documents = new List<SourceDocument>();
        long total = 0;
        foreach (var input in inputs)
        {
            total += input.Content.Length;
            if (total > limits.MaxTotalBytes)
            {
                diagnostics.Add(InputDiagnostics.InputsTooLarge(SourceLocation.OfFile(input.Path), limits.MaxTotalBytes));
                break;
            }

            var (loaded, loadDiagnostics) = YamlLoader.Load(input, limits);
            documents.AddRange(loaded);
            diagnostics.AddRange(loadDiagnostics);
        }

        return NamespaceDefaulter.Apply(ListUnwrapper.Unwrap(documents, diagnostics), defaultNamespace);
    }

    /// <summary>Two federated documents may not put the same object, or the same file, on one cluster.</summary>
    private static void CheckCollisions(string cluster, List<RenderedObject> objects, List<Diagnostic> diagnostics)
    {
        var identities = new Dictionary<string, RenderedObject>(StringComparer.Ordinal);
        var paths = new Dictionary<string, RenderedObject>(StringComparer.Ordinal);
        foreach (var item in objects)
        {
            var target = item.Source.Target;
            var identity = $"{target.Kind}.{target.Group}/{(target.Namespaced ? item.Source.Namespace : string.Empty)}/{item.Source.Name}";
            if (identities.TryGetValue(identity, out var other))
            {
                diagnostics.Add(ObjectDiagnostics.DuplicateObject(item.Source.Document.At("/metadata/name"), cluster, item.Source.DisplayName, other.Source.Document.At("/metadata/name")));
                continue;
            }

            identities[identity] = item;
            if (paths.TryGetValue(item.RelativePath, out var samePath))
            {
                diagnostics.Add(ObjectDiagnostics.PathCollision(item.Source.Document.At("/metadata/name"), cluster, item.RelativePath, samePath.Source.Document.At("/metadata/name")));
                continue;
            }

            paths[item.RelativePath] = item;
        }
    }

    private static IReadOnlyList<OutputFile> Emit(IReadOnlyList<RenderedObject> ordered)
    {
        var files = new List<OutputFile>(ordered.Count + 1);
        foreach (var item in ordered) files.Add(new OutputFile(item.RelativePath, YamlEmitter.Emit(item.Object)));
        files.Add(new OutputFile(ManifestLayout.KustomizationFile, ManifestLayout.Kustomization(ordered)));
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }
}
