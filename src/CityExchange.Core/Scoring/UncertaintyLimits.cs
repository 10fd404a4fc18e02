using System.Numerics;
using CityExchange.Core.Resources;

namespace CityExchange.Core.Scoring;

/// <summary>
/// The documented cost bounds of the rank-uncertainty analyses, so that one call stays under about 2 s of CPU on the
/// reference machine (docs/performance.md) at the documented scale of 20,000 cities. A weight grid or a Monte Carlo
/// run costs its points (samples) times the cities re-ranked at each, so the bounds are on that product, with a cap on
/// the points (samples) alone for the per-point work that does not shrink with the cities. Check a request with
/// <see cref="CheckBounds"/> or <see cref="CheckSamples"/> before running it; <see cref="RankUncertainty"/> refuses
/// one over the bounds with an <see cref="AnalysisTooLargeException"/>.
/// </summary>
public static class UncertaintyLimits
{
    /// <summary>Grid points × cities of one <see cref="RankUncertainty.Bounds"/> call.</summary>
    public const long MaxBoundsWork = 40_000_000;

    /// <summary>Grid points of one <see cref="RankUncertainty.Bounds"/> call, however few the cities.</summary>
    public const int MaxBoundsPoints = 1_000_000;

    /// <summary>Samples × cities of one Monte Carlo run (<see cref="RankUncertainty.Run"/>); also its memory, 4 bytes each.</summary>
    public const long MaxSampleCityProduct = 30_000_000;

    /// <summary>Samples of one Monte Carlo run, however few the cities.</summary>
    public const int MaxSamples = 20_000;

    /// <summary>
    /// Model runs × cities of one composite sensitivity analysis (<see cref="Sensitivity.CompositeSensitivity.Run"/>):
    /// a run re-aggregates and re-ranks every city, as a Monte Carlo sample does; lower than
    /// <see cref="MaxSampleCityProduct"/> for the scorings of the model's constructions before the runs.
    /// </summary>
    public const long MaxSensitivityRunCityProduct = 20_000_000;

    /// <summary>The steps <see cref="SmallestStep"/> chooses among, finest first.</summary>
    public static IReadOnlyList<double> Steps { get; } = [0.001, 0.002, 0.0025, 0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.125, 0.25];

    /// <summary>Weights finer than 1/this are not counted: the grid is taken as having <see cref="long.MaxValue"/> points.</summary>
    private const double MaxUnits = 1e15;

    /// <summary>
    /// The number of domain weight vectors <see cref="RankUncertainty.Bounds"/> would try for these bounds, computed
    /// before running (inclusion–exclusion over the four weights); <see cref="long.MaxValue"/> when it does not fit.
    /// </summary>
    /// <exception cref="ArgumentException">Not 0 ≤ lower ≤ upper ≤ 1 and 0 &lt; step ≤ 0.25.</exception>
    public static long BoundsPoints(double lower, double upper, double step)
    {
        if (Grid.Of(lower, upper, step) is not { } grid)
        {
            return long.MaxValue;
        }

        // Solutions of a + b + c + d = units with lo ≤ each ≤ hi: with y = x − lo, y + … = s, 0 ≤ y ≤ w; by
        // inclusion–exclusion over the weights above w, Σ_k (−1)^k C(4, k) C(s − k(w + 1) + 3, 3).
        var s = grid.Units - (4 * grid.Lo);
        var w = grid.Hi - grid.Lo;
        if (s < 0 || w < 0)
        {
            return 0;
        }

        BigInteger count = 0;
        for (var k = 0; k <= 4; k++)
        {
            var r = s - (k * (w + 1));
            if (r < 0)
            {
                break;
            }

            var term = Choose4[k] * (new BigInteger(r + 3) * (r + 2) * (r + 1) / 6);
            count += k % 2 == 0 ? term : -term;
        }

        return count > long.MaxValue ? long.MaxValue : (long)count;
    }

    /// <summary>The most grid points one bounds call may try for <paramref name="cityCount"/> cities.</summary>
    public static long MaxBoundsPointsFor(int cityCount) => Math.Min(MaxBoundsPoints, MaxBoundsWork / Math.Max(1, cityCount));

    /// <summary>The most Monte Carlo samples for <paramref name="cityCount"/> cities.</summary>
    public static int MaxSamplesFor(int cityCount) => (int)Math.Min(MaxSamples, MaxSampleCityProduct / Math.Max(1, cityCount));

    /// <summary>Why these bounds cost too much for <paramref name="cityCount"/> cities (parameter <c>step</c>); null when they fit.</summary>
    /// <exception cref="ArgumentException">Not 0 ≤ lower ≤ upper ≤ 1 and 0 &lt; step ≤ 0.25.</exception>
    public static LimitIssue? CheckBounds(double lower, double upper, double step, int cityCount)
    {
        var points = BoundsPoints(lower, upper, step);
        var limit = MaxBoundsPointsFor(cityCount);
        return points > limit ? new LimitIssue("step", LimitMessages.TooManyGridPoints, points, limit, cityCount) : null;
    }

    /// <summary>Why this many samples cost too much for <paramref name="cityCount"/> cities (parameter <c>samples</c>); null when they fit.</summary>
    public static LimitIssue? CheckSamples(int samples, int cityCount)
    {
        var limit = MaxSamplesFor(cityCount);
        return samples > limit ? new LimitIssue("samples", LimitMessages.TooManySamples, samples, limit, cityCount) : null;
    }

    /// <summary>
    /// Why a composite sensitivity analysis of N = <paramref name="samples"/> base samples over
    /// <paramref name="inputCount"/> uncertain choices — N·(k + 2) runs — costs too much for <paramref name="cityCount"/>
    /// cities (parameter <c>samples</c>; <see cref="LimitIssue.Requested"/> and <see cref="LimitIssue.Limit"/> count
    /// runs); null when it fits.
    /// </summary>
    public static LimitIssue? CheckSensitivity(int samples, int inputCount, int cityCount)
    {
        var runs = (long)samples * (inputCount + 2);
        var limit = MaxSensitivityRunCityProduct / Math.Max(1, cityCount);
        return runs > limit ? new LimitIssue("samples", LimitMessages.TooManyRuns, runs, limit, cityCount) : null;
    }

    /// <summary>
    /// The finest of <see cref="Steps"/> whose grid over [<paramref name="lower"/>, <paramref name="upper"/>] fits for
    /// <paramref name="cityCount"/> cities and has a point; null when none does. A page's default, and the advice in a refusal.
    /// </summary>
    public static double? SmallestStep(double lower, double upper, int cityCount)
    {
        foreach (var step in Steps)
        {
            var points = BoundsPoints(lower, upper, step);
            if (points > 0 && points <= MaxBoundsPointsFor(cityCount))
            {
                return step;
            }
        }

        return null;
    }

    private static readonly BigInteger[] Choose4 = [1, 4, 6, 4, 1];

    /// <summary>
    /// The grid in whole units of the step: weights a/units with lo ≤ a ≤ hi. Null when the step is too fine to
    /// count (1/step above <see cref="MaxUnits"/>).
    /// </summary>
    internal readonly record struct Grid(long Units, long Lo, long Hi)
    {
        public static Grid? Of(double lower, double upper, double step)
        {
            if (!(step > 0 && step <= 0.25) || !(lower >= 0) || !(upper <= 1) || !(lower <= upper))
            {
                throw new ArgumentException("Bounds must satisfy 0 ≤ lower ≤ upper ≤ 1 and 0 < step ≤ 0.25.", nameof(step));
            }

            var units = Math.Round(1 / step);
            if (units > MaxUnits)
            {
                return null;
            }

            return new Grid((long)units, (long)Math.Ceiling((lower * units) - 1e-9), (long)Math.Floor((upper * units) + 1e-9));
        }
    }
}

/// <summary>
/// A request over a documented cost bound: <see cref="Parameter"/> (<c>step</c>, <c>samples</c>) asked for
/// <see cref="Requested"/> (grid points, samples) where <see cref="CityCount"/> cities allow <see cref="Limit"/>.
/// </summary>
public sealed record LimitIssue(string Parameter, string Key, long Requested, long Limit, int CityCount)
{
    /// <summary>The message in the current UI culture.</summary>
    public string Message => LimitMessages.Format(Key, Requested, Limit, CityCount);
}

/// <summary>
/// An analysis was asked for more work than its documented bound (<see cref="UncertaintyLimits"/>); nothing was
/// computed. An <see cref="ArgumentException"/>, so existing handlers still answer 400; <see cref="Issue"/> says which
/// parameter and by how much.
/// </summary>
public sealed class AnalysisTooLargeException(LimitIssue issue) : ArgumentException(issue.Message, issue.Parameter)
{
    public LimitIssue Issue { get; } = issue;
}
