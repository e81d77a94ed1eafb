using Xunit.Abstractions;
using Xunit.Sdk;

namespace EvalFramework.Collector.Tests.Infrastructure;

/// <summary>Marks the PostgreSQL variant of a storage suite: its tests are skipped where <see cref="TestPostgres.SkipReason"/> says so.</summary>
public interface IRunsOnPostgres;

/// <summary>A fact of a storage suite, run once per provider by the suite's derived classes.</summary>
[XunitTestCaseDiscoverer("EvalFramework.Collector.Tests.Infrastructure.StorageFactDiscoverer", "EvalFramework.Collector.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorageFactAttribute : FactAttribute;

/// <summary>A theory of a storage suite, run once per provider by the suite's derived classes.</summary>
[XunitTestCaseDiscoverer("EvalFramework.Collector.Tests.Infrastructure.StorageTheoryDiscoverer", "EvalFramework.Collector.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorageTheoryAttribute : TheoryAttribute;

public sealed class StorageFactDiscoverer(IMessageSink sink) : FactDiscoverer(sink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute) =>
        StorageSkip.Of(DiagnosticMessageSink, options, method) ?? base.Discover(options, method, attribute);
}

public sealed class StorageTheoryDiscoverer(IMessageSink sink) : TheoryDiscoverer(sink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute) =>
        StorageSkip.Of(DiagnosticMessageSink, options, method) ?? base.Discover(options, method, attribute);
}

internal static class StorageSkip
{
    /// <summary>One skipped case for a PostgreSQL suite's test when PostgreSQL is not there; null when it runs.</summary>
    public static IXunitTestCase[]? Of(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod method) =>
        typeof(IRunsOnPostgres).IsAssignableFrom(method.TestClass.Class.ToRuntimeType()) && TestPostgres.SkipReason is { } reason
            ? [new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method, reason)]
            : null;
}
