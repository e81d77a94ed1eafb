using EvalFramework.Contract;

namespace EvalFramework.Collector.Storage;

/// <summary>
/// What one transaction's new events add to each case row (<see cref="CaseDelta"/>) and to each case's AI usage by
/// model (<see cref="AiUsageDelta"/>): the writer folds the events here first, so each row is written once per
/// transaction, not once per event.
/// </summary>
internal sealed class CaseDeltas
{
    public Dictionary<(string Pilot, string CaseId), CaseDelta> Cases { get; } = [];

    public Dictionary<(string Pilot, string CaseId, string Model), AiUsageDelta> AiUsage { get; } = [];

    public void Clear()
    {
        Cases.Clear();
        AiUsage.Clear();
    }

    /// <summary>Folds a newly stored event into its case's deltas; events without a case add nothing.</summary>
    public void Add(WireEvent e)
    {
        if (e.CaseId is null)
        {
            return;
        }

        var key = (e.Pilot!, e.CaseId);
        if (!Cases.TryGetValue(key, out var delta))
        {
            Cases[key] = delta = new CaseDelta();
        }

        delta.Apply(e);
        if (e.Model is not null)
        {
            var modelKey = (e.Pilot!, e.CaseId, e.Model);
            if (!AiUsage.TryGetValue(modelKey, out var usage))
            {
                AiUsage[modelKey] = usage = new AiUsageDelta();
                delta.Models.Add((e.Model, usage));
            }

            usage.Apply(e);
        }
    }
}
