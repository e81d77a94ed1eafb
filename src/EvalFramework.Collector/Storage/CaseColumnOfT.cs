namespace EvalFramework.Collector.Storage;

/// <summary>A <see cref="CaseColumn"/> whose values are <typeparamref name="T"/>.</summary>
internal sealed class CaseColumn<T>(string name, CaseColumnMerge merge, Func<CaseDelta, T> read) : CaseColumn(name, merge)
{
    /// <summary>The delta's value.</summary>
    public T Read(CaseDelta delta) => read(delta);

    public override object? Value(CaseDelta delta) => read(delta);

    public override void Accept(ICaseColumnVisitor visitor) => visitor.Visit(this);
}
