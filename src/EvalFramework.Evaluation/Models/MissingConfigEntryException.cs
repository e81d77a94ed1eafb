namespace EvalFramework.Evaluation.Models;

/// <summary>
/// A model, role or arm met in the data has no entry in the evaluation config, so its cost or energy cannot be
/// computed. Never treated as zero: check the data first with <c>PilotConfig.CheckModelsSeen</c> / <c>CheckRolesSeen</c>.
/// </summary>
public sealed class MissingConfigEntryException : KeyNotFoundException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="pilot">The pilot slug.</param>
    /// <param name="section">The config section that lacks the entry: <c>aiModels</c>, <c>staffRoles</c> or <c>arms</c>.</param>
    /// <param name="name">The missing model, role or arm.</param>
    public MissingConfigEntryException(string pilot, string section, string name)
        : base("pilot '" + pilot + "' has no entry '" + name + "' in " + section + " of the evaluation config: add it ("
            + section + " values are never assumed to be zero)")
    {
        Pilot = pilot;
        Section = section;
        Name = name;
    }

    /// <summary>The pilot slug.</summary>
    public string Pilot { get; }

    /// <summary>The config section that lacks the entry.</summary>
    public string Section { get; }

    /// <summary>The missing model, role or arm.</summary>
    public string Name { get; }
}
