namespace EvalFramework.Cli.Tests;

/// <summary>The tests of commands that talk to a collector run one at a time: they share evalctl's progress setting.</summary>
[CollectionDefinition(Name)]
public sealed class CollectorCommandsCollection
{
    public const string Name = "collector commands";
}
