using System.Text;

namespace EvalFramework.Collector.Storage;

/// <summary>
/// One column of the <c>cases</c> row that a <see cref="CaseDelta"/> fills: its SQL name (<c>effort_seconds</c>), the
/// writer's parameter (<c>effortSeconds</c>), the reader's property (<c>EffortSeconds</c>), how a delta merges into it and
/// how the value is taken from the delta. <see cref="CaseColumns.All"/> lists them.
/// </summary>
internal abstract class CaseColumn
{
    private protected CaseColumn(string name, CaseColumnMerge merge)
    {
        Name = name;
        Merge = merge;
        Parameter = Camel(name, upperFirst: false);
        Property = Camel(name, upperFirst: true);
    }

    /// <summary>The SQL column name, snake case.</summary>
    public string Name { get; }

    /// <summary>The writer's parameter name (without the provider's prefix): the column name in camel case.</summary>
    public string Parameter { get; }

    /// <summary>The property a reader maps the column to: the column name in Pascal case.</summary>
    public string Property { get; }

    public CaseColumnMerge Merge { get; }

    /// <summary>The delta's value, boxed (a null stays null).</summary>
    public abstract object? Value(CaseDelta delta);

    public abstract void Accept(ICaseColumnVisitor visitor);

    private static string Camel(string name, bool upperFirst)
    {
        var builder = new StringBuilder(name.Length);
        var upper = upperFirst;
        foreach (var c in name)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return builder.ToString();
    }
}
