namespace EvalFramework;

/// <summary>
/// Settings of a <see cref="CaseTracker"/>. <see cref="CollectorUri"/>, <see cref="ApiKey"/>, <see cref="Pilot"/> and
/// <see cref="PseudonymKey"/> are required; the rest have defaults. They are read once, when the tracker is created.
/// </summary>
public sealed class EvalFrameworkOptions
{
    /// <summary>The default of <see cref="MaxSpillBytes"/>: 256 MiB.</summary>
    public const long DefaultMaxSpillBytes = 256L * 1024 * 1024;

    /// <summary>
    /// The collector's base address, e.g. <c>http://127.0.0.1:5080/</c>; events go to <c>{CollectorUri}api/v1/events</c>.
    /// Required (absolute http or https); no default.
    /// </summary>
    public Uri? CollectorUri { get; set; }

    /// <summary>The API key, sent as <c>Authorization: Bearer</c>. Required; no default.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The pilot's slug (<c>[a-z0-9][a-z0-9-]{0,62}</c>), put on every event. Required; no default.</summary>
    public string? Pilot { get; set; }

    /// <summary>
    /// The secret that turns case references into pseudonyms (its UTF-8 bytes are the HMAC-SHA256 key): at least 16
    /// characters, kept by the pilot and never sent. Required; no default.
    /// </summary>
    public string? PseudonymKey { get; set; }

    /// <summary>How many events may wait to be sent; when full, new events are dropped and counted. Default 10 000.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Most events in one request, 1–1000. Default 100.</summary>
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>How long the sender waits to fill a batch before sending what it has. Default 1 second.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one request may take before it is abandoned and retried. Default 10 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest wait between two attempts at a batch; it caps the exponential backoff and a collector's
    /// <c>Retry-After</c> alike. Default 30 seconds.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long disposing the tracker may spend sending what is still queued. Default 5 seconds.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A folder where events wait on disk while the collector cannot be reached (created if missing; one tracker per
    /// folder). Batches that fail with a transient error, and everything recorded after them, are appended there and
    /// sent oldest first once the collector answers again; leftovers of an earlier process are sent at start. Default
    /// null: no spilling, events wait only in the in-memory queue.
    /// </summary>
    public string? SpillDirectory { get; set; }

    /// <summary>
    /// The most bytes the spill folder may hold, at least 1 MiB. When a new batch would not fit, the oldest spilled
    /// events are deleted and counted as dropped (reason <c>spill_full</c>). Default 256 MiB.
    /// </summary>
    public long MaxSpillBytes { get; set; } = DefaultMaxSpillBytes;

    /// <summary>
    /// The secret the arms are assigned with (<see cref="CaseTracker.Assign(string, string)"/>; its UTF-8 bytes are the
    /// HMAC-SHA256 key): at least 16 characters and not the <see cref="PseudonymKey"/>, so it can be handed to an auditor
    /// who checks the assignment without the key that makes pseudonyms. Default null: the tracker does not assign.
    /// </summary>
    public string? AssignmentSalt { get; set; }

    /// <summary>
    /// The arms and their shares, in the pilot's config order (<c>arms</c>): required with <see cref="AssignmentSalt"/>.
    /// The same salt, arms and unit give the same arm in every process and language (docs/assignment.md).
    /// </summary>
    public IList<AssignmentArm> AssignmentArms { get; set; } = [];

    /// <summary>
    /// What is assigned to an arm (<c>design.unit</c> of the pilot's config): <c>case</c> (default), <c>handler</c>,
    /// <c>team</c> or <c>period</c>.
    /// </summary>
    public string AssignmentUnit { get; set; } = Contract.AssignmentUnits.Case;
}
