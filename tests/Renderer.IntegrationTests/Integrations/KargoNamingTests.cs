using Renderer.Tests.Support;

namespace Renderer.IntegrationTests.Integrations;

/// <summary>
/// The default layout's file names against Kargo's kustomize-build naming, <c>[namespace-]kind-name.yaml</c>:
/// the namespace is a folder instead of a prefix, cluster-scoped objects sit in _cluster/, and custom
/// resources add their group after the kind.
/// </summary>
public sealed class KargoNamingTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("fedrender-kargo-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void DefaultLayoutFileNamesAreKargosWithTheNamespaceAsAFolder()
    {
        var output = Path.Combine(temp, "out");
        Assert.Equal(0, DiskCli.Run(RepositoryPaths.Root, "render", "examples/elk", "--output", output).Exit);
        var checkedFiles = 0;
        foreach (var file in Directory.GetFiles(output, "*.yaml", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "kustomization.yaml"))
        {
            var relative = Path.GetRelativePath(Path.Combine(output, Path.GetRelativePath(output, file).Split('/')[0]), file);
            var item = Assert.Single(Yaml.File(file));
            var kind = ((string?)item["kind"] ?? string.Empty).ToLowerInvariant();
            var group = ((string?)item["apiVersion"] ?? string.Empty) is var apiVersion && apiVersion.Contains('/') ? apiVersion.Split('/')[0] : string.Empty;
            var custom = group.Contains('.') && !group.EndsWith(".k8s.io", StringComparison.Ordinal);
            var ns = (string?)item["metadata"]?["namespace"];
            var kargo = $"{(ns is null ? string.Empty : ns + "-")}{kind}-{(string?)item["metadata"]?["name"]}.yaml";
            var fedrender = ns is null ? relative["_cluster/".Length..] : relative.Replace('/', '-');
            Assert.Equal(custom ? kargo.Replace($"{kind}-", $"{kind}.{group}-", StringComparison.Ordinal) : kargo, fedrender);
            checkedFiles++;
        }

        Assert.Equal(55, checkedFiles);
    }
}
