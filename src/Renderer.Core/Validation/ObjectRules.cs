using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Renderer.Core.Input;
using Renderer.Core.Model;

namespace Renderer.Core.Validation;

/// <summary>
/// The API server's object rules that an offline check can decide: names by kind, label keys and values,
/// selectors that match the pod template, volume mounts that name a volume, unique container and port
/// names, port name syntax, CronJob schedules and environment variable names. (Quantities are in the schemas.)
/// </summary>
public static partial class ObjectRules
{
    [GeneratedRegex(@"^[-._a-zA-Z][-._a-zA-Z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PortableEnvName();

    public static IReadOnlyList<Finding> Check(JsonObject obj, TargetType type)
    {
        var findings = new List<Finding>();
        if (type.Group.Length == 0 && type.Kind == "Service") CheckServiceName(obj, findings);
        if (type.Kind == "CronJob" && Str(obj, "/metadata/name") is { Length: > 52 } longName)
        {
            findings.Add(new("/metadata/name", FindingRule.Name, $"a CronJob name may have at most 52 characters (its Jobs append a suffix), and \"{longName}\" has {longName.Length}"));
        }

        if (type.Kind == "Job" && type.Group == "batch" && Str(obj, "/metadata/name") is { Length: > 63 } jobName)
        {
            findings.Add(new("/metadata/name", FindingRule.Name, $"a Job name may have at most 63 characters (it becomes the job-name label of its pods), and \"{jobName}\" has {jobName.Length}"));
        }

        CheckLabels(obj["metadata"].Get("labels"), "/metadata/labels", findings);
        CheckAnnotationKeys(obj["metadata"].Get("annotations"), "/metadata/annotations", findings);
        SizeLimits.Check(obj, type, findings);

        if (PodTemplatePointer(type) is { } template)
        {
            var templateNode = obj.At(template);
            CheckWorkloadShape(obj, type, template, findings);
            CheckLabels(templateNode.Get("metadata").Get("labels"), template + "/metadata/labels", findings);
            CheckSelector(obj, type, template, findings);
            if (templateNode.Get("spec") is JsonObject podSpec) CheckPodSpec(obj, type, podSpec, template + "/spec", findings);
        }
        else if (type.Group.Length == 0 && type.Kind == "Pod" && obj["spec"] is JsonObject podSpec)
        {
            CheckPodSpec(obj, type, podSpec, "/spec", findings);
        }

        switch (type.Kind)
        {
            case "Service" when type.Group.Length == 0:
                CheckServicePorts(obj, findings);
                break;
            case "CronJob" when type.Group == "batch":
                if (Str(obj, "/spec/schedule") is { } schedule && CronSchedule.Check(schedule) is { } problem)
                {
                    findings.Add(new("/spec/schedule", FindingRule.Schedule, $"schedule \"{schedule}\" is invalid: {problem}"));
                }

                break;
        }

        return findings;
    }

    /// <summary>Where the pod template of a workload kind is, or null.</summary>
    public static string? PodTemplatePointer(TargetType type) => (type.Group, type.Kind) switch
    {
        ("apps", "Deployment" or "ReplicaSet" or "StatefulSet" or "DaemonSet") => "/spec/template",
        ("batch", "Job") => "/spec/template",
        ("batch", "CronJob") => "/spec/jobTemplate/spec/template",
        _ => null,
    };

    /// <summary>A workload needs a pod template with containers, and an apps/v1 workload a selector.</summary>
    private static void CheckWorkloadShape(JsonObject obj, TargetType type, string template, List<Finding> findings)
    {
        var missing = new List<string>();
        if (type.Group == "apps" && obj.At("/spec/selector") is null) missing.Add("spec.selector");
        if (obj.At(template + "/spec/containers") is not JsonArray { Count: > 0 }) missing.Add(template.TrimStart('/').Replace('/', '.') + ".spec.containers");
        if (missing.Count == 0) return;
        var at = obj.At(template + "/spec") is not null ? template + "/spec" : obj.At(template) is not null ? template : obj.At("/spec") is not null ? "/spec" : "/kind";
        findings.Add(new(at, FindingRule.PodTemplate, $"a {type.Kind} needs {string.Join(" and ", missing)} (with at least one container), and this one has none: is part of the template missing?"));
    }

    private static void CheckServiceName(JsonObject obj, List<Finding> findings)
    {
        if (Str(obj, "/metadata/name") is { } name && KubernetesNames.CheckDns1035Label(name) is { } problem)
        {
            findings.Add(new("/metadata/name", FindingRule.Name, $"Service name \"{name}\" is invalid: {problem}"));
        }
    }

    private static void CheckLabels(JsonNode? labels, string pointer, List<Finding> findings)
    {
        if (labels is not JsonObject map) return;
        foreach (var (key, value) in map)
        {
            var at = Pointer.Append(pointer, key);
            if (KubernetesNames.CheckQualifiedName(key) is { } keyProblem) findings.Add(new(at, FindingRule.Label, $"label key \"{key}\" is invalid: {keyProblem}"));
            if (JsonKinds.IsString(value, out var text) && KubernetesNames.CheckLabelValue(text) is { } valueProblem)
            {
                findings.Add(new(at, FindingRule.Label, $"label value \"{text}\" of \"{key}\" is invalid: {valueProblem}"));
            }
        }
    }

    private static void CheckAnnotationKeys(JsonNode? annotations, string pointer, List<Finding> findings)
    {
        if (annotations is not JsonObject map) return;
        foreach (var (key, _) in map)
        {
            if (KubernetesNames.CheckQualifiedName(key) is { } problem) findings.Add(new(Pointer.Append(pointer, key), FindingRule.Annotation, $"annotation key \"{key}\" is invalid: {problem}"));
        }
    }

    private static void CheckSelector(JsonObject obj, TargetType type, string template, List<Finding> findings)
    {
        // A Job's selector is generated unless manualSelector is true; a CronJob's Jobs are generated too.
        if (type.Kind == "CronJob") return;
        if (type.Kind == "Job" && obj["spec"].Get("manualSelector")?.GetValueKind() != System.Text.Json.JsonValueKind.True) return;
        const string selectorPointer = "/spec/selector";
        if (obj.At(selectorPointer) is not JsonObject selector) return;
        var labels = (obj.At(template + "/metadata/labels") as JsonObject ?? [])
            .Where(p => JsonKinds.IsString(p.Value, out _))
            .ToDictionary(p => p.Key, p => (string?)p.Value ?? string.Empty, StringComparer.Ordinal);
        foreach (var (key, value) in selector["matchLabels"] as JsonObject ?? [])
        {
            if (!JsonKinds.IsString(value, out var want)) continue;
            if (!labels.TryGetValue(key, out var have) || have != want)
            {
                findings.Add(new(Pointer.Append(selectorPointer + "/matchLabels", key), FindingRule.Selector,
                    $"the selector requires label {key}={want}, but the pod template's labels {(labels.ContainsKey(key) ? $"say {key}={labels[key]}" : $"have no {key}")}; the API server rejects a selector that does not match the template"));
            }
        }
    }

    private static void CheckPodSpec(JsonObject obj, TargetType type, JsonObject podSpec, string pointer, List<Finding> findings)
    {
        var volumes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var volume in podSpec["volumes"] as JsonArray ?? [])
        {
            if (JsonKinds.IsString(volume.Get("name"), out var name)) volumes.Add(name);
        }

        if (type.Kind == "StatefulSet")
        {
            foreach (var claim in obj["spec"].Get("volumeClaimTemplates") as JsonArray ?? [])
            {
                if (JsonKinds.IsString(claim.Get("metadata").Get("name"), out var name)) volumes.Add(name);
            }
        }

        var containerNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var list in new[] { "initContainers", "containers" })
        {
            var containers = podSpec[list] as JsonArray ?? [];
            for (var i = 0; i < containers.Count; i++)
            {
                if (containers[i] is not JsonObject container) continue;
                var at = $"{pointer}/{list}/{i}";
                if (JsonKinds.IsString(container["name"], out var name))
                {
                    if (containerNames.TryGetValue(name, out var first))
                    {
                        findings.Add(new(at + "/name", FindingRule.Container, $"container name \"{name}\" is used twice in one pod (first at {first}); container names must be unique"));
                    }
                    else
                    {
                        containerNames[name] = Pointer.Unescape(at);
                        if (KubernetesNames.CheckLabel(name) is { } problem) findings.Add(new(at + "/name", FindingRule.Container, $"container name \"{name}\" is invalid: {problem}"));
                    }
                }

                CheckContainer(container, at, volumes, findings);
            }
        }
    }

    private static void CheckContainer(JsonObject container, string at, HashSet<string> volumes, List<Finding> findings)
    {
        var portNames = new HashSet<string>(StringComparer.Ordinal);
        var ports = container["ports"] as JsonArray ?? [];
        for (var i = 0; i < ports.Count; i++)
        {
            if (!JsonKinds.IsString(ports[i].Get("name"), out var portName)) continue;
            var portAt = $"{at}/ports/{i}/name";
            if (CheckPortName(portName) is { } problem) findings.Add(new(portAt, FindingRule.Port, $"port name \"{portName}\" is invalid: {problem}"));
            if (!portNames.Add(portName)) findings.Add(new(portAt, FindingRule.Port, $"port name \"{portName}\" is used twice in one container; port names must be unique"));
        }

        var mounts = container["volumeMounts"] as JsonArray ?? [];
        for (var i = 0; i < mounts.Count; i++)
        {
            if (JsonKinds.IsString(mounts[i].Get("name"), out var volume) && !volumes.Contains(volume))
            {
                var known = volumes.Count == 0 ? "the pod declares no volumes" : "declared: " + string.Join(", ", volumes.Order(StringComparer.Ordinal));
                findings.Add(new($"{at}/volumeMounts/{i}/name", FindingRule.Volume, $"volumeMount \"{volume}\" names no volume of the pod ({known}); add it to spec.volumes"));
            }
        }

        var env = container["env"] as JsonArray ?? [];
        for (var i = 0; i < env.Count; i++)
        {
            if (!JsonKinds.IsString(env[i].Get("name"), out var name)) continue;
            var envAt = $"{at}/env/{i}/name";
            if (name.Length == 0 || name.Contains('=', StringComparison.Ordinal) || name.Any(c => c < ' ' || c > '~'))
            {
                findings.Add(new(envAt, FindingRule.EnvName, $"environment variable name \"{name}\" is invalid: it must be printable ASCII without '='"));
            }
            else if (!PortableEnvName().IsMatch(name))
            {
                findings.Add(new(envAt, FindingRule.EnvNamePortability, $"environment variable name \"{name}\" is accepted only by Kubernetes 1.32 and later (older API servers allow letters, digits, '_', '-' and '.', not starting with a digit)"));
            }
        }
    }

    private static void CheckServicePorts(JsonObject obj, List<Finding> findings)
    {
        var ports = obj["spec"].Get("ports") as JsonArray ?? [];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ports.Count; i++)
        {
            var at = $"/spec/ports/{i}";
            if (!JsonKinds.IsString(ports[i].Get("name"), out var name))
            {
                if (ports.Count > 1) findings.Add(new(at, FindingRule.Port, "a Service with more than one port must name every port"));
                continue;
            }

            if (CheckPortName(name) is { } problem) findings.Add(new(at + "/name", FindingRule.Port, $"port name \"{name}\" is invalid: {problem}"));
            if (!names.Add(name)) findings.Add(new(at + "/name", FindingRule.Port, $"port name \"{name}\" is used twice; Service port names must be unique"));
        }
    }

    /// <summary>IANA service name: at most 15 lowercase letters, digits and '-', with a letter, no '--', no '-' at either end.</summary>
    public static string? CheckPortName(string name)
    {
        if (name.Length is 0 or > 15) return "it must have 1 to 15 characters";
        if (name.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))) return "it may contain only lowercase letters, digits and '-'";
        if (!name.Any(char.IsAsciiLetterLower)) return "it must contain at least one letter";
        if (name[0] == '-' || name[^1] == '-' || name.Contains("--", StringComparison.Ordinal)) return "it may not start or end with '-' or contain '--'";
        return null;
    }


    private static string? Str(JsonObject obj, string pointer) => JsonKinds.IsString(obj.At(pointer), out var s) ? s : null;
}
