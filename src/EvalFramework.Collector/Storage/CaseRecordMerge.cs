using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Collector.Storage;

/// <summary>
/// Sums effort by role and AI usage by model the way the <c>case_ai_usage</c> upsert does (stored total + the
/// transaction's delta), and orders them as the record wants: UTF-8 byte order, SQLite's BINARY collation.
/// </summary>
internal static class CaseRecordMerge
{
    /// <summary>
    /// Gives <paramref name="row"/> (the case row's new values) its effort by role and AI usage by model: the stored
    /// record's, when earlier transactions made one (<paramref name="stored"/>), plus this transaction's
    /// <paramref name="delta"/>, in byte order. <paramref name="scratch"/> and <paramref name="strings"/> are reused buffers.
    /// </summary>
    public static void AddStoredAndDelta(CaseRow row, ReadOnlySpan<byte> stored, CaseDelta delta, CaseRow scratch, Utf8StringCache strings)
    {
        if (!stored.IsEmpty)
        {
            CaseRecordCodec.Read(stored, scratch, strings, withCaseId: false);
            row.EffortByRole.AddRange(scratch.EffortByRole);
            row.AiUsage.AddRange(scratch.AiUsage);
        }

        foreach (var (role, seconds) in delta.EffortByRole)
        {
            AddEffort(row.EffortByRole, role, seconds);
        }

        foreach (var (model, usage) in delta.Models)
        {
            AddUsage(row.AiUsage, model, usage);
        }

        SortByUtf8(row);
    }

    public static void AddEffort(List<RoleEffort> roles, string role, double seconds)
    {
        for (var i = 0; i < roles.Count; i++)
        {
            if (roles[i].Role == role)
            {
                roles[i] = new RoleEffort(role, roles[i].Seconds + seconds);
                return;
            }
        }

        roles.Add(new RoleEffort(role, seconds));
    }

    public static void AddUsage(List<ModelUsage> models, string model, AiUsageDelta delta)
    {
        for (var i = 0; i < models.Count; i++)
        {
            var u = models[i];
            if (u.Model == model)
            {
                models[i] = new ModelUsage(model, u.InputTokens + delta.InputTokens, u.OutputTokens + delta.OutputTokens,
                    u.PricedInputTokens + delta.PricedInputTokens, u.PricedOutputTokens + delta.PricedOutputTokens,
                    u.CostSek + delta.CostSek);
                return;
            }
        }

        models.Add(new ModelUsage(model, delta.InputTokens, delta.OutputTokens, delta.PricedInputTokens,
            delta.PricedOutputTokens, delta.CostSek));
    }

    public static void SortByUtf8(CaseRow row)
    {
        if (row.EffortByRole.Count > 1)
        {
            row.EffortByRole.Sort((a, b) => Utf8Order(a.Role, b.Role));
        }

        if (row.AiUsage.Count > 1)
        {
            row.AiUsage.Sort((a, b) => Utf8Order(a.Model, b.Model));
        }
    }

    /// <summary>
    /// Compares strings in UTF-8 byte order (SQLite's BINARY collation), which is code-point order: UTF-16 ordinal
    /// order except that surrogates (U+D800–U+DFFF) sort after U+E000–U+FFFF.
    /// </summary>
    public static int Utf8Order(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return Fix(a[i]) - Fix(b[i]);
            }
        }

        return a.Length - b.Length;

        static int Fix(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
