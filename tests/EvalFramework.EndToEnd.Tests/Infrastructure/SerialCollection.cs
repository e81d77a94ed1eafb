namespace EvalFramework.EndToEnd.Tests.Infrastructure;

/// <summary>Tests that measure the process (memory, time) and must not share it with other tests running in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "serial";
}
