namespace CityExchange.Core.Scoring;

/// <summary>
/// For one indicator: the city's current raw value (NaN if missing) and the value that reaches the target rank with
/// every other value fixed — null when no value does.
/// </summary>
public sealed record IndicatorTarget(int Indicator, double Current, double? Value);

/// <summary>
/// "What would it take": for a city and a target rank, for each indicator alone, the smallest value (polarity +1; the
/// largest for polarity −1) with which the city's overall rank is at least as good as the target. Found by bracketing
/// (doubling from the indicator's largest value, at most 2^20 times it) and bisection: to a relative precision of 0.05 %
/// (within the promised 0.1 %), or exactly for a <see cref="Framework.Indicator.WholeNumber"/> indicator, whose target
/// is the smallest (largest) whole number that reaches the rank — a city cannot open 12.4 consulates. The city is
/// rescored at each step with the caller's scorer, so a value above the current maximum moves the min–max goalpost as
/// it should.
/// </summary>
public static class TargetFinder
{
    /// <summary>Bisection stops when the bracket is narrower than this share of its upper end.</summary>
    public const double RelativePrecision = 0.0005;

    private const int MaxDoublings = 20;
    private const int MaxBisections = 200;

    /// <summary>
    /// The target of every indicator. Each rescoring first checks <paramref name="cancellationToken"/>: a search makes a
    /// few dozen per indicator, each the cost of scoring the year.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static IReadOnlyList<IndicatorTarget> Find(
        IndicatorMatrix matrix, int city, int targetRank, Func<IndicatorMatrix, ScoreSheet> score, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(city);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(city, matrix.CityCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetRank, 1);
        var targets = new List<IndicatorTarget>(matrix.Framework.Count);
        for (var j = 0; j < matrix.Framework.Count; j++)
        {
            targets.Add(new IndicatorTarget(j, matrix[j, city], FindOne(matrix, city, j, targetRank, score, cancellationToken)));
        }

        return targets;
    }

    /// <summary>The target value of indicator <paramref name="indicator"/> alone; null when no value reaches the rank.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static double? FindOne(
        IndicatorMatrix matrix, int city, int indicator, int targetRank, Func<IndicatorMatrix, ScoreSheet> score,
        CancellationToken cancellationToken = default)
    {
        var work = matrix.Clone();
        bool Reaches(double value)
        {
            cancellationToken.ThrowIfCancellationRequested();
            work[indicator, city] = value;
            var rank = score(work).OverallRanks[city];
            return rank > 0 && rank <= targetRank;
        }

        var start = 1.0;
        foreach (var x in matrix.Column(indicator))
        {
            if (x > start)
            {
                start = x;
            }
        }

        var definition = matrix.Framework.Indicators[indicator];
        Func<double, double, double?> midpoint = definition.WholeNumber ? WholeMidpoint : Midpoint;
        start = definition.WholeNumber ? Math.Ceiling(start) : start;
        return definition.Polarity < 0
            ? Largest(Reaches, start, midpoint)
            : Smallest(Reaches, start, midpoint);
    }

    /// <summary>The middle of the bracket; null once it is within <see cref="RelativePrecision"/>.</summary>
    private static double? Midpoint(double lo, double hi) => hi - lo > RelativePrecision * hi ? lo + ((hi - lo) / 2) : null;

    /// <summary>A whole number inside the bracket of whole numbers; null once its ends are adjacent.</summary>
    private static double? WholeMidpoint(double lo, double hi) => hi - lo > 1 ? Math.Floor(lo + ((hi - lo) / 2)) : null;

    private static double? Smallest(Func<double, bool> reaches, double start, Func<double, double, double?> midpoint)
    {
        if (reaches(0))
        {
            return 0;
        }

        double lo = 0, hi = start;
        var doublings = 0;
        while (!reaches(hi))
        {
            if (++doublings > MaxDoublings)
            {
                return null;
            }

            lo = hi;
            hi *= 2;
        }

        // Invariant: lo does not reach, hi does.
        for (var i = 0; i < MaxBisections && midpoint(lo, hi) is { } mid; i++)
        {
            if (reaches(mid))
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return hi;
    }

    private static double? Largest(Func<double, bool> reaches, double start, Func<double, double, double?> midpoint)
    {
        if (!reaches(0))
        {
            return null;
        }

        double lo = 0, hi = start;
        var doublings = 0;
        while (reaches(hi))
        {
            if (++doublings > MaxDoublings)
            {
                return hi;
            }

            lo = hi;
            hi *= 2;
        }

        // Invariant: lo reaches, hi does not.
        for (var i = 0; i < MaxBisections && midpoint(lo, hi) is { } mid; i++)
        {
            if (reaches(mid))
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
