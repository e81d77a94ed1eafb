namespace EvalFramework.Collector.Metrics;

/// <summary>
/// The start of recent cases, so a later event of the case is labelled with its case type and arm and its
/// completion gets a lead time without a database read. Bounded: past capacity the oldest entry is forgotten
/// (first in, first out). An event of a case not remembered (started before this process, or evicted, or not
/// started yet) gets <c>_OTHER</c> labels and no lead time.
/// </summary>
internal sealed class CaseStartCache(int capacity)
{
    private readonly Dictionary<(string Pilot, string CaseId), CaseStart> _starts = [];
    private readonly Queue<(string Pilot, string CaseId)> _order = new();
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _starts.Count;
            }
        }
    }

    /// <summary>Remembers a start; of two starts of one case the earlier wins (as in the case row).</summary>
    public void Remember(string pilot, string caseId, CaseStart start)
    {
        if (capacity <= 0)
        {
            return;
        }

        lock (_gate)
        {
            var key = (pilot, caseId);
            if (_starts.TryGetValue(key, out var known))
            {
                if (start.StartedMs < known.StartedMs)
                {
                    _starts[key] = start;
                }

                return;
            }

            while (_starts.Count >= capacity && _order.TryDequeue(out var oldest))
            {
                _starts.Remove(oldest);
            }

            _starts[key] = start;
            _order.Enqueue(key);
        }
    }

    public bool TryGet(string pilot, string caseId, out CaseStart start)
    {
        lock (_gate)
        {
            return _starts.TryGetValue((pilot, caseId), out start);
        }
    }
}
