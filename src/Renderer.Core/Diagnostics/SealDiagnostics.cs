namespace Renderer.Core.Diagnostics;

/// <summary>FR81xx: turning a plain Secret into a FederatedSealedSecret (fedrender seal). No message quotes a Secret value.</summary>
public static class SealDiagnostics
{
    public static Diagnostic NotOneSecret(SourceLocation at, string found) =>
        new("FR8101", Severity.Error,
            $"The --secret input must hold exactly one v1 Secret, and it holds {found}; give one Secret per seal.", at);

    public static Diagnostic SecretWithoutIdentity(SourceLocation at, string field) =>
        new("FR8102", Severity.Error,
            $"The Secret to seal has no {field}; the sealing label binds each value to the namespace and name, so set {field}.", at);

    public static Diagnostic NoCertificate(SourceLocation at, string cluster, string expected) =>
        new("FR8103", Severity.Error,
            $"Cluster \"{cluster}\" has no sealing certificate ({expected}); add the annotation fedrender.io/sealed-secrets-cert with the path of its PEM (kubeseal --fetch-cert), or pass --certs DIR with {cluster}.pem.", at) { Cluster = cluster };

    public static Diagnostic UnreadableCertificate(SourceLocation at, string cluster, string file, string detail) =>
        new("FR8104", Severity.Error,
            $"The sealing certificate \"{file}\" of cluster \"{cluster}\" cannot be used: {detail}; fetch it again with kubeseal --fetch-cert.", at) { Cluster = cluster };

    public static Diagnostic NotRsaCertificate(SourceLocation at, string cluster, string file, string detail) =>
        new("FR8105", Severity.Error,
            $"The sealing certificate \"{file}\" of cluster \"{cluster}\" has no usable RSA key ({detail}); the sealed-secrets controller seals with RSA, so give the certificate its controller serves.", at) { Cluster = cluster };

    public static Diagnostic ExpiredCertificate(SourceLocation at, string cluster, string file, string detail) =>
        new("FR8106", Severity.Error,
            $"The sealing certificate \"{file}\" of cluster \"{cluster}\" is not valid now ({detail}); fetch the controller's current certificate with kubeseal --fetch-cert.", at) { Cluster = cluster };

    public static Diagnostic UnknownCluster(SourceLocation at, string cluster, string registered) =>
        new("FR8107", Severity.Error,
            $"Cluster \"{cluster}\" given to --placement-clusters is not registered (registered: {registered}); add its KubeFedCluster to the inputs or correct the name.", at) { Cluster = cluster };

    public static Diagnostic NoClusterSelected(SourceLocation at, string selector) =>
        new("FR8108", Severity.Error,
            $"--cluster-selector {selector} selects no registered cluster, so nothing would be sealed; correct the selector or label the KubeFedClusters.", at);

    public static Diagnostic PlacementOptions(SourceLocation at, string problem) =>
        new("FR8109", Severity.Error,
            $"seal needs exactly one of --placement-clusters a,b and --cluster-selector key=value, and {problem}.", at);

    public static Diagnostic InvalidSecretValue(SourceLocation at, string key, string problem) =>
        new("FR8110", Severity.Error,
            $"The Secret's value {key} cannot be sealed: {problem}; fix the Secret (data values are base64, stringData values strings).", at);

    public static Diagnostic CertificatePathOutside(SourceLocation at, string cluster, string path) =>
        new("FR8111", Severity.Error,
            $"The annotation fedrender.io/sealed-secrets-cert of cluster \"{cluster}\" names \"{path}\", which is not a relative path inside the directory of its document; keep the certificate beside the KubeFedCluster (for example certs/{cluster}.pem).", at) { Cluster = cluster };
}
