namespace Renderer.Core.Sealing;

/// <summary>Why a sealing certificate cannot be used.</summary>
public enum CertificateProblem
{
    None,
    Missing,
    Unreadable,
    NotRsa,
    WeakKey,
    Expired,
    NotYetValid,
}
