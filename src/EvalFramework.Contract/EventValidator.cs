using System.Globalization;

namespace EvalFramework.Contract;

/// <summary>
/// The validation rules of wire contract v1. Every message starts with the field it concerns and never
/// echoes the offending value, so it is safe to log and return.
/// </summary>
public static class EventValidator
{
    /// <summary>What a <c>time</c> must look like.</summary>
    public const string TimeRule = "must be an RFC 3339 time with an offset, e.g. 2025-03-01T09:30:00+01:00";

    /// <summary>How far in the future an event's time may be (clock skew).</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromMinutes(5);

    /// <summary>The earliest event time accepted: times before it are clock or client errors, not pilot data.</summary>
    public static readonly DateTimeOffset MinTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The smallest <c>seconds</c> of one <c>human.effort</c> event (a millisecond).</summary>
    public const double MinSeconds = 0.001;

    /// <summary>The smallest <c>hours</c> of one <c>pilot.maintenance</c> event (3.6 seconds).</summary>
    public const double MinMaintenanceHours = 0.001;

    /// <summary>Sanity bound on token counts of one <c>ai.usage</c> event.</summary>
    public const long MaxTokens = 1_000_000_000;

    /// <summary>Sanity bound on <c>durationMs</c> (one day).</summary>
    public const double MaxDurationMs = 86_400_000;

    /// <summary>Sanity bound on <c>costSek</c> of one <c>ai.usage</c> event.</summary>
    public const double MaxCostSek = 1_000_000;

    /// <summary>Sanity bound on <c>hours</c> of one <c>pilot.maintenance</c> event (a leap year).</summary>
    public const double MaxMaintenanceHours = 8784;

    /// <summary>Validates one event; returns <see langword="null"/> when it is valid, else every problem found.</summary>
    /// <param name="e">The event.</param>
    /// <param name="now">The receiver's clock, for the future-time rule.</param>
    public static List<string>? Validate(WireEvent e, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(e);
        List<string>? errors = null;
        void Fail(string message) => (errors ??= []).Add(message);

        if (e.Id is null)
        {
            Fail("id: required");
        }
        else if (!IsEventId(e.Id))
        {
            Fail("id: must be 1–64 characters of A-Z, a-z, 0-9, '_' or '-'");
        }

        if (e.Time is null)
        {
            Fail("time: required (" + TimeRule + ")");
        }
        else if (e.Time.Value > now + MaxFutureSkew)
        {
            Fail("time: must not be more than 5 minutes in the future");
        }
        else if (e.Time.Value < MinTime)
        {
            Fail("time: must not be before 2000-01-01T00:00:00Z");
        }

        if (e.Pilot is null)
        {
            Fail("pilot: required");
        }
        else if (!IsPilotSlug(e.Pilot))
        {
            Fail("pilot: must be a slug of 1–63 characters: a-z or 0-9 first, then a-z, 0-9 or '-'");
        }

        ValidateAttributes(e.Attributes, Fail);

        if (e.Type is null)
        {
            Fail("type: required");
            return errors;
        }

        var fields = FieldsOf(e.Type);
        if (fields is null)
        {
            Fail("type: must be one of " + string.Join(", ", EventTypes.All));
            return errors;
        }

        if (EventTypes.IsCaseEvent(e.Type))
        {
            if (e.CaseId is null)
            {
                Fail("caseId: required for " + e.Type + " events");
            }
            else if (e.CaseId.Length is 0 or > 128 || !IsPlainText(e.CaseId))
            {
                Fail("caseId: must be 1–128 characters without control or invisible formatting characters");
            }
        }
        else if (e.CaseId is not null)
        {
            Fail("caseId: not allowed on " + e.Type + " events (they belong to no case)");
        }

        CheckFieldsBelong(e, fields.Value, Fail);
        ValidateTypeFields(e, Fail);
        CheckForIdentifiers(e, Fail);
        return errors;
    }

    /// <summary>
    /// Refuses personal identifiers in every string field and attribute: free text (<c>id</c>, <c>caseId</c>,
    /// <c>model</c>, attribute values) as text, slugs (and attribute keys) with letters and underscores as separators.
    /// One generated shape is exempt because it cannot carry one: a <c>caseId</c> of 64 lower-case hex digits (the
    /// SDK's HMAC pseudonym). A UUID-shaped <c>id</c> is checked like any other.
    /// </summary>
    private static void CheckForIdentifiers(WireEvent e, Action<string> fail)
    {
        void Report(string field, IdentifierKind? found)
        {
            if (found is { } kind)
            {
                fail(field + ": looks like " + IdentifierGuard.Describe(kind)
                    + "; personal identifiers are never stored (send a pseudonym or leave it out)");
            }
        }

        void Text(string field, string? value) => Report(field, IdentifierGuard.Find(value));
        void Slug(string field, string? value) => Report(field, IdentifierGuard.FindInSlug(value));

        Text("id", e.Id);
        if (e.CaseId is not null && !IsPseudonym(e.CaseId))
        {
            Text("caseId", e.CaseId);
        }

        Slug("pilot", e.Pilot);
        Slug("caseType", e.CaseType);
        Slug("arm", e.Arm);
        Slug("channel", e.Channel);
        Text("model", e.Model);
        Slug("role", e.Role);
        Slug("reason", e.Reason);
        Slug("system", e.TargetSystem);
        Slug("kind", e.Kind);
        Slug("team", e.Team);
        if (e.Attributes is not null)
        {
            foreach (var (key, value) in e.Attributes)
            {
                Slug("attributes", key);
                Text(AttributeField(key), value);
            }
        }
    }

    /// <summary>The field name for errors about an attribute's value: the key only where it is a slug the guard passes.</summary>
    private static string AttributeField(string key) =>
        IsSlug(key, 64) && IdentifierGuard.FindInSlug(key) is null ? "attributes." + key : "attributes";

    /// <summary>The SDK's case pseudonym: 64 lower-case hex digits (HMAC-SHA256).</summary>
    public static bool IsPseudonym(string caseId) => caseId.Length == 64 && caseId.All(char.IsAsciiHexDigitLower);

    private static void ValidateTypeFields(WireEvent e, Action<string> fail)
    {
        switch (e.Type)
        {
            case EventTypes.CaseStarted:
                RequireSlug("caseType", e.CaseType, fail);
                RequireSlug("arm", e.Arm, fail);
                OptionalSlug("channel", e.Channel, fail);
                break;
            case EventTypes.CaseCompleted:
                RequireOneOf("outcome", e.Outcome, CaseOutcomes.All, fail);
                break;
            case EventTypes.AiUsage:
                if (e.Model is null)
                {
                    fail("model: required");
                }
                else if (e.Model.Length is 0 or > 128 || !IsPlainText(e.Model))
                {
                    fail("model: must be 1–128 characters without control or invisible formatting characters");
                }

                RequireRange("inputTokens", e.InputTokens, 0, MaxTokens, fail);
                RequireRange("outputTokens", e.OutputTokens, 0, MaxTokens, fail);
                if (e.DurationMs is { } ms && ms is not (>= 0 and <= MaxDurationMs))
                {
                    fail(Invariant($"durationMs: must be between 0 and {MaxDurationMs}"));
                }

                if (e.CostSek is { } cost && cost is not (>= 0 and <= MaxCostSek))
                {
                    fail(Invariant($"costSek: must be between 0 and {MaxCostSek}"));
                }

                break;
            case EventTypes.HumanEffort:
                RequireSlug("role", e.Role, fail);
                if (e.Seconds is null)
                {
                    fail("seconds: required");
                }
                else if (e.Seconds is not (>= MinSeconds and <= 86_400))
                {
                    fail(Invariant($"seconds: must be at least {MinSeconds} and at most 86400"));
                }

                break;
            case EventTypes.CaseEscalated:
                OptionalSlug("reason", e.Reason, fail);
                break;
            case EventTypes.CaseError:
                RequireOneOf("source", e.Source, ErrorSources.All, fail);
                RequireOneOf("severity", e.Severity, ErrorSeverities.All, fail);
                break;
            case EventTypes.QualityReview:
                if (e.Correct is null)
                {
                    fail("correct: required (true or false)");
                }

                if (e.Score is { } score && score is < 1 or > 5)
                {
                    fail("score: must be an integer from 1 to 5");
                }

                break;
            case EventTypes.IntegrationFailure:
                RequireSlug("system", e.TargetSystem, fail);
                RequireSlug("kind", e.Kind, fail);
                break;
            case EventTypes.SurveyCitizen:
                RequireRange("csat", e.Csat, 1, 5, fail);
                if (e.Nps is { } nps && nps is < 0 or > 10)
                {
                    fail("nps: must be an integer from 0 to 10");
                }

                break;
            case EventTypes.SurveyStaff:
                RequireSlug("team", e.Team, fail);
                RequireSlug("arm", e.Arm, fail);
                RequireRange("wellbeing", e.Wellbeing, 1, 5, fail);
                RequireRange("workload", e.Workload, 1, 5, fail);
                RequireRange("stress", e.Stress, 1, 5, fail);
                break;
            case EventTypes.PilotMaintenance:
                if (e.Hours is null)
                {
                    fail("hours: required");
                }
                else if (e.Hours is not (>= MinMaintenanceHours and <= MaxMaintenanceHours))
                {
                    fail(Invariant($"hours: must be at least {MinMaintenanceHours} and at most {MaxMaintenanceHours}"));
                }

                RequireSlug("kind", e.Kind, fail);
                OptionalSlug("arm", e.Arm, fail);
                break;
        }
    }

    private static void ValidateAttributes(Dictionary<string, string>? attributes, Action<string> fail)
    {
        if (attributes is null)
        {
            return;
        }

        if (attributes.Count > 16)
        {
            fail("attributes: at most 16 entries");
            return;
        }

        foreach (var (key, value) in attributes)
        {
            if (!IsSlug(key, 64))
            {
                fail("attributes: keys must be slugs of 1–64 characters (a-z, 0-9, '_' or '-')");
            }
            else if (value is null)
            {
                fail(AttributeField(key) + ": must be a string");
            }
            else if (value.Length > 256 || !IsPlainText(value))
            {
                fail(AttributeField(key) + ": must be at most 256 characters without control or invisible formatting characters");
            }
        }
    }

    /// <summary>The optional fields each type may carry, beyond the common ones.</summary>
    [Flags]
    private enum Field
    {
        None = 0,
        CaseType = 1 << 0, Arm = 1 << 1, Channel = 1 << 2, Outcome = 1 << 3, Model = 1 << 4,
        InputTokens = 1 << 5, OutputTokens = 1 << 6, DurationMs = 1 << 7, CostSek = 1 << 8,
        Role = 1 << 9, Seconds = 1 << 10, Reason = 1 << 11, Source = 1 << 12, Severity = 1 << 13,
        Correct = 1 << 14, Consistent = 1 << 15, Score = 1 << 16, System = 1 << 17, Kind = 1 << 18,
        Csat = 1 << 19, Nps = 1 << 20, Team = 1 << 21, Wellbeing = 1 << 22, Workload = 1 << 23,
        Stress = 1 << 24, Hours = 1 << 25,
    }

    private static Field? FieldsOf(string type) => type switch
    {
        EventTypes.CaseStarted => Field.CaseType | Field.Arm | Field.Channel,
        EventTypes.CaseCompleted => Field.Outcome,
        EventTypes.AiUsage => Field.Model | Field.InputTokens | Field.OutputTokens | Field.DurationMs | Field.CostSek,
        EventTypes.HumanEffort => Field.Role | Field.Seconds,
        EventTypes.CaseEscalated => Field.Reason,
        EventTypes.CaseError => Field.Source | Field.Severity,
        EventTypes.QualityReview => Field.Correct | Field.Consistent | Field.Score,
        EventTypes.IntegrationFailure => Field.System | Field.Kind,
        EventTypes.SurveyCitizen => Field.Csat | Field.Nps,
        EventTypes.SurveyStaff => Field.Team | Field.Arm | Field.Wellbeing | Field.Workload | Field.Stress,
        EventTypes.PilotMaintenance => Field.Hours | Field.Kind | Field.Arm,
        _ => null,
    };

    private static void CheckFieldsBelong(WireEvent e, Field allowed, Action<string> fail)
    {
        void Check(bool present, Field field, string name)
        {
            if (present && (allowed & field) == 0)
            {
                fail(name + ": not a field of " + e.Type + " events");
            }
        }

        Check(e.CaseType is not null, Field.CaseType, "caseType");
        Check(e.Arm is not null, Field.Arm, "arm");
        Check(e.Channel is not null, Field.Channel, "channel");
        Check(e.Outcome is not null, Field.Outcome, "outcome");
        Check(e.Model is not null, Field.Model, "model");
        Check(e.InputTokens is not null, Field.InputTokens, "inputTokens");
        Check(e.OutputTokens is not null, Field.OutputTokens, "outputTokens");
        Check(e.DurationMs is not null, Field.DurationMs, "durationMs");
        Check(e.CostSek is not null, Field.CostSek, "costSek");
        Check(e.Role is not null, Field.Role, "role");
        Check(e.Seconds is not null, Field.Seconds, "seconds");
        Check(e.Reason is not null, Field.Reason, "reason");
        Check(e.Source is not null, Field.Source, "source");
        Check(e.Severity is not null, Field.Severity, "severity");
        Check(e.Correct is not null, Field.Correct, "correct");
        Check(e.Consistent is not null, Field.Consistent, "consistent");
        Check(e.Score is not null, Field.Score, "score");
        Check(e.TargetSystem is not null, Field.System, "system");
        Check(e.Kind is not null, Field.Kind, "kind");
        Check(e.Csat is not null, Field.Csat, "csat");
        Check(e.Nps is not null, Field.Nps, "nps");
        Check(e.Team is not null, Field.Team, "team");
        Check(e.Wellbeing is not null, Field.Wellbeing, "wellbeing");
        Check(e.Workload is not null, Field.Workload, "workload");
        Check(e.Stress is not null, Field.Stress, "stress");
        Check(e.Hours is not null, Field.Hours, "hours");
    }

    private static void RequireSlug(string field, string? value, Action<string> fail)
    {
        if (value is null)
        {
            fail(field + ": required");
        }
        else
        {
            OptionalSlug(field, value, fail);
        }
    }

    private static void OptionalSlug(string field, string? value, Action<string> fail)
    {
        if (value is not null && !IsSlug(value, 64))
        {
            fail(field + ": must be a slug of 1–64 characters: a-z or 0-9 first, then a-z, 0-9, '_' or '-'");
        }
    }

    private static void RequireOneOf(string field, string? value, IReadOnlyList<string> allowed, Action<string> fail)
    {
        if (value is null)
        {
            fail(field + ": required (one of " + string.Join(", ", allowed) + ")");
        }
        else if (!allowed.Contains(value))
        {
            fail(field + ": must be one of " + string.Join(", ", allowed));
        }
    }

    private static void RequireRange(string field, long? value, long min, long max, Action<string> fail)
    {
        if (value is null)
        {
            fail(field + ": required");
        }
        else if (value < min || value > max)
        {
            fail(Invariant($"{field}: must be an integer from {min} to {max}"));
        }
    }

    /// <summary>
    /// Reads an RFC 3339 time with an offset (<c>2025-03-01T09:30:00+01:00</c>, <c>2025-03-01T08:30:00Z</c>), the only
    /// form an event's <c>time</c> may have; nothing culture-dependent such as <c>12/03/2026</c>.
    /// </summary>
    public static bool TryParseTime(string? text, out DateTimeOffset value) => Rfc3339Converter.TryParse(text, out value);

    /// <summary>
    /// Reads a query bound: an RFC 3339 time with an offset, or a calendar date <c>yyyy-MM-dd</c> (its midnight UTC).
    /// Day/month orders such as <c>12/03/2026</c> are refused rather than guessed.
    /// </summary>
    public static bool TryParseDateOrTime(string? text, out DateTimeOffset value)
    {
        if (text is { Length: 10 }
            && DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            return true;
        }

        return Rfc3339Converter.TryParse(text, out value);
    }

    /// <summary>Event ids: 1–64 of <c>[A-Za-z0-9_-]</c>.</summary>
    public static bool IsEventId(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length is 0 or > 64)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Pilot slugs: <c>[a-z0-9][a-z0-9-]{0,62}</c>.</summary>
    public static bool IsPilotSlug(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length is 0 or > 63 || !IsLowerAlnum(value[0]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(IsLowerAlnum(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Other slugs (case types, arms, roles, …): <c>[a-z0-9][a-z0-9_-]*</c> of at most <paramref name="maxLength"/>.</summary>
    public static bool IsSlug(string value, int maxLength = 64)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0 || value.Length > maxLength || !IsLowerAlnum(value[0]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(IsLowerAlnum(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLowerAlnum(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);

    /// <summary>
    /// Free text holds no control characters, no invisible formatting characters (zero-width, bidi overrides and
    /// isolates, byte order mark, soft hyphen: Unicode category Cf), no line or paragraph separators and no lone
    /// surrogates: they could hide or reorder what a reader sees.
    /// </summary>
    public static bool IsPlainText(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < 0x7F)
            {
                if (c < 0x20)
                {
                    return false;
                }

                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(value, i) == UnicodeCategory.Format)
                {
                    return false; // e.g. the tag characters U+E0001–U+E007F
                }

                i++;
                continue;
            }

            switch (char.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.Surrogate:
                    return false;
            }
        }

        return true;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
