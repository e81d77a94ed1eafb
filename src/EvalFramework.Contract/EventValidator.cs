namespace EvalFramework.Contract;

/// <summary>
/// The validation rules of wire contract v1. The common fields are checked here; the type-specific ones by the field
/// table (<see cref="EventShapes"/>). Errors are structured (<see cref="EventError"/>) and never echo the offending
/// value, so they are safe to log and return.
/// </summary>
public static partial class EventValidator
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

    /// <summary>Sanity bound on <c>hours</c> of one <c>pilot.maintenance</c> event (a leap year).</summary>
    public const double MaxMaintenanceHours = 8784;

    /// <summary>Sanity bound on token counts of one <c>ai.usage</c> event.</summary>
    public const long MaxTokens = 1_000_000_000;

    /// <summary>Sanity bound on <c>durationMs</c> (one day).</summary>
    public const double MaxDurationMs = 86_400_000;

    /// <summary>Sanity bound on <c>costSek</c> of one <c>ai.usage</c> event.</summary>
    public const double MaxCostSek = 1_000_000;

    /// <summary>Validates one event; returns <see langword="null"/> when it is valid, else every problem as contract v1's <c>field: message</c> text.</summary>
    /// <param name="e">The event.</param>
    /// <param name="now">The receiver's clock, for the future-time rule.</param>
    public static List<string>? Validate(WireEvent e, DateTimeOffset now) => Check(e, now)?.ConvertAll(error => error.ToString());

    /// <summary>Validates one event; returns <see langword="null"/> when it is valid, else every problem found.</summary>
    /// <param name="e">The event.</param>
    /// <param name="now">The receiver's clock, for the future-time rule.</param>
    public static List<EventError>? Check(WireEvent e, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(e);
        List<EventError>? errors = null;
        void Fail(string field, string code, string message) => (errors ??= []).Add(new(field, code, message));

        if (e.Id is null)
        {
            Fail("id", EventErrorCodes.Required, "required");
        }
        else if (!IsEventId(e.Id))
        {
            Fail("id", EventErrorCodes.Invalid, "must be 1–64 characters of A-Z, a-z, 0-9, '_' or '-'");
        }

        if (e.Time is null)
        {
            Fail("time", EventErrorCodes.Required, "required (" + TimeRule + ")");
        }
        else if (e.Time.Value > now + MaxFutureSkew)
        {
            Fail("time", EventErrorCodes.OutOfRange, "must not be more than 5 minutes in the future");
        }
        else if (e.Time.Value < MinTime)
        {
            Fail("time", EventErrorCodes.OutOfRange, "must not be before 2000-01-01T00:00:00Z");
        }

        if (e.Pilot is null)
        {
            Fail("pilot", EventErrorCodes.Required, "required");
        }
        else if (!IsPilotSlug(e.Pilot))
        {
            Fail("pilot", EventErrorCodes.Invalid, "must be a slug of 1–63 characters: a-z or 0-9 first, then a-z, 0-9 or '-'");
        }

        ValidateAttributes(e.Attributes, Fail);

        if (e.Type is null)
        {
            Fail("type", EventErrorCodes.Required, "required");
            return errors;
        }

        if (EventShapes.Find(e.Type) is not { } shape)
        {
            Fail("type", EventErrorCodes.Invalid, "must be one of " + string.Join(", ", EventTypes.All));
            return errors;
        }

        if (shape.IsCaseEvent)
        {
            if (e.CaseId is null)
            {
                Fail("caseId", EventErrorCodes.Required, "required for " + e.Type + " events");
            }
            else if (e.CaseId.Length is 0 or > 128 || !IsPlainText(e.CaseId))
            {
                Fail("caseId", EventErrorCodes.Invalid, "must be 1–128 characters without control or invisible formatting characters");
            }
        }
        else if (e.CaseId is not null)
        {
            Fail("caseId", EventErrorCodes.UnknownField, "not allowed on " + e.Type + " events (they belong to no case)");
        }

        foreach (var field in WireFields.All)
        {
            if (field.Read(e) is not null && shape.Find(field.Name) is null)
            {
                Fail(field.Name, EventErrorCodes.UnknownField, "not a field of " + e.Type + " events");
            }
        }

        foreach (var use in shape.Fields)
        {
            if (use.Field.Read(e) is not { } value)
            {
                if (use.Required)
                {
                    (errors ??= []).Add(use.Field.Missing());
                }
            }
            else
            {
                foreach (var error in use.Field.Check(value))
                {
                    (errors ??= []).Add(error);
                }
            }
        }

        CheckForIdentifiers(e, Fail);
        return errors;
    }

    /// <summary>
    /// Refuses personal identifiers in every string field and attribute: free text (<c>id</c>, <c>caseId</c>,
    /// <c>model</c>, attribute values) as text, slugs (and attribute keys) with letters and underscores as separators.
    /// One generated shape is exempt because it cannot carry one: a <c>caseId</c> of 64 lower-case hex digits (the
    /// SDK's HMAC pseudonym). A UUID-shaped <c>id</c> is checked like any other.
    /// </summary>
    private static void CheckForIdentifiers(WireEvent e, Action<string, string, string> fail)
    {
        void Report(string field, IdentifierKind? found)
        {
            if (found is { } kind)
            {
                fail(field, EventErrorCodes.PersonalIdentifier, "looks like " + IdentifierGuard.Describe(kind)
                    + "; personal identifiers are never stored (send a pseudonym or leave it out)");
            }
        }

        Report("id", IdentifierGuard.Find(e.Id));
        if (e.CaseId is not null && !IsPseudonym(e.CaseId))
        {
            Report("caseId", IdentifierGuard.Find(e.CaseId));
        }

        Report("pilot", IdentifierGuard.FindInSlug(e.Pilot));
        foreach (var field in WireFields.All)
        {
            Report(field.Name, field.FindIdentifier(field.Read(e)));
        }

        if (e.Attributes is not null)
        {
            foreach (var (key, value) in e.Attributes)
            {
                Report("attributes", IdentifierGuard.FindInSlug(key));
                Report(AttributeField(key), IdentifierGuard.Find(value));
            }
        }
    }

    /// <summary>The field name for errors about an attribute's value: the key only where it is a slug the guard passes.</summary>
    private static string AttributeField(string key) =>
        IsSlug(key, 64) && IdentifierGuard.FindInSlug(key) is null ? "attributes." + key : "attributes";

    private static void ValidateAttributes(Dictionary<string, string>? attributes, Action<string, string, string> fail)
    {
        if (attributes is null)
        {
            return;
        }

        if (attributes.Count > 16)
        {
            fail("attributes", EventErrorCodes.OutOfRange, "at most 16 entries");
            return;
        }

        foreach (var (key, value) in attributes)
        {
            if (!IsSlug(key, 64))
            {
                fail("attributes", EventErrorCodes.Invalid, "keys must be slugs of 1–64 characters (a-z, 0-9, '_' or '-')");
            }
            else if (value is null)
            {
                fail(AttributeField(key), EventErrorCodes.Invalid, "must be a string");
            }
            else if (value.Length > 256 || !IsPlainText(value))
            {
                fail(AttributeField(key), EventErrorCodes.Invalid, "must be at most 256 characters without control or invisible formatting characters");
            }
        }
    }
}
