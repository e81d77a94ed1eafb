namespace EvalFramework.Evaluation.Statistics;

/// <summary>Quickselect (Hoare partition, median-of-three pivot): puts the k-th smallest value at index k.</summary>
internal static class Selection
{
    /// <summary>
    /// Rearranges <paramref name="values"/>[<paramref name="from"/>..<paramref name="to"/>] (inclusive) so that index
    /// <paramref name="k"/> holds the value of that rank, smaller-or-equal values before it, greater-or-equal after.
    /// </summary>
    public static void Select(double[] values, int from, int to, int k)
    {
        while (to > from)
        {
            if (to - from < 16)
            {
                Array.Sort(values, from, to - from + 1);
                return;
            }

            var mid = from + ((to - from) / 2);
            if (values[mid] < values[from])
            {
                (values[mid], values[from]) = (values[from], values[mid]);
            }

            if (values[to] < values[from])
            {
                (values[to], values[from]) = (values[from], values[to]);
            }

            if (values[to] < values[mid])
            {
                (values[to], values[mid]) = (values[mid], values[to]);
            }

            var pivot = values[mid];
            var i = from;
            var j = to;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                to = j;
            }
            else if (k >= i)
            {
                from = i;
            }
            else
            {
                return;
            }
        }
    }
}
