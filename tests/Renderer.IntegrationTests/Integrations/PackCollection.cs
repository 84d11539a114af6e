using Renderer.Tests.Support;

namespace Renderer.IntegrationTests.Integrations;

/// <summary>Tests that run <c>dotnet pack</c> on src/Renderer.Cli: one at a time, so two builds never write the same obj/ folder.</summary>
[CollectionDefinition(Name)]
public sealed class PackCollection
{
    public const string Name = "dotnet pack of the CLI";
}
