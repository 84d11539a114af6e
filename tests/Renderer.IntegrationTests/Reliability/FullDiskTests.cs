using Renderer.Tests.Support;

namespace Renderer.IntegrationTests.Reliability;

/// <summary>
/// Writing the output onto a real full or read-only file system (a small tmpfs of the test's own, which needs
/// root): an error diagnostic, never a crash, and the previous output left whole.
/// </summary>
public sealed class FullDiskTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("fedrender-disk-").FullName;

    private readonly List<string> mounts = [];

    public void Dispose()
    {
        foreach (var mount in mounts) ExternalProcess.Run(ExternalTool.TmpfsMount.PathOf("umount"), [mount]);
        Directory.Delete(root, recursive: true);
    }

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(root, name), content);

    private ProcessResult Render(string output) => DiskCli.Run(root, "render", "app.yaml", "-o", output);

    [ToolFact(Tool.TmpfsMount)]
    public void FullDiskLeavesThePreviousOutputWhole()
    {
        var disk = Mount("full", "size=256k");
        Write("app.yaml", Federation(1));
        Assert.Equal(0, Render(Path.Combine(disk, "out")).Exit);
        var before = File.ReadAllText(Path.Combine(disk, "out", "c1", "shop", "configmap-big.yaml"));
        Write("app.yaml", Federation(400));
        var (exit, _, error) = Render(Path.Combine(disk, "out"));
        Assert.Equal(2, exit);
        Assert.Contains("FR9006", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(disk, "out", "c1", "shop", "configmap-big.yaml")));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(disk).Select(e => Path.GetFileName(e)));
    }

    [ToolFact(Tool.TmpfsMount)]
    public void ReadOnlyOutputIsAnErrorNotACrash()
    {
        var disk = Mount("readonly", "ro,size=64k");
        Write("app.yaml", Federation(1));
        var (exit, _, error) = Render(Path.Combine(disk, "out"));
        Assert.Equal(2, exit);
        Assert.Contains("FR9006", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    /// <summary>A federation whose ConfigMap carries <paramref name="kilobytes"/> KiB of data.</summary>
    private static string Federation(int kilobytes) => $"""
        apiVersion: core.kubefed.io/v1beta1
        kind: KubeFedCluster
        metadata: {"{"}name: c1{"}"}
        ---
        apiVersion: types.kubefed.io/v1beta1
        kind: FederatedNamespace
        metadata: {"{"}name: shop, namespace: shop{"}"}
        spec: {"{"}placement: {"{"}clusterSelector: {"{"}{"}"}{"}"}{"}"}
        ---
        apiVersion: types.kubefed.io/v1beta1
        kind: FederatedConfigMap
        metadata: {"{"}name: big, namespace: shop{"}"}
        spec:
          placement: {"{"}clusterSelector: {"{"}{"}"}{"}"}
          template:
            data:
              blob: {new string('x', kilobytes * 1024)}
        """;

    /// <summary>Mounts a tmpfs with <paramref name="options"/> under the test's folder.</summary>
    private string Mount(string name, string options)
    {
        var path = Path.Combine(root, name);
        Directory.CreateDirectory(path);
        var mounted = ExternalProcess.Run(ExternalTool.TmpfsMount.PathOf("mount"), ["-t", "tmpfs", "-o", options, "tmpfs", path]);
        Assert.True(mounted.Exit == 0, "mounting a tmpfs failed: " + mounted.Error);
        mounts.Add(path);
        return path;
    }
}
