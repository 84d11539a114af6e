namespace Renderer.Core.Validation;

/// <summary>Which API-server rule a finding breaks; each has its own diagnostic code.</summary>
public enum FindingRule
{
    Name,
    Label,
    Annotation,
    Selector,
    Volume,
    Container,
    Port,
    Quantity,
    Schedule,
    EnvName,
    EnvNamePortability,
    PodTemplate,
    UnknownField,
    WrongType,
    MissingField,
    NotAllowed,
    SecretData,
    SecretStringData,
    IntegerFormat,
    Range,
    Pattern,
    Length,
    Format,
    Count,
    Duplicate,
    Composition,
    Size,
}
