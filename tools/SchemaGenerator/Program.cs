namespace SchemaGenerator;

/// <summary>Regenerates schemas/kubernetes from the KubernetesClient models and overlay.json: <c>dotnet run --project tools/SchemaGenerator</c>.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
        var overlay = Path.Combine(root, "tools", "SchemaGenerator", "overlay.json");
        var output = Path.Combine(root, "schemas", "kubernetes");
        Directory.CreateDirectory(output);
        foreach (var stale in Directory.GetFiles(output, "*.json")) File.Delete(stale);
        var files = KubernetesSchemaGenerator.Generate(overlay);
        foreach (var (name, text) in files) File.WriteAllText(Path.Combine(output, name), text);
        Console.WriteLine($"wrote {files.Count} schemas to {Path.GetRelativePath(root, output)}");
        return 0;
    }
}
