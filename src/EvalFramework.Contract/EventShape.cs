namespace EvalFramework.Contract;

/// <summary>The fields one event type carries beyond the common ones (<c>id</c>, <c>type</c>, <c>time</c>, <c>pilot</c>, <c>caseId</c>, <c>attributes</c>).</summary>
public sealed class EventShape
{
    private readonly Dictionary<string, FieldUse> _byName;

    /// <summary>Declares a shape.</summary>
    /// <param name="type">One of <see cref="EventTypes"/>.</param>
    /// <param name="fields">Its fields, in contract order.</param>
    public EventShape(string type, params FieldUse[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Type = type;
        Fields = fields;
        _byName = fields.ToDictionary(f => f.Field.Name, StringComparer.Ordinal);
    }

    /// <summary>The event type.</summary>
    public string Type { get; }

    /// <summary>Its fields, in contract order.</summary>
    public IReadOnlyList<FieldUse> Fields { get; }

    /// <summary>Whether events of this type belong to a case and so need a <c>caseId</c>.</summary>
    public bool IsCaseEvent => EventTypes.IsCaseEvent(Type);

    /// <summary>The use of a field on this type, or <see langword="null"/> when it does not belong to it.</summary>
    /// <param name="name">The wire name.</param>
    public FieldUse? Find(string name) => _byName.GetValueOrDefault(name);
}
