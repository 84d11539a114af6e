namespace Renderer.Core.Validation;

/// <summary>One problem found in an object: where (a JSON pointer into the object), which rule, and what to say.</summary>
public sealed record Finding(string Pointer, FindingRule Rule, string Message);
