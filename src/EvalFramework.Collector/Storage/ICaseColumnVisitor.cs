namespace EvalFramework.Collector.Storage;

/// <summary>Sees each <see cref="CaseColumn"/> with its value type, e.g. to bind a whole column as one typed array.</summary>
internal interface ICaseColumnVisitor
{
    void Visit<T>(CaseColumn<T> column);
}
