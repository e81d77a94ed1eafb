using System.Reflection;
using EvalFramework.Evaluation.Snapshots.Accumulation;

namespace EvalFramework.Evaluation.Tests.Snapshots;

/// <summary>The as-treated groups start as copies of the by-assignment groups: a copy must share nothing mutable.</summary>
public sealed class GroupAccumulatorCopyTests
{
    [Fact]
    public void Copy_EveryField_CopiedAndNoMutableReferenceShared()
    {
        var source = new GroupAccumulator("a-question", "manual", weeks: 3) { Started = 5, Completed = 4, AiSek = 1.5 };
        source.LeadTimes.Add(10);
        source.Effort.Add(7);
        source.AddCost(3, 100);
        source.AddEnergy(3, 20);
        source.WeeklyCompleted[1] = 2;

        var copy = source.Copy();
        copy.LeadTimes.Add(11);
        copy.AddCost(3, 50);
        copy.AddEnergy(4, 1);
        copy.WeeklyCompleted[1]++;
        copy.Effort.Add(9);

        Assert.Equal([10.0], source.LeadTimes.ToArray());
        Assert.Equal([10.0, 11.0], copy.LeadTimes.ToArray());
        Assert.Equal(1, source.VariableCostByMonth[3].Count);
        Assert.Single(source.EnergyByMonth);
        Assert.Equal(2, source.WeeklyCompleted[1]);
        Assert.Equal((1L, 2L), (source.Effort.Count, copy.Effort.Count));
        Assert.Equal((5L, 4L, 1.5), (copy.Started, copy.Completed, copy.AiSek));

        // A field added later (B's per-unit part, say) must be deep-copied in Copy: every reference field of the copy
        // other than a string must be its own object.
        foreach (var field in typeof(GroupAccumulator).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (!field.FieldType.IsValueType && field.FieldType != typeof(string))
            {
                Assert.False(ReferenceEquals(field.GetValue(source), field.GetValue(copy)), field.Name + " is shared by the copy");
            }
        }
    }
}
