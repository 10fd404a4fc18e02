using CityExchange.Core.Framework;
using CityExchange.Core.Optimisation;
using CityExchange.Core.Published;
using CityExchange.Core.Scoring;

namespace CityExchange.Core.Analysis;

/// <summary>The smallest and largest value a domain weight can take while the published ranks are still reproduced.</summary>
public readonly record struct WeightRange(double Min, double Max);

/// <summary>A city's printed overall rank and its rank under the found weights.</summary>
public sealed record ReproducedRank(string Code, int Published, int Reproduced);

/// <summary>
/// The finding of <see cref="PublishedWeights.Find(IReadOnlyList{PublishedCityScore})"/>: whether some domain weights
/// reproduce the printed ranks, the weights (domain order: social, culture, trade, politics), each weight's range, the
/// margin, and how many cities the weights still place differently.
/// </summary>
public sealed record PublishedWeightsResult(
    bool Feasible, IReadOnlyList<double> Weights, IReadOnlyList<WeightRange> Ranges, double Margin, int RankDifferences, IReadOnlyList<ReproducedRank> Cities);

/// <summary>
/// Which domain weights make the published domain scores reproduce the published overall ranks (the report says it
/// weights domains equally; the equal-weight mean of its own domain scores ranks 31 of 46 cities differently).
/// With s_c the four domain scores of city c and w the weights (w ≥ 0, Σw = 1), the overall score is w·s_c, and the
/// printed order asks w·(s_a − s_b) ≥ 0 for every city a printed one rank group above city b. Three linear programs
/// (<see cref="SimplexSolver"/>):
/// <list type="number">
/// <item>the margin: maximise t subject to w·(s_a − s_b) ≥ t for every consecutive pair — the largest achievable
/// smallest gap, in score points. The ranks are reproduced exactly when t &gt; 0 (<c>Feasible</c>); the weights are
/// then this program's (unique when the optimum is a vertex, as on the 2013 data).</item>
/// <item>when t ≤ 0: the weights minimising the total violation Σ ξ_p, with w·(s_a − s_b) + ξ_p ≥ 0 and ξ ≥ 0.</item>
/// <item>each weight's range: minimise and maximise w_d over the weights that reproduce the order (gap ≥ 0; the
/// bounds are limits, reached with a tie) or, when none does, over those with the minimal total violation.</item>
/// </list>
/// Printed ties: cities sharing a printed rank get no order among themselves (the report's ranks come from scores
/// rounded for print), only against the groups above and below; such a city counts as reproduced when its new rank
/// lies within the ranks the tie spans. The printed scores are rounded to 0.01, so a weighted mean carries up to
/// ±0.005 of rounding: a margin below 0.01 is within that noise.
/// </summary>
public static class PublishedWeights
{
    /// <summary>Gaps and violations within this of zero are zero.</summary>
    public const double Tolerance = 1e-9;

    public static PublishedWeightsResult Find(IReadOnlyList<PublishedCityScore> published)
    {
        var n = published.Count;
        var scores = new double[Domains.Count * n];
        var ranks = new int[n];
        for (var c = 0; c < n; c++)
        {
            foreach (var d in Domains.All)
            {
                scores[((int)d * n) + c] = published[c].Score(d)
                    ?? throw new ArgumentException($"City {published[c].CityCode} has no published {d.Code()} score.", nameof(published));
            }

            ranks[c] = published[c].OverallRank
                ?? throw new ArgumentException($"City {published[c].CityCode} has no published overall rank.", nameof(published));
        }

        return Find([.. published.Select(p => p.CityCode)], scores, ranks);
    }

    /// <summary>As above from raw arrays: <paramref name="domainScores"/> domain-major (4 × n), printed ranks 1…n (ties share a rank).</summary>
    public static PublishedWeightsResult Find(IReadOnlyList<string> codes, ReadOnlySpan<double> domainScores, IReadOnlyList<int> printedRanks)
    {
        var n = codes.Count;
        if (domainScores.Length != Domains.Count * n || printedRanks.Count != n || n < 2)
        {
            throw new ArgumentException("Give four domain scores and one printed rank for each of at least two cities.", nameof(codes));
        }

        foreach (var s in domainScores)
        {
            if (!double.IsFinite(s))
            {
                throw new ArgumentException("Every domain score must be a finite number.", nameof(domainScores));
            }
        }

        if (printedRanks.Any(r => r < 1))
        {
            throw new ArgumentException("Printed ranks start at 1.", nameof(printedRanks));
        }

        var differences = Differences(domainScores, n, printedRanks);
        var margin = MaximiseSmallestGap(differences, out var maximin);
        var feasible = margin > Tolerance;
        double[] weights;
        Func<int, LinearProgram> region;
        if (feasible)
        {
            weights = maximin;
            region = domain => OrderRegion(differences, domain);
        }
        else
        {
            var violation = MinimiseViolation(differences, out weights);
            region = domain => ViolationProgram(differences, domain, violation + Tolerance);
        }

        var ranges = new WeightRange[Domains.Count];
        for (var d = 0; d < Domains.Count; d++)
        {
            var program = region(d);
            ranges[d] = new WeightRange(
                Solve(program).Values[d], Solve(program with { Sense = ObjectiveSense.Maximise }).Values[d]);
        }

        var overall = new double[n];
        for (var c = 0; c < n; c++)
        {
            overall[c] = ScoringEngine.AggregateDomains(domainScores, n, c, weights, AggregationMethod.Arithmetic);
        }

        var reproduced = CompetitionRanker.RankDescending(overall);
        var tieSize = printedRanks.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
        var cities = new ReproducedRank[n];
        var differ = 0;
        for (var c = 0; c < n; c++)
        {
            cities[c] = new ReproducedRank(codes[c], printedRanks[c], reproduced[c]);
            if (reproduced[c] < printedRanks[c] || reproduced[c] > printedRanks[c] + tieSize[printedRanks[c]] - 1)
            {
                differ++;
            }
        }

        return new PublishedWeightsResult(feasible, weights, ranges, margin, differ, cities);
    }

    /// <summary>s_a − s_b for every city a in a printed rank group and every city b in the next group down.</summary>
    private static List<double[]> Differences(ReadOnlySpan<double> scores, int n, IReadOnlyList<int> ranks)
    {
        var groups = Enumerable.Range(0, n).GroupBy(c => ranks[c]).OrderBy(g => g.Key).Select(g => g.ToArray()).ToList();
        var differences = new List<double[]>();
        for (var k = 0; k + 1 < groups.Count; k++)
        {
            foreach (var a in groups[k])
            {
                foreach (var b in groups[k + 1])
                {
                    var difference = new double[Domains.Count];
                    for (var d = 0; d < Domains.Count; d++)
                    {
                        difference[d] = scores[(d * n) + a] - scores[(d * n) + b];
                    }

                    differences.Add(difference);
                }
            }
        }

        return differences;
    }

    /// <summary>max t: w·Δ_p − t ≥ 0, Σw = 1, w ≥ 0, t free (variables w1…w4, t).</summary>
    private static double MaximiseSmallestGap(List<double[]> differences, out double[] weights)
    {
        List<LinearConstraint> constraints = [Simplex(Domains.Count + 1)];
        constraints.AddRange(differences.Select(p => new LinearConstraint([.. p, -1], ConstraintRelation.GreaterOrEqual, 0)));
        var solution = Solve(new LinearProgram([0, 0, 0, 0, 1], constraints) { Sense = ObjectiveSense.Maximise, Free = [Domains.Count] });
        weights = solution.Values[..Domains.Count];
        return solution.Values[Domains.Count];
    }

    /// <summary>min Σξ: w·Δ_p + ξ_p ≥ 0, Σw = 1, w, ξ ≥ 0 (variables w1…w4, ξ_1…ξ_P).</summary>
    private static double MinimiseViolation(List<double[]> differences, out double[] weights)
    {
        var solution = Solve(ViolationProgram(differences, -1, null));
        weights = solution.Values[..Domains.Count];
        return solution.Objective;
    }

    /// <summary>Minimise w_domain over the weights that keep the printed order (gap ≥ 0).</summary>
    private static LinearProgram OrderRegion(List<double[]> differences, int domain)
    {
        List<LinearConstraint> constraints = [Simplex(Domains.Count)];
        constraints.AddRange(differences.Select(p => new LinearConstraint(p, ConstraintRelation.GreaterOrEqual, 0)));
        return new LinearProgram(Unit(Domains.Count, domain), constraints);
    }

    /// <summary>
    /// The violation program: minimise Σξ (<paramref name="domain"/> −1), or w_domain subject to Σξ ≤
    /// <paramref name="maxViolation"/>; variables w1…w4, ξ_1…ξ_P.
    /// </summary>
    private static LinearProgram ViolationProgram(List<double[]> differences, int domain, double? maxViolation)
    {
        var p = differences.Count;
        var width = Domains.Count + p;
        List<LinearConstraint> constraints = [Simplex(width)];
        for (var k = 0; k < p; k++)
        {
            var row = new double[width];
            differences[k].CopyTo(row, 0);
            row[Domains.Count + k] = 1;
            constraints.Add(new LinearConstraint(row, ConstraintRelation.GreaterOrEqual, 0));
        }

        var slacks = new double[width];
        Array.Fill(slacks, 1.0, Domains.Count, p);
        if (maxViolation is { } limit)
        {
            constraints.Add(new LinearConstraint(slacks, ConstraintRelation.LessOrEqual, limit));
        }

        return new LinearProgram(domain < 0 ? slacks : Unit(width, domain), constraints);
    }

    private static double[] Unit(int width, int index)
    {
        var unit = new double[width];
        unit[index] = 1;
        return unit;
    }

    /// <summary>Σw = 1 over the four weights (the first four of <paramref name="width"/> variables).</summary>
    private static LinearConstraint Simplex(int width) =>
        new([.. Enumerable.Range(0, width).Select(j => j < Domains.Count ? 1.0 : 0.0)], ConstraintRelation.Equal, 1);

    private static LinearProgramSolution Solve(LinearProgram program)
    {
        var solution = SimplexSolver.Solve(program);
        return solution.Status == LinearProgramStatus.Optimal
            ? solution
            : throw new InvalidOperationException($"A weights program ended {solution.Status}; it is feasible and bounded by construction.");
    }
}
