namespace CityExchange.Core.Scoring;

/// <summary>Standard competition ranking ("1224"), highest score first.</summary>
public static class CompetitionRanker
{
    /// <summary>Scores closer than this are a tie, so floating-point noise never splits equal cities.</summary>
    public const double TieTolerance = 1e-9;

    /// <summary>Ranks <paramref name="scores"/> descending into <paramref name="ranks"/>; a missing (NaN) score gets rank 0.</summary>
    public static void RankDescending(ReadOnlySpan<double> scores, Span<int> ranks)
    {
        if (ranks.Length != scores.Length)
        {
            throw new ArgumentException("ranks and scores must have the same length.", nameof(ranks));
        }

        RankDescending(scores, ranks, new double[scores.Length], new int[scores.Length]);
    }

    /// <summary>As <see cref="RankDescending(ReadOnlySpan{double}, Span{int})"/> with caller-owned scratch arrays (no allocation).</summary>
    public static void RankDescending(ReadOnlySpan<double> scores, Span<int> ranks, double[] keys, int[] order)
    {
        if (ranks.Length != scores.Length || keys.Length < scores.Length || order.Length < scores.Length)
        {
            throw new ArgumentException("ranks, keys and order must hold one entry per score.", nameof(ranks));
        }

        var count = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            ranks[i] = 0;
            if (!double.IsNaN(scores[i]))
            {
                order[count] = i;
                keys[count] = -scores[i];
                count++;
            }
        }

        Array.Sort(keys, order, 0, count);
        for (var k = 0; k < count; k++)
        {
            var tied = k > 0 && Math.Abs(keys[k] - keys[k - 1]) <= TieTolerance;
            ranks[order[k]] = tied ? ranks[order[k - 1]] : k + 1;
        }
    }

    public static int[] RankDescending(ReadOnlySpan<double> scores)
    {
        var ranks = new int[scores.Length];
        RankDescending(scores, ranks);
        return ranks;
    }
}
