using EvalFramework.Evaluation.Simulation;

namespace EvalFramework.Evaluation.Tests.Simulation;

/// <summary>The simulated events of each case gathered up, to measure the generator's rates the way a snapshot would.</summary>
internal sealed class SimulatedCases
{
    public sealed class Summary(SimulatedCase simulated)
    {
        public SimulatedCase Case { get; } = simulated;

        public DateTimeOffset? Completed { get; set; }

        public string? Outcome { get; set; }

        public double Effort { get; set; }

        public int AiCalls { get; set; }

        public int Reviews { get; set; }

        public bool ReviewFailed { get; set; }

        public int Errors { get; set; }

        public bool? Consistent { get; set; }

        public bool Escalated { get; set; }

        public bool IntegrationFailed { get; set; }

        public int? Csat { get; set; }
    }

    public static Dictionary<string, Summary> From(IEnumerable<SimulatedEvent> events)
    {
        var cases = new Dictionary<string, Summary>(StringComparer.Ordinal);
        foreach (var e in events.OfType<SimulatedCaseEvent>())
        {
            if (!cases.TryGetValue(e.Case.Reference, out var c))
            {
                cases[e.Case.Reference] = c = new Summary(e.Case);
            }

            switch (e)
            {
                case SimulatedCaseCompletion x: (c.Completed, c.Outcome) = (e.Time, x.Outcome); break;
                case SimulatedEffort x: c.Effort += x.Seconds; break;
                case SimulatedAiUsage: c.AiCalls++; break;
                case SimulatedReview x:
                    c.Reviews++;
                    c.ReviewFailed |= !x.Correct;
                    c.Consistent = x.Consistent;
                    break;
                case SimulatedError: c.Errors++; break;
                case SimulatedEscalation: c.Escalated = true; break;
                case SimulatedIntegrationFailure: c.IntegrationFailed = true; break;
                case SimulatedCitizenSurvey x: c.Csat = x.Csat; break;
            }
        }

        return cases;
    }
}
