using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Model;
using Renderer.Core.Output;
using Renderer.Core.Pipeline;
using Renderer.Core.Sealing;
using Renderer.Core.Secrets;
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
        var diagnostics = new List<Diagnostic>();
        var (documents, broken) = Load(inputs, options.Limits, options.Namespace, diagnostics);
        IReadOnlyList<Diagnostic> finished;
        SecretMap secrets;
        if (Karmada.KarmadaDocuments.AnyIn(documents))
        {
            (finished, secrets) = StreamKarmada(documents, broken, options, cluster => clusters.Add(Emit(options.Layout, cluster)), diagnostics);
        }
        else
        {
            var placed = Place(documents, broken, options, diagnostics);
            (finished, secrets) = (Stream(placed, options, ClusterSink.Files(clusters.Add), diagnostics), placed.Secrets);
        }

        if (finished.Any(d => d.IsError)) return new RenderResult(finished, []) { Secrets = secrets };
        return new RenderResult(finished, clusters.OrderBy(c => c.Cluster, StringComparer.Ordinal).ToList()) { Secrets = secrets, RootFiles = options.Layout.RootFiles };
    }

    /// <summary>
    /// Renders cluster by cluster, handing each cluster's files to <paramref name="sink"/> as soon as they are
    /// written (possibly from several threads at once), so memory does not grow with clusters x objects. The
    /// sink sees every cluster even when errors are found; the caller must discard what it received then.
    /// </summary>
    public static IReadOnlyList<Diagnostic> RenderTo(IReadOnlyList<SourceFile> inputs, RenderOptions options, Action<ClusterManifests> sink) =>
        Stream(inputs, options, ClusterSink.Files(sink));

    /// <summary>Every check of a render, without emitting or keeping any cluster's files: what <c>validate</c> needs.</summary>
    public static IReadOnlyList<Diagnostic> Validate(IReadOnlyList<SourceFile> inputs, RenderOptions options) =>
        Stream(inputs, options, ClusterSink.Nothing);

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
    public static IReadOnlyList<Diagnostic> Stream(IReadOnlyList<SourceFile> inputs, RenderOptions options, Action<ClusterPlan> onCluster) =>
        Stream(inputs, options, ClusterSink.Plans(onCluster));

    private static IReadOnlyList<Diagnostic> Stream(IReadOnlyList<SourceFile> inputs, RenderOptions options, ClusterSink sink)
    {
        var diagnostics = new List<Diagnostic>();
        var (documents, broken) = Load(inputs, options.Limits, options.Namespace, diagnostics);
        if (Karmada.KarmadaDocuments.AnyIn(documents)) return StreamKarmada(documents, broken, options, sink.ForPlans(options.Layout), diagnostics).Diagnostics;
        return Stream(Place(documents, broken, options, diagnostics), options, sink, diagnostics);
    }

    /// <summary>
    /// What a streamed render hands over for each cluster: its objects (<see cref="Plans"/>), its files
    /// (<see cref="Files"/>: each object is emitted as soon as it is checked and not kept, so a cluster's objects
    /// never all sit in memory at once), or nothing (<see cref="Nothing"/>: the checks alone).
    /// </summary>
    private sealed record ClusterSink(Action<ClusterPlan>? OnPlan, Action<ClusterManifests>? OnFiles)
    {
        public static ClusterSink Nothing { get; } = new(null, null);

        public static ClusterSink Plans(Action<ClusterPlan> onPlan) => new(onPlan, null);

        public static ClusterSink Files(Action<ClusterManifests> onFiles) => new(null, onFiles);

        /// <summary>The same hand-over for a producer that makes whole plans (Karmada's).</summary>
        public Action<ClusterPlan> ForPlans(OutputLayout layout) => cluster =>
        {
            OnPlan?.Invoke(cluster);
            OnFiles?.Invoke(Emit(layout, cluster));
        };
    }

    /// <summary>Karmada inputs (any policy or cluster document among them): the same per-cluster plans, from Karmada's semantics.</summary>
    private static (IReadOnlyList<Diagnostic> Diagnostics, SecretMap Secrets) StreamKarmada(List<SourceDocument> documents, List<SourceFile> broken, RenderOptions options, Action<ClusterPlan> onCluster, List<Diagnostic> diagnostics)
    {
        Karmada.KarmadaRenderer.Stream(documents, options, onCluster, diagnostics);
        var secrets = SecretFinder.Find(documents, broken, []);
        return (DiagnosticFinisher.Finish(diagnostics.Distinct().ToList(), secrets, options.Strict), secrets);
    }

    /// <summary>The front of every command: load, bind, schedule replicas and place.</summary>
    private static Placed Place(IReadOnlyList<SourceFile> inputs, RenderOptions options, List<Diagnostic> diagnostics)
    {
        var (documents, broken) = Load(inputs, options.Limits, options.Namespace, diagnostics);
        return Place(documents, broken, options, diagnostics);
    }

    private static Placed Place(List<SourceDocument> documents, List<SourceFile> broken, RenderOptions options, List<Diagnostic> diagnostics)
    {
        var (bound, bindDiagnostics) = DocumentBinder.Bind(documents);
        diagnostics.AddRange(bindDiagnostics);
        ClusterSelectionChecker.CheckSelected(options.Clusters, bound.Clusters.Select(c => c.Name).ToList(), ClusterSelectionChecker.KubeFedRegistry, diagnostics);

        // Without a single KubeFedCluster every resource goes nowhere, and a render would empty its output.
        if (bound.Clusters.Count == 0 && bound.Resources.Count > 0) diagnostics.Add(DocumentDiagnostics.NoClusters(bound.Resources[0].Document.At("/kind"), bound.Resources.Count));
        var secrets = SecretFinder.Find(documents, broken, bound.TypeConfigs);
        var federation = ReplicaScheduler.Apply(bound, diagnostics);
        var scope = federation.Config?.Scope ?? options.Scope;
        var placement = NamespacePlacement.Place(federation, scope, diagnostics);
        return new Placed(secrets, federation, placement);
    }

    /// <summary>What every command starts from: the federation and its one placement result.</summary>
    private sealed record Placed(SecretMap Secrets, Federation Federation, PlacementResult Placement);

    private static IReadOnlyList<Diagnostic> Stream(Placed placed, RenderOptions options, ClusterSink sink, List<Diagnostic> diagnostics)
    {
        var (secrets, federation, placement) = placed;
        var (placements, ownPlacements) = (placement.Final, placement.Own);
        var catalog = CustomResourceSchemas.Catalog(federation.CustomResourceDefinitions, diagnostics);
        var crdVersions = CustomResourceSchemas.DeclaredVersions(federation.CustomResourceDefinitions);
        var prepared = new List<PreparedResource>();
        foreach (var resource in federation.Resources)
        {
            ObjectBuilder.InspectTemplate(resource, diagnostics);
            // The template's own object: validated once, and shared by every cluster that has no override.
            var template = ObjectBuilder.Build(resource, string.Empty, null, []);
            var templateFindings = options.Validate && template is not null ? ObjectValidator.CheckTemplate(resource, template, catalog, diagnostics) : [];
            var overrides = OverrideValidator.Plan(resource, diagnostics, crdVersions);
            var selection = placements[resource];
            // An override is stale only for a cluster the resource's own placement leaves out; the namespace gate is reported on its own.
            var own = ownPlacements[resource];
            OverrideValidator.ReportUnselected(resource, overrides, own.Valid ? own : selection, diagnostics);
            if (!overrides.Valid || !selection.Valid || template is null) continue;
            var path = ManifestLayout.PathOf(resource);
            var shared = new RenderedObject(resource, template)
            {
                RelativePath = path,
                SharedFile = new Lazy<OutputFile>(() => new OutputFile(path, YamlEmitter.Emit(template)), LazyThreadSafetyMode.ExecutionAndPublication),
            };
            prepared.Add(new PreparedResource(resource, overrides, templateFindings, selection.Clusters.ToHashSet(StringComparer.Ordinal), shared));
        }

        var clusters = prepared.SelectMany(p => p.Clusters).Distinct(StringComparer.Ordinal).Where(options.Clusters.Includes).Order(StringComparer.Ordinal).ToList();
        CheckRootFiles(federation, clusters, options.Layout, diagnostics);
        var index = options.Validate ? ReferenceChecker.Index(prepared.Select(p => (p.Resource, (IReadOnlyCollection<string>)p.Clusters))) : null;
        var perCluster = new List<Diagnostic>[clusters.Count];
        Parallel.For(0, clusters.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism > 0 ? options.Parallelism : -1 }, i =>
        {
            var cluster = clusters[i];
            var local = new List<Diagnostic>();
            var objects = new List<ClusterObject>();
            foreach (var item in prepared)
            {
                if (!item.Clusters.Contains(cluster)) continue;
                var patch = item.Overrides.Clusters.GetValueOrDefault(cluster);
                RenderedObject rendered;
                if (patch is not { Operations.Count: > 0 })
                {
                    // No override: the object is the template's, built, validated and emitted once for all clusters.
                    rendered = item.Shared;
                }
                else
                {
                    var built = ObjectBuilder.Build(item.Resource, cluster, patch, local);
                    if (built is null) continue;
                    if (options.Validate) ObjectValidator.CheckCluster(item.Resource, cluster, built, patch, item.TemplateFindings, catalog, local);
                    rendered = new RenderedObject(item.Resource, built) { RelativePath = item.Shared.RelativePath };
                }

                if (index is not null) ReferenceChecker.CheckObject(cluster, rendered, index, local);
                objects.Add(new ClusterObject(item.Resource, rendered.RelativePath)
                {
                    Rendered = sink.OnPlan is null ? null : rendered,
                    File = sink.OnFiles is null ? null : FileOf(rendered),
                });
            }

            CheckCollisions(cluster, objects, local);
            var omitted = PlainSecretsIn(cluster, objects, options.PlainSecrets, local);
            var ordered = ManifestLayout.Sort(objects, o => o.Source);
            perCluster[i] = local;
            sink.OnPlan?.Invoke(new ClusterPlan(cluster, ordered.Select(o => o.Rendered).OfType<RenderedObject>().ToList()) { OmittedSecrets = omitted });
            sink.OnFiles?.Invoke(Files(options.Layout, cluster, ordered.Select(o => o.File).OfType<OutputFile>().ToList(), omitted));
        });

        foreach (var local in perCluster) diagnostics.AddRange(local);
        return DiagnosticFinisher.Finish(diagnostics, secrets, options.Strict);
    }

    /// <summary>Why <c>kind/namespace/name</c> is or is not on <paramref name="cluster"/>, and where its fields came from; null when no federated document renders it, or the cluster is not registered (FR2205).</summary>
    public static (Explanation? Explanation, IReadOnlyList<Diagnostic> Diagnostics) Explain(IReadOnlyList<SourceFile> inputs, RenderOptions options, string cluster, string kind, string? ns, string name, string? field)
    {
        var diagnostics = new List<Diagnostic>();
        var placed = Place(inputs, options, diagnostics);
        var (secrets, federation, _) = placed;
        // A cluster that is not registered holds no object: the question is wrong about the inputs, so it is not answered.
        if (!ClusterSelectionChecker.CheckExplained(cluster, federation.Clusters.Select(c => c.Name).ToList(), diagnostics)) return (null, DiagnosticFinisher.Finish(diagnostics, secrets, options.Strict));
        var explanation = Explainer.Explain(federation, placed.Placement, cluster, kind, ns, name, field);
        if (explanation is not null) explanation = Explainer.Redact(explanation, secrets);
        return (explanation, DiagnosticFinisher.Finish(diagnostics, secrets, options.Strict));
    }

    /// <summary>
    /// The matrix of what every cluster gets, with the render's diagnostics; no rows when any error is found.
    /// </summary>
    public static Preview Preview(IReadOnlyList<SourceFile> inputs, RenderOptions options)
    {
        // One load for both: the render's diagnostics, and the matrix over the same federation and the objects the render built.
        var diagnostics = new List<Diagnostic>();
        var placed = Place(inputs, options, diagnostics);
        var built = new System.Collections.Concurrent.ConcurrentBag<ClusterPlan>();
        var rendered = Stream(placed, options, ClusterSink.Plans(built.Add), diagnostics);
        if (rendered.Any(d => d.IsError)) return new Preview([], [], rendered);
        var clusters = placed.Federation.Clusters.Where(c => options.Clusters.Includes(c.Name)).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var rows = PreviewBuilder.Build(placed.Federation, placed.Placement, clusters, built.ToList());
        return new Preview(clusters.Select(c => new PreviewCluster(c.Name, c.Labels)).ToList(), rows, rendered);
    }

    /// <summary>
    /// JSON Schemas for every Federated&lt;Kind&gt; fedrender knows (the built-in kinds, and the type configs and
    /// CustomResourceDefinitions of <paramref name="inputs"/>) and for the KubeFed API kinds; see <see cref="EditorSchemas"/>.
    /// </summary>
    public static SchemaSet Schemas(IReadOnlyList<SourceFile> inputs, RenderOptions options, string baseUrl)
    {
        var diagnostics = new List<Diagnostic>();
        var (documents, _) = Load(inputs, options.Limits, options.Namespace, diagnostics);
        var (federation, bindDiagnostics) = DocumentBinder.Bind(documents);
        diagnostics.AddRange(bindDiagnostics.Where(d => d.IsError));
        var files = EditorSchemas.Generate(federation.TypeConfigs, federation.CustomResourceDefinitions, baseUrl, diagnostics);
        var sorted = DiagnosticFinisher.Finish(diagnostics, documents, options.Strict);
        return new SchemaSet(sorted, sorted.Any(d => d.IsError) ? [] : files);
    }

    /// <summary>
    /// The first half of <c>fedrender seal</c>: the federation's clusters resolved for the request and the
    /// Secret read; the CLI then reads each target's certificate and calls <see cref="SecretSealer.Seal"/>.
    /// </summary>
    public static SealPlan PlanSeal(IReadOnlyList<SourceFile> inputs, SealRequest request, LoadLimits limits)
    {
        var diagnostics = new List<Diagnostic>();
        var (documents, broken) = Load(inputs, limits, null, diagnostics);
        var (federation, _) = DocumentBinder.Bind(documents);
        var secretDiagnostics = new List<Diagnostic>();
        var (secretDocuments, secretBroken) = Load([request.Secret], limits, null, secretDiagnostics);
        var secrets = SecretFinder.Find(documents.Concat(secretDocuments), broken.Concat(secretBroken), federation.TypeConfigs);
        var plan = SecretSealer.Plan(federation, secretDocuments, request.Secret, request, secrets);
        // Only what stops the seal is reported about the federation: its own checks belong to validate.
        var blocking = diagnostics.Where(d => d.IsError).Concat(secretDiagnostics.Where(d => d.IsError || d.Code.StartsWith("FR1", StringComparison.Ordinal)));
        return plan with { Diagnostics = DiagnosticFinisher.Finish(blocking.Concat(plan.Diagnostics), secrets, strict: false) };
    }

    private sealed record PreparedResource(FederatedResource Resource, OverridePlan Overrides, HashSet<(string, string)> TemplateFindings, HashSet<string> Clusters, RenderedObject Shared);

    /// <summary>Plain manifests in, Federated documents out, as <c>kubefedctl federate</c> produced them.</summary>
    public static FederateResult Federate(IReadOnlyList<SourceFile> inputs, LoadLimits limits, FederateOptions options) => Federate(inputs, [], limits, options);

    /// <summary>
    /// Plain manifests in, Federated documents out; the CustomResourceDefinitions of <paramref name="schemas"/> (what
    /// <c>--schemas</c> names) type custom kinds as those among the inputs do, but nothing in them is federated.
    /// </summary>
    public static FederateResult Federate(IReadOnlyList<SourceFile> inputs, IReadOnlyList<SourceFile> schemas, LoadLimits limits, FederateOptions options)
    {
        var diagnostics = new List<Diagnostic>();
        // One load, so that the size limits count the schemas with the inputs; the documents are then told apart by file.
        var (loaded, broken) = Load([.. inputs, .. schemas], limits, options.Namespace, diagnostics);
        var schemaFiles = schemas.Select(s => s.Path).Except(inputs.Select(i => i.Path), StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var documents = loaded.Where(d => !schemaFiles.Contains(d.File)).ToList();
        var definitions = loaded.Where(d => schemaFiles.Contains(d.File)).ToList();
        var (federated, federateDiagnostics) = Federator.Federate(documents, definitions, options);
        diagnostics.AddRange(federateDiagnostics);
        var secrets = SecretFinder.Find(loaded, broken, []);
        var sorted = DiagnosticFinisher.Finish(diagnostics, secrets, strict: false);
        if (sorted.Any(d => d.IsError)) return new FederateResult(sorted, string.Empty, 0) { Secrets = secrets };
        var text = new System.Text.StringBuilder();
        foreach (var document in federated)
        {
            text.Append("---\n");
            YamlEmitter.Write(text, document);
        }

        return new FederateResult(sorted, text.ToString(), federated.Count) { Secrets = secrets };
    }

    /// <summary>Every document of the inputs (lists split into their items, namespaced documents given the default namespace, as kubectl does), and the files in which some document failed to load (scanned for Secret values).</summary>
    internal static (List<SourceDocument> Documents, List<SourceFile> Broken) Load(IReadOnlyList<SourceFile> inputs, LoadLimits limits, string? defaultNamespace, List<Diagnostic> diagnostics)
    {
        if (defaultNamespace is not null && KubernetesNames.CheckLabel(defaultNamespace) is { } problem)
        {
            diagnostics.Add(DocumentDiagnostics.InvalidDefaultNamespace(defaultNamespace, problem));
            defaultNamespace = null;
        }

        var documents = new List<SourceDocument>();
        var broken = new List<SourceFile>();
        long total = 0;
        var totals = default(LoadTotals);
        foreach (var input in inputs)
        {
            total += input.Content.Length;
            if (total > limits.MaxTotalBytes)
            {
                diagnostics.Add(InputDiagnostics.InputsTooLarge(SourceLocation.OfFile(input.Path), limits.MaxTotalBytes));
                break;
            }

            (var loaded, var loadDiagnostics, totals) = YamlLoader.Load(input, limits, totals);
            documents.AddRange(loaded);
            diagnostics.AddRange(loadDiagnostics);
            if (loadDiagnostics.Any(d => d.IsError)) broken.Add(input);
            if (totals.Nodes > limits.MaxTotalNodes || totals.Documents > limits.MaxDocuments) break;
        }

        return (NamespaceDefaulter.Apply(ListUnwrapper.Unwrap(documents, diagnostics), defaultNamespace), broken);
    }

    /// <summary>Plain Secrets bound for the output tree: warned about (removed from <paramref name="objects"/> under Omit, and their paths returned).</summary>
    private static IReadOnlyList<string> PlainSecretsIn(string cluster, List<ClusterObject> objects, PlainSecrets policy, List<Diagnostic> diagnostics)
    {
        if (policy == PlainSecrets.Allow) return [];
        var secrets = objects.Where(o => SecretKinds.IsSecret(o.Source.Target)).ToList();
        if (policy == PlainSecrets.Warn)
        {
            foreach (var item in secrets) diagnostics.Add(SecretDiagnostics.PlainSecretInOutput(item.Source.Document.At("/kind"), item.Source.DisplayName, cluster + "/" + item.RelativePath, cluster));
            return [];
        }

        objects.RemoveAll(o => SecretKinds.IsSecret(o.Source.Target));
        return secrets.Select(s => s.RelativePath).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A layout's root file (the hydrator's hydrator.metadata) may not take the place of a cluster's directory.</summary>
    private static void CheckRootFiles(Federation federation, List<string> clusters, OutputLayout layout, List<Diagnostic> diagnostics)
    {
        foreach (var file in layout.RootFiles)
        {
            var top = file.RelativePath.Split('/')[0];
            if (!clusters.Contains(top, StringComparer.Ordinal)) continue;
            var at = federation.Clusters.FirstOrDefault(c => c.Name == top)?.Location ?? SourceLocation.None;
            diagnostics.Add(IntegrationDiagnostics.ClusterNameTakenByLayout(at, top, layout.Name, file.RelativePath));
        }
    }

    /// <summary>Two federated documents may not put the same object, or the same file, on one cluster.</summary>
    private static void CheckCollisions(string cluster, List<ClusterObject> objects, List<Diagnostic> diagnostics)
    {
        var identities = new Dictionary<string, ClusterObject>(StringComparer.Ordinal);
        var paths = new Dictionary<string, ClusterObject>(StringComparer.Ordinal);
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

    /// <summary>A cluster's files in the chosen layout; each object is emitted once (shared objects once for all clusters).</summary>
    private static ClusterManifests Emit(OutputLayout layout, ClusterPlan cluster) =>
        Files(layout, cluster.Cluster, cluster.Objects.Select(FileOf).ToList(), cluster.OmittedSecrets);

    /// <summary>An object's own file: emitted once for a shared object, however many clusters receive it.</summary>
    private static OutputFile FileOf(RenderedObject item) => item.SharedFile?.Value ?? OutputFile.FromUtf8(item.RelativePath, System.Text.Encoding.UTF8.GetBytes(YamlEmitter.Emit(item.Object)));

    /// <summary>A cluster's files in the chosen layout, from its objects' files in apply order.</summary>
    private static ClusterManifests Files(OutputLayout layout, string cluster, IReadOnlyList<OutputFile> inOrder, IReadOnlyList<string> omitted) =>
        new(cluster, layout.ClusterFiles(cluster, inOrder))
        {
            ApplyOrder = inOrder,
            Objects = inOrder.Count,
            OmittedSecrets = omitted,
        };
}
