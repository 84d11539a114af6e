using System.Text.Json.Nodes;
using Renderer.Tests.Support;

namespace Renderer.IntegrationTests.Integrations;

/// <summary>
/// integrations/argocd: the Config Management Plugin's generate command, run as Argo CD's CMP server runs it
/// (its command and args as one argv, the sidecar's environment (this process's) plus the build variables and ARGOCD_ENV_
/// plugin variables, the application's path as the working directory) against the built fedrender.
/// </summary>
public sealed class ArgoCdPluginTests : IDisposable
{
    private static readonly string Plugin = Path.Combine(RepositoryPaths.Root, "integrations", "argocd", "plugin.yaml");
    private readonly string temp = Directory.CreateTempSubdirectory("fedrender-cmp-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private static JsonObject Config() => Assert.Single(Yaml.File(Plugin));

    /// <summary>The CMP server's exec: Command[0] with Command[1:] then Args, in the app directory, with its environment.</summary>
    private ProcessResult Generate(string appPath, IReadOnlyDictionary<string, string> pluginEnv)
    {
        var generate = Config()["spec"]?["generate"];
        var argv = Yaml.Strings(generate?["command"]).Concat(Yaml.Strings(generate?["args"])).ToList();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // The sidecar's own environment, with the built fedrender first on PATH.
            ["PATH"] = AppContext.BaseDirectory.TrimEnd('/') + ":" + (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            // The standard build environment the repo server sends.
            ["ARGOCD_APP_NAME"] = "elk-cluster3",
            ["ARGOCD_APP_NAMESPACE"] = "argocd",
            ["ARGOCD_APP_REVISION"] = "3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39",
            ["ARGOCD_APP_SOURCE_PATH"] = "federation",
            ["ARGOCD_APP_SOURCE_REPO_URL"] = "https://git.example.com/platform/elk-federation.git",
            ["ARGOCD_APP_SOURCE_TARGET_REVISION"] = "main",
            ["KUBE_VERSION"] = "1.31.0",
            ["KUBE_API_VERSIONS"] = "v1,apps/v1,batch/v1",
        };
        foreach (var (name, value) in pluginEnv) environment["ARGOCD_ENV_" + name] = value;
        return ExternalProcess.Run(argv[0], argv.Skip(1), appPath, environment);
    }

    /// <summary>The repository as the CMP server unpacks it: the federation under the application's path.</summary>
    private string Checkout()
    {
        var app = Path.Combine(temp, "repo", "federation");
        Directory.CreateDirectory(app);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "examples", "elk"), "*.yaml")) File.Copy(file, Path.Combine(app, Path.GetFileName(file)));
        return app;
    }

    [Fact]
    public void PluginIsASidecarConfigRunOnlyWhenNamed()
    {
        var config = Config();
        Assert.Equal(("argoproj.io/v1alpha1", "ConfigManagementPlugin", "fedrender", "v1"),
            ((string?)config["apiVersion"], (string?)config["kind"], (string?)config["metadata"]?["name"], (string?)config["spec"]?["version"]));
        Assert.Null(config["spec"]?["discover"]);
        Assert.Equal(["sh", "-c", "fedrender render . --cluster \"$ARGOCD_ENV_CLUSTER\" --stdout"],
            Yaml.Strings(config["spec"]?["generate"]?["command"]).Concat(Yaml.Strings(config["spec"]?["generate"]?["args"])));

        // The sidecar mounts the same configuration, and the ApplicationSet names the plugin as <name>-<version> and passes CLUSTER.
        var sidecar = Yaml.File(Path.Combine(RepositoryPaths.Root, "integrations", "argocd", "repo-server-sidecar.yaml"));
        var configMap = Assert.Single(sidecar, d => (string?)d["kind"] == "ConfigMap");
        var mounted = Assert.Single(Yaml.Documents("plugin.yaml", (string?)configMap["data"]?["plugin.yaml"] ?? string.Empty));
        Assert.Equal(config.ToJsonString(), mounted.ToJsonString());
        var container = Assert.Single(sidecar.Single(d => (string?)d["kind"] == "Deployment")["spec"]?["template"]?["spec"]?["containers"]?.AsArray() ?? []);
        Assert.Equal(["/var/run/argocd/argocd-cmp-server"], Yaml.Strings(container?["command"]));
        Assert.Equal(999L, (long?)container?["securityContext"]?["runAsUser"]);
        Assert.Contains(container?["volumeMounts"]?.AsArray() ?? [], m => (string?)m?["mountPath"] == "/home/argocd/cmp-server/config/plugin.yaml");

        var set = Assert.Single(Yaml.File(Path.Combine(RepositoryPaths.Root, "integrations", "argocd", "applicationset.yaml")));
        var plugin = set["spec"]?["template"]?["spec"]?["source"]?["plugin"];
        Assert.Equal("fedrender-v1", (string?)plugin?["name"]);
        var env = Assert.Single(plugin?["env"]?.AsArray() ?? []);
        Assert.Equal(("CLUSTER", "{{.name}}"), ((string?)env?["name"], (string?)env?["value"]));
        Assert.Equal("{{.name}}", (string?)set["spec"]?["template"]?["spec"]?["destination"]?["name"]);
    }

    [Fact]
    public void GenerateStreamsExactlyTheClustersObjectsInApplyOrder()
    {
        var app = Checkout();
        var result = Generate(app, new Dictionary<string, string> { ["CLUSTER"] = "cluster1" });
        Assert.True(result.Exit == 0, result.Error);

        var streamed = Yaml.Documents("stdout", result.Out)
            .Select(o => $"{(string?)o["kind"]}/{(string?)o["metadata"]?["namespace"]}/{(string?)o["metadata"]?["name"]}")
            .ToList();
        var rendered = Path.Combine(temp, "rendered");
        Assert.Equal(0, DiskCli.Run(RepositoryPaths.Root, "render", "examples/elk", "--output", rendered).Exit);
        var expected = File.ReadAllLines(Path.Combine(rendered, "cluster1", "kustomization.yaml"))
            .Where(l => l.StartsWith("- ", StringComparison.Ordinal))
            .Select(l => Assert.Single(Yaml.File(Path.Combine(rendered, "cluster1", l[2..]))))
            .Select(o => $"{(string?)o["kind"]}/{(string?)o["metadata"]?["namespace"]}/{(string?)o["metadata"]?["name"]}")
            .ToList();
        Assert.Equal(expected, streamed);
        Assert.Contains("StatefulSet/elastic/elasticsearch-master", streamed);
        Assert.DoesNotContain("ConfigMap/kube-federation-system/federation-manager", streamed);
    }

    [Fact]
    public void AnUnregisteredOrUnsetClusterFailsTheGenerationWithAnEmptyStream()
    {
        var app = Checkout();
        foreach (var env in new[] { new Dictionary<string, string> { ["CLUSTER"] = "cluster9" }, new Dictionary<string, string>() })
        {
            var result = Generate(app, env);
            Assert.Equal(2, result.Exit);
            Assert.Equal(string.Empty, result.Out);
            Assert.Contains("error FR2204", result.Error, StringComparison.Ordinal);
        }
    }
}
