using EvalFramework.Contract;

namespace EvalFramework;

/// <summary>
/// The handle of one case, from <see cref="CaseTracker.StartCase"/> or <see cref="CaseTracker.Case"/>. Its methods
/// record events on the case; none of them throws or blocks. Invalid values are dropped in the background, counted
/// in <see cref="TrackerStatistics.Rejected"/> and logged by field name.
/// </summary>
public sealed class TrackedCase : IDisposable
{
    private static readonly AsyncLocal<TrackedCase?> CurrentCase = new();
    private readonly CaseTracker _tracker;
    private readonly TrackedCase? _previous;
    private readonly bool _completeOnDispose;
    private int _completed;
    private int _disposed;

    internal TrackedCase(CaseTracker tracker, string caseId, bool completeOnDispose)
    {
        _tracker = tracker;
        CaseId = caseId;
        _completeOnDispose = completeOnDispose;
        _previous = CurrentCase.Value;
        CurrentCase.Value = this;
    }

    /// <summary>
    /// The case being worked on in this asynchronous flow: set by <see cref="CaseTracker.StartCase"/> and
    /// <see cref="CaseTracker.Case"/>, restored to the previous value by <see cref="Dispose"/>; null outside a case.
    /// </summary>
    public static TrackedCase? Current => CurrentCase.Value;

    /// <summary>The case's pseudonym (64 lower-case hex characters): what the collector sees instead of the reference.</summary>
    public string CaseId { get; }

    /// <summary>Records one AI call on the case (<c>ai.usage</c>).</summary>
    /// <param name="model">The model's name.</param>
    /// <param name="inputTokens">Input (prompt) tokens, zero or more.</param>
    /// <param name="outputTokens">Output (completion) tokens, zero or more.</param>
    /// <param name="duration">How long the call took, if known.</param>
    /// <param name="costSek">What the call cost in SEK, if known; overrides the collector's price table.</param>
    public void RecordAiUsage(string model, long inputTokens, long outputTokens, TimeSpan? duration = null, double? costSek = null)
    {
        var e = _tracker.NewEvent(EventTypes.AiUsage, CaseId);
        e.Model = model;
        e.InputTokens = inputTokens;
        e.OutputTokens = outputTokens;
        e.DurationMs = duration?.TotalMilliseconds;
        e.CostSek = costSek;
        _tracker.Enqueue(e);
    }

    /// <summary>Records staff time on the case (<c>human.effort</c>).</summary>
    /// <param name="role">The staff role (slug), e.g. <c>case-handler</c>.</param>
    /// <param name="time">The time spent, at least a millisecond and at most a day.</param>
    public void RecordEffort(string role, TimeSpan time)
    {
        var e = _tracker.NewEvent(EventTypes.HumanEffort, CaseId);
        e.Role = role;
        e.Seconds = time.TotalSeconds;
        _tracker.Enqueue(e);
    }

    /// <summary>Records that the AI handed the case to a person (<c>case.escalated</c>).</summary>
    /// <param name="reason">Why (optional slug).</param>
    public void RecordEscalation(string? reason = null)
    {
        var e = _tracker.NewEvent(EventTypes.CaseEscalated, CaseId);
        e.Reason = reason;
        _tracker.Enqueue(e);
    }

    /// <summary>Records an error found on the case (<c>case.error</c>).</summary>
    /// <param name="source">Where it was found: one of <see cref="ErrorSources"/>.</param>
    /// <param name="severity">How bad: one of <see cref="ErrorSeverities"/>.</param>
    public void RecordError(string source, string severity)
    {
        var e = _tracker.NewEvent(EventTypes.CaseError, CaseId);
        e.Source = source;
        e.Severity = severity;
        _tracker.Enqueue(e);
    }

    /// <summary>Records a quality review of the case (<c>quality.review</c>).</summary>
    /// <param name="correct">Whether the answer was correct.</param>
    /// <param name="consistent">Whether it agreed with the guidelines and earlier answers, if judged.</param>
    /// <param name="score">A score from 1 to 5, if given.</param>
    public void RecordReview(bool correct, bool? consistent = null, int? score = null)
    {
        var e = _tracker.NewEvent(EventTypes.QualityReview, CaseId);
        e.Correct = correct;
        e.Consistent = consistent;
        e.Score = score;
        _tracker.Enqueue(e);
    }

    /// <summary>Records a failed call to another system while handling the case (<c>integration.failure</c>).</summary>
    /// <param name="system">The other system (slug).</param>
    /// <param name="kind">What kind of failure (slug), e.g. <c>timeout</c>.</param>
    public void RecordIntegrationFailure(string system, string kind)
    {
        var e = _tracker.NewEvent(EventTypes.IntegrationFailure, CaseId);
        e.TargetSystem = system;
        e.Kind = kind;
        _tracker.Enqueue(e);
    }

    /// <summary>Records the citizen's survey answer for the case (<c>survey.citizen</c>).</summary>
    /// <param name="csat">Satisfaction, 1–5.</param>
    /// <param name="nps">Likelihood to recommend, 0–10, if asked.</param>
    public void RecordCitizenSurvey(int csat, int? nps = null)
    {
        var e = _tracker.NewEvent(EventTypes.SurveyCitizen, CaseId);
        e.Csat = csat;
        e.Nps = nps;
        _tracker.Enqueue(e);
    }

    /// <summary>Records that the case is done (<c>case.completed</c>). Only the first call on a handle counts.</summary>
    /// <param name="outcome">One of <see cref="CaseOutcomes"/>; <see cref="CaseOutcomes.Resolved"/> by default.</param>
    public void Complete(string outcome = CaseOutcomes.Resolved)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return;
        }

        var e = _tracker.NewEvent(EventTypes.CaseCompleted, CaseId);
        e.Outcome = outcome;
        _tracker.Enqueue(e);
    }

    /// <summary>
    /// Ends the handle: a case opened with <see cref="CaseTracker.StartCase"/> and not completed is completed as
    /// <see cref="CaseOutcomes.Abandoned"/>, and <see cref="Current"/> goes back to what it was before (when this
    /// handle is still current).
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_completeOnDispose)
        {
            Complete(CaseOutcomes.Abandoned);
        }

        if (ReferenceEquals(CurrentCase.Value, this))
        {
            CurrentCase.Value = _previous;
        }
    }
}
