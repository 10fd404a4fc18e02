using MathNet.Numerics;

namespace CityExchange.Core.Analysis;

/// <summary>
/// How far two partitions of the same items agree: the adjusted Rand index (Hubert &amp; Arabie 1985; 1 = identical,
/// about 0 = chance) and the number of items placed differently under the best one-to-one matching of labels.
/// </summary>
public sealed record PartitionAgreement(double AdjustedRandIndex, int Misplaced, IReadOnlyDictionary<int, int> LabelMatching)
{
    /// <summary>Compares <paramref name="ours"/> with <paramref name="theirs"/> (labels of the same items in the same order).</summary>
    public static PartitionAgreement Compare(IReadOnlyList<int> ours, IReadOnlyList<int> theirs)
    {
        if (ours.Count != theirs.Count)
        {
            throw new ArgumentException("Both partitions must label the same items.", nameof(theirs));
        }

        var rowLabels = ours.Distinct().Order().ToList();
        var columnLabels = theirs.Distinct().Order().ToList();
        var table = new int[rowLabels.Count, columnLabels.Count];
        for (var i = 0; i < ours.Count; i++)
        {
            table[rowLabels.IndexOf(ours[i]), columnLabels.IndexOf(theirs[i])]++;
        }

        var (matched, matching) = BestMatching(table);
        var labelMatching = matching.ToDictionary(m => rowLabels[m.Key], m => columnLabels[m.Value]);
        return new PartitionAgreement(AdjustedRand(table, ours.Count), ours.Count - matched, labelMatching);
    }

    private static double AdjustedRand(int[,] table, int n)
    {
        static double Pairs(int count) => count < 2 ? 0 : SpecialFunctions.Binomial(count, 2);

        double index = 0, rows = 0, columns = 0;
        for (var i = 0; i < table.GetLength(0); i++)
        {
            var rowSum = 0;
            for (var j = 0; j < table.GetLength(1); j++)
            {
                index += Pairs(table[i, j]);
                rowSum += table[i, j];
            }

            rows += Pairs(rowSum);
        }

        for (var j = 0; j < table.GetLength(1); j++)
        {
            var columnSum = 0;
            for (var i = 0; i < table.GetLength(0); i++)
            {
                columnSum += table[i, j];
            }

            columns += Pairs(columnSum);
        }

        var expected = Pairs(n) == 0 ? 0 : rows * columns / Pairs(n);
        var max = (rows + columns) / 2;
        // Both partitions trivial (all singletons or one cluster): they agree exactly when the index is at its maximum.
        return max == expected ? (index == max ? 1 : 0) : (index - expected) / (max - expected);
    }

    /// <summary>Maximum-weight one-to-one matching of rows to columns by dynamic programming over column subsets (k ≤ 20).</summary>
    private static (int Matched, Dictionary<int, int> Matching) BestMatching(int[,] table)
    {
        int rows = table.GetLength(0), columns = table.GetLength(1);
        if (columns > 20)
        {
            throw new ArgumentException("Too many clusters to match labels exactly.", nameof(table));
        }

        var states = 1 << columns;
        // best[i, mask]: the most items matched using rows i… with the columns in mask already taken.
        var best = new int[rows + 1, states];
        for (var i = rows - 1; i >= 0; i--)
        {
            for (var mask = 0; mask < states; mask++)
            {
                var value = best[i + 1, mask];
                for (var j = 0; j < columns; j++)
                {
                    if ((mask & (1 << j)) == 0)
                    {
                        value = Math.Max(value, table[i, j] + best[i + 1, mask | (1 << j)]);
                    }
                }

                best[i, mask] = value;
            }
        }

        var matching = new Dictionary<int, int>();
        var taken = 0;
        for (var i = 0; i < rows; i++)
        {
            if (best[i, taken] == best[i + 1, taken])
            {
                continue;
            }

            for (var j = 0; j < columns; j++)
            {
                if ((taken & (1 << j)) == 0 && table[i, j] + best[i + 1, taken | (1 << j)] == best[i, taken])
                {
                    matching[i] = j;
                    taken |= 1 << j;
                    break;
                }
            }
        }

        return (best[0, 0], matching);
    }
}
