namespace Renderer.Core.Patching;

/// <summary>The json-patch operations a KubeFed override may use.</summary>
public enum PatchOperationKind
{
    Add,
    Remove,
    Replace,
}
