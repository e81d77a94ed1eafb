using EvalFramework.Contract;
using Microsoft.Data.Sqlite;

namespace EvalFramework.Collector.Storage;

/// <summary>The writer's prepared statements: store an event once, then fold it into its case row.</summary>
internal sealed class EventWriteStatements : IDisposable
{
    private readonly PreparedCommand _insertEvent;
    private readonly PreparedCommand _started;
    private readonly PreparedCommand _completed;
    private readonly PreparedCommand _aiUsage;
    private readonly PreparedCommand _aiUsageByModel;
    private readonly PreparedCommand _effort;
    private readonly PreparedCommand _escalated;
    private readonly PreparedCommand _error;
    private readonly PreparedCommand _review;
    private readonly PreparedCommand _integrationFailure;
    private readonly PreparedCommand _citizenSurvey;
    private readonly PreparedCommand[] _all;

    public EventWriteStatements(SqliteConnection connection)
    {
        _insertEvent = new(connection, CaseSql.InsertEvent, "$pilot", "$id", "$type", "$case", "$time", "$now", "$key", "$body");
        _started = new(connection, CaseSql.Started, "$pilot", "$case", "$caseType", "$arm", "$channel", "$time", "$now");
        _completed = new(connection, CaseSql.Completed, "$pilot", "$case", "$time", "$outcome", "$now");
        _aiUsage = new(connection, CaseSql.AiUsage, "$pilot", "$case", "$input", "$output", "$durationMs", "$now");
        _aiUsageByModel = new(connection, CaseSql.AiUsageByModel, "$pilot", "$case", "$model", "$input", "$output",
            "$durationMs", "$pricedInput", "$pricedOutput", "$costSek");
        _effort = new(connection, CaseSql.Effort, "$pilot", "$case", "$seconds", "$now");
        _escalated = new(connection, CaseSql.Escalated, "$pilot", "$case", "$now");
        _error = new(connection, CaseSql.Error, "$pilot", "$case", "$qualityReview", "$reopened", "$complaint",
            "$selfReported", "$critical", "$now");
        _review = new(connection, CaseSql.Review, "$pilot", "$case", "$incorrect", "$consistencySet", "$consistent",
            "$scored", "$score", "$now");
        _integrationFailure = new(connection, CaseSql.IntegrationFailure, "$pilot", "$case", "$now");
        _citizenSurvey = new(connection, CaseSql.CitizenSurvey, "$pilot", "$case", "$csat", "$npsCount", "$promoter",
            "$detractor", "$now");
        _all = [_insertEvent, _started, _completed, _aiUsage, _aiUsageByModel, _effort, _escalated, _error, _review,
            _integrationFailure, _citizenSurvey];
    }

    public void Enlist(SqliteTransaction? transaction)
    {
        foreach (var command in _all)
        {
            command.Transaction = transaction;
        }
    }

    /// <summary>Stores the event unless its id is already stored; returns whether it was new.</summary>
    public bool Write(PendingEvent pending, string keyName, long nowMs)
    {
        var e = pending.Event;
        var inserted = _insertEvent
            .Set("$pilot", e.Pilot).Set("$id", e.Id).Set("$type", e.Type).Set("$case", e.CaseId)
            .Set("$time", e.Time!.Value.ToUnixTimeMilliseconds()).Set("$now", nowMs).Set("$key", keyName)
            .Set("$body", pending.Body)
            .Execute() == 1;
        if (inserted && e.CaseId is not null)
        {
            FoldIntoCase(e, nowMs);
        }

        return inserted;
    }

    private void FoldIntoCase(WireEvent e, long nowMs)
    {
        var time = e.Time!.Value.ToUnixTimeMilliseconds();
        switch (e.Type)
        {
            case EventTypes.CaseStarted:
                Case(_started, e, nowMs).Set("$caseType", e.CaseType).Set("$arm", e.Arm).Set("$channel", e.Channel)
                    .Set("$time", time).Execute();
                break;
            case EventTypes.CaseCompleted:
                Case(_completed, e, nowMs).Set("$time", time).Set("$outcome", e.Outcome).Execute();
                break;
            case EventTypes.AiUsage:
                var durationMs = e.DurationMs ?? 0;
                Case(_aiUsage, e, nowMs).Set("$input", e.InputTokens).Set("$output", e.OutputTokens)
                    .Set("$durationMs", durationMs).Execute();
                var priced = e.CostSek is not null;
                _aiUsageByModel.Set("$pilot", e.Pilot).Set("$case", e.CaseId).Set("$model", e.Model)
                    .Set("$input", e.InputTokens).Set("$output", e.OutputTokens).Set("$durationMs", durationMs)
                    .Set("$pricedInput", priced ? e.InputTokens : 0L).Set("$pricedOutput", priced ? e.OutputTokens : 0L)
                    .Set("$costSek", e.CostSek ?? 0).Execute();
                break;
            case EventTypes.HumanEffort:
                Case(_effort, e, nowMs).Set("$seconds", e.Seconds).Execute();
                break;
            case EventTypes.CaseEscalated:
                Case(_escalated, e, nowMs).Execute();
                break;
            case EventTypes.CaseError:
                Case(_error, e, nowMs)
                    .Set("$qualityReview", Flag(e.Source == ErrorSources.QualityReview))
                    .Set("$reopened", Flag(e.Source == ErrorSources.Reopened))
                    .Set("$complaint", Flag(e.Source == ErrorSources.Complaint))
                    .Set("$selfReported", Flag(e.Source == ErrorSources.SelfReported))
                    .Set("$critical", Flag(e.Severity == ErrorSeverities.Critical))
                    .Execute();
                break;
            case EventTypes.QualityReview:
                Case(_review, e, nowMs)
                    .Set("$incorrect", Flag(e.Correct == false))
                    .Set("$consistencySet", Flag(e.Consistent is not null))
                    .Set("$consistent", Flag(e.Consistent == true))
                    .Set("$scored", Flag(e.Score is not null))
                    .Set("$score", e.Score ?? 0)
                    .Execute();
                break;
            case EventTypes.IntegrationFailure:
                Case(_integrationFailure, e, nowMs).Execute();
                break;
            case EventTypes.SurveyCitizen:
                Case(_citizenSurvey, e, nowMs)
                    .Set("$csat", e.Csat)
                    .Set("$npsCount", Flag(e.Nps is not null))
                    .Set("$promoter", Flag(e.Nps >= 9))
                    .Set("$detractor", Flag(e.Nps <= 6))
                    .Execute();
                break;
        }
    }

    private static PreparedCommand Case(PreparedCommand command, WireEvent e, long nowMs) =>
        command.Set("$pilot", e.Pilot).Set("$case", e.CaseId).Set("$now", nowMs);

    private static long Flag(bool value) => value ? 1L : 0L;

    public void Dispose()
    {
        foreach (var command in _all)
        {
            command.Dispose();
        }
    }
}
