namespace EvalFramework.Contract;

/// <summary>The answer to <c>POST /api/v1/events</c>.</summary>
public sealed class IngestResponse
{
    /// <summary>Events stored by this request.</summary>
    public int Accepted { get; set; }

    /// <summary>Events whose <c>id</c> was already stored; not stored or counted again.</summary>
    public int Duplicates { get; set; }

    /// <summary>Events refused, each with its index in the batch and the errors naming the fields.</summary>
    public List<RejectedEvent> Rejected { get; set; } = [];
}
