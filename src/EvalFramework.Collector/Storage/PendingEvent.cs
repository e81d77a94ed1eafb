using EvalFramework.Contract;

namespace EvalFramework.Collector.Storage;

/// <summary>A validated event on its way to disk, with its JSON already made on the request thread.</summary>
internal sealed record PendingEvent(WireEvent Event, string Body);
