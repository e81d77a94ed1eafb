using System.Text.Json.Serialization;

namespace EvalFramework.Contract;

/// <summary>One refused event of a batch.</summary>
public sealed class RejectedEvent
{
    /// <summary>Zero-based position in the batch.</summary>
    public int Index { get; set; }

    /// <summary>The event's id as sent, when it had a usable one.</summary>
    public string? Id { get; set; }

    /// <summary>One message per problem, each starting with the field it concerns.</summary>
    public List<string> Errors { get; set; } = [];

    /// <summary>The same problems, structured (field and code); not on the wire, where <see cref="Errors"/> carries them.</summary>
    [JsonIgnore]
    public List<EventError> Details { get; set; } = [];
}
