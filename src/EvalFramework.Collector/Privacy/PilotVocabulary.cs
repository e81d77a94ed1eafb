using EvalFramework.Collector.Configuration;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Collector.Privacy;

/// <summary>
/// Closed vocabularies at ingest (docs/privacy.md): an event's pilot must be a pilot of the
/// collector's evaluation config, and every value that can become a label, a snapshot key, a CSV cell or a word on a
/// report (case type, arm, channel, role, model, reason, system, kind, team, attribute keys, and attribute values where
/// the config lists them) must be in that pilot's vocabulary; under <c>caseIds: pseudonym</c> a <c>caseId</c> must be
/// the SDK's pseudonym. Without a config no pilot is known, so no event is accepted. Each refusal names the field and
/// lists the allowed values (they come from the config, so they are safe to show); the refused value is never echoed.
/// </summary>
internal sealed class PilotVocabulary
{
    /// <summary>The refusal of an event whose pilot the config does not describe.</summary>
    public static readonly EventError UnknownPilot =
        new("pilot", EventErrorCodes.NotInVocabulary, "not a pilot of this collector's evaluation config");

    /// <summary>The refusal of a <c>caseId</c> that is not a pseudonym, for a pilot with <c>caseIds: pseudonym</c>.</summary>
    public static readonly EventError NotAPseudonym = new("caseId", EventErrorCodes.Invalid,
        "must be the case reference's pseudonym, 64 lower-case hex digits as the SDK makes them (the pilot's config has caseIds: pseudonym)");

    private readonly Dictionary<string, Pilot> _pilots = new(StringComparer.Ordinal);

    public PilotVocabulary(EvaluationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var pilot in settings.Config?.Pilots ?? [])
        {
            _pilots[pilot.Slug] = new Pilot(pilot);
        }
    }

    /// <summary>Adds an error for the event's pilot when the config does not describe it, and for each value outside its vocabulary.</summary>
    /// <param name="e">The event.</param>
    /// <param name="errors">The errors found so far (the contract's rules), or null.</param>
    /// <returns><paramref name="errors"/> with the vocabulary's refusals added; null when there are none.</returns>
    public List<EventError>? Check(WireEvent e, List<EventError>? errors)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Pilot is null || !EventValidator.IsPilotSlug(e.Pilot))
        {
            // The contract's rule already refuses a missing or malformed pilot, and without one there is no vocabulary.
            return errors;
        }

        if (!_pilots.TryGetValue(e.Pilot, out var pilot))
        {
            (errors ??= []).Add(UnknownPilot);
            return errors;
        }

        if (e.Type is not null && EventShapes.Find(e.Type) is { } shape)
        {
            foreach (var use in shape.Fields)
            {
                var value = use.Field.Read(e);
                if (use.Vocabulary is { } list && value is string text)
                {
                    errors = pilot.Refuse(use, list, text, errors);
                }
                else if (use.Field.ClosedMembers is { } closed && value is not null)
                {
                    foreach (var member in closed(value))
                    {
                        errors = pilot.Refuse(member.Use, member.Use.Vocabulary!, member.Value, errors);
                    }
                }
            }
        }

        if (pilot.CaseIds == CaseIdRule.Pseudonym && e.CaseId is { } caseId && (e.Type is null || EventTypes.IsCaseEvent(e.Type))
            && !EventValidator.IsPseudonym(caseId))
        {
            (errors ??= []).Add(NotAPseudonym);
        }

        return CheckAttributes(e.Attributes, pilot, errors);
    }

    private static List<EventError>? CheckAttributes(Dictionary<string, string>? attributes, Pilot pilot, List<EventError>? errors)
    {
        if (attributes is not { Count: > 0 })
        {
            return errors;
        }

        var keyRefused = false;
        foreach (var (key, value) in attributes)
        {
            if (!pilot.AttributeKeys.Values.Contains(key))
            {
                // One refusal for all unknown keys, naming none of them: a key is client text like any value.
                if (!keyRefused)
                {
                    (errors ??= []).Add(pilot.AttributeKeys.Refusal);
                    keyRefused = true;
                }
            }
            else if (value is not null && pilot.AttributeValues.TryGetValue(key, out var values) && !values.Values.Contains(value))
            {
                (errors ??= []).Add(values.Refusal);
            }
        }

        return errors;
    }

    /// <summary>The values of one field a pilot allows, and the refusal of any other.</summary>
    private sealed class ClosedSet
    {
        /// <param name="field">The wire field, as errors name it.</param>
        /// <param name="configKey">The config key that lists the values.</param>
        /// <param name="allowed">The values, in the config's order.</param>
        /// <param name="what">What of the field is closed, when not its value (e.g. <c>keys</c> of <c>attributes</c>).</param>
        public ClosedSet(string field, string configKey, IEnumerable<string> allowed, string? what = null)
        {
            var list = allowed.Distinct(StringComparer.Ordinal).ToList();
            Values = new HashSet<string>(list, StringComparer.Ordinal);
            Refusal = new(field, EventErrorCodes.NotInVocabulary, list.Count == 0
                ? (what is null ? "none" : "no " + what) + " allowed (the pilot's evaluation config lists no " + configKey + ")"
                : (what is null ? "" : what + " ") + "must be one of " + string.Join(", ", list));
        }

        public HashSet<string> Values { get; }

        public EventError Refusal { get; }
    }

    /// <summary>One pilot's vocabulary, each field's refusal made once.</summary>
    private sealed class Pilot
    {
        public Pilot(PilotConfig config)
        {
            CaseIds = config.CaseIds;
            Fields = VocabularyField.Uses.Select(u => (u.Field.Name, List: u.Vocabulary!)).Distinct()
                .ToDictionary(u => u, u => new ClosedSet(u.Name, u.List, VocabularyField.Lists[u.List](config)));
            AttributeKeys = new ClosedSet("attributes", "attributeKeys", config.AttributeKeys, what: "keys");
            AttributeValues = config.AttributeValues.ToDictionary(
                p => p.Key, p => new ClosedSet("attributes." + p.Key, "attributeValues." + p.Key, p.Value), StringComparer.Ordinal);
        }

        public CaseIdRule CaseIds { get; }

        /// <summary>Adds the refusal of a value outside the field's list, if it is.</summary>
        public List<EventError>? Refuse(FieldUse use, string list, string value, List<EventError>? errors)
        {
            var allowed = Fields[(use.Field.Name, list)];
            if (!allowed.Values.Contains(value))
            {
                (errors ??= []).Add(allowed.Refusal);
            }

            return errors;
        }

        public Dictionary<(string Field, string List), ClosedSet> Fields { get; }

        public ClosedSet AttributeKeys { get; }

        public Dictionary<string, ClosedSet> AttributeValues { get; }
    }
}
