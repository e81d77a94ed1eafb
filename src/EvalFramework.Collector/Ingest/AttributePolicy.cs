using EvalFramework.Collector.Evaluation;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Collector.Ingest;

/// <summary>
/// Fail-closed attribute keys: an event may carry only the attribute keys its pilot allows (<c>attributeKeys</c> in
/// the evaluation config; for a pilot the config does not describe, or without a config, the default list).
/// </summary>
internal sealed class AttributePolicy
{
    private readonly Dictionary<string, HashSet<string>> _byPilot = new(StringComparer.Ordinal);
    private readonly HashSet<string> _default = new(ConfigDefaults.AttributeKeys, StringComparer.Ordinal);

    public AttributePolicy(EvaluationSettings settings)
    {
        foreach (var pilot in settings.Config?.Pilots ?? [])
        {
            _byPilot[pilot.Slug] = new HashSet<string>(pilot.AttributeKeys, StringComparer.Ordinal);
        }
    }

    /// <summary>Adds an error for each attribute key the event's pilot does not allow.</summary>
    public List<string>? Check(WireEvent e, List<string>? errors)
    {
        if (e.Attributes is not { Count: > 0 } attributes)
        {
            return errors;
        }

        var allowed = _byPilot.GetValueOrDefault(e.Pilot!, _default);
        foreach (var key in attributes.Keys)
        {
            if (!allowed.Contains(key))
            {
                (errors ??= []).Add($"attributes.{key}: not an allowed attribute key for pilot '{e.Pilot}' (allowed: "
                    + (allowed.Count == 0 ? "none" : string.Join(", ", allowed.Order(StringComparer.Ordinal))) + ")");
            }
        }

        return errors;
    }
}
