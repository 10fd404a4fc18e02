using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;

namespace CityExchange.Core.Tests.Scoring.Reference;

/// <summary>What <see cref="ReferenceScoring.Score"/> computes: the engine's outputs as plain arrays.</summary>
public sealed record ReferenceSheet(
    double[] Normalised, double[] DomainScores, int[] DomainRanks, double[] Overall, int[] OverallRanks, double[] Coverage,
    bool[] Imputed, bool[] Winsorised, List<ScoringWarning> Warnings);

/// <summary>
/// The scoring engine as it was before the performance work (scalar loops, every normalised column kept,
/// <see cref="Array.Sort{TKey, TValue}(TKey[], TValue[], int, int)"/> for ranks and rank scores), kept verbatim as the
/// oracle the optimised engine must match: the same ranks, and scores within 1e-12.
/// </summary>
public static class ReferenceScoring
{
    public static ReferenceSheet Score(IndicatorMatrix matrix, ScoringOptions options, PanelGoalposts? panel = null)
    {
        var framework = matrix.Framework;
        var weights = options.Weights ?? ScoringWeights.Equal(framework);
        if (options.Scale == ScoreScale.Panel)
        {
            panel ??= PanelGoalposts.From([matrix], options);
        }
        else
        {
            panel = null;
        }

        var n = matrix.CityCount;
        var m = framework.Count;
        var normalised = new double[m * n];
        var imputed = new bool[m * n];
        var winsorised = new bool[m * n];
        var treated = DataTreatment.Apply(matrix, options, imputed, winsorised);
        var warnings = new List<ScoringWarning>();
        for (var j = 0; j < m; j++)
        {
            var indicator = framework.Indicators[j];
            var output = normalised.AsSpan(j * n, n);
            var outcome = Normalise(treated.Column(j), indicator.Polarity, options.Method, panel, j, output, out var count);
            if (outcome != NormalisationOutcome.Scored && count > 0)
            {
                warnings.Add(new ScoringWarning(indicator.Code,
                    outcome == NormalisationOutcome.Constant ? ScoringWarningKind.Constant : ScoringWarningKind.TooFewValues, count));
            }
        }

        var geometric = options.Aggregation == AggregationMethod.Geometric;
        var domainSum = new double[Domains.Count * n];
        var domainWeight = new double[Domains.Count * n];
        var present = new int[n];
        for (var j = 0; j < m; j++)
        {
            var d = framework.DomainOf[j];
            var w = weights.Indicator[j];
            var raw = matrix.Column(j);
            for (var c = 0; c < n; c++)
            {
                if (!double.IsNaN(raw[c]))
                {
                    present[c]++;
                }

                var s = normalised[(j * n) + c];
                if (!double.IsNaN(s) && w > 0)
                {
                    domainSum[(d * n) + c] += w * (geometric ? Math.Log(1 + s) : s);
                    domainWeight[(d * n) + c] += w;
                }
            }
        }

        var domainScores = new double[Domains.Count * n];
        for (var k = 0; k < domainSum.Length; k++)
        {
            domainScores[k] = domainWeight[k] > 0
                ? geometric ? Math.Exp(domainSum[k] / domainWeight[k]) - 1 : domainSum[k] / domainWeight[k]
                : double.NaN;
        }

        var coverage = new double[n];
        for (var c = 0; c < n; c++)
        {
            coverage[c] = (double)present[c] / m;
        }

        var overall = new double[n];
        for (var c = 0; c < n; c++)
        {
            double sum = 0, wsum = 0;
            for (var d = 0; d < Domains.Count; d++)
            {
                var s = domainScores[(d * n) + c];
                var w = weights.Domain[d];
                if (!double.IsNaN(s) && w > 0)
                {
                    sum += w * (geometric ? Math.Log(1 + s) : s);
                    wsum += w;
                }
            }

            overall[c] = wsum > 0 ? geometric ? Math.Exp(sum / wsum) - 1 : sum / wsum : double.NaN;
        }

        var domainRanks = new int[Domains.Count * n];
        for (var d = 0; d < Domains.Count; d++)
        {
            RankDescending(domainScores.AsSpan(d * n, n), domainRanks.AsSpan(d * n, n));
        }

        var overallRanks = new int[n];
        RankDescending(overall, overallRanks);
        return new ReferenceSheet(normalised, domainScores, domainRanks, overall, overallRanks, coverage, imputed, winsorised, warnings);
    }

    /// <summary>The competition ranker as it was: sort −score ascending with Array.Sort, tie within 1e-9 of the previous.</summary>
    public static void RankDescending(ReadOnlySpan<double> scores, Span<int> ranks)
    {
        var keys = new double[scores.Length];
        var order = new int[scores.Length];
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
            var tied = k > 0 && Math.Abs(keys[k] - keys[k - 1]) <= CompetitionRanker.TieTolerance;
            ranks[order[k]] = tied ? ranks[order[k - 1]] : k + 1;
        }
    }

    /// <summary>The rank score as it was: Array.Sort of the (negated for polarity −1) values, ties share the lowest rank.</summary>
    public static NormalisationOutcome RankScore(ReadOnlySpan<double> raw, int polarity, Span<double> scores, out int valueCount)
    {
        scores.Fill(double.NaN);
        var keys = new double[raw.Length];
        var order = new int[raw.Length];
        valueCount = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (!double.IsNaN(raw[i]))
            {
                keys[valueCount] = polarity < 0 ? -raw[i] : raw[i];
                order[valueCount] = i;
                valueCount++;
            }
        }

        if (valueCount < 2)
        {
            return NormalisationOutcome.TooFewValues;
        }

        Array.Sort(keys, order, 0, valueCount);
        var n = (double)valueCount;
        var rank = 1;
        for (var k = 0; k < valueCount; k++)
        {
            if (k > 0 && keys[k] != keys[k - 1])
            {
                rank = k + 1;
            }

            scores[order[k]] = 100.0 * rank / n;
        }

        return NormalisationOutcome.Scored;
    }

    /// <summary>Min–max as it was: one scalar pass for min, max and count, one for the scores.</summary>
    public static NormalisationOutcome MinMax(ReadOnlySpan<double> raw, int polarity, Span<double> scores, out int valueCount)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        valueCount = 0;
        foreach (var x in raw)
        {
            if (double.IsNaN(x))
            {
                continue;
            }

            valueCount++;
            min = x < min ? x : min;
            max = x > max ? x : max;
        }

        var outcome = valueCount < 2 ? NormalisationOutcome.TooFewValues
            : max == min ? NormalisationOutcome.Constant
            : NormalisationOutcome.Scored;
        if (outcome != NormalisationOutcome.Scored)
        {
            scores.Fill(double.NaN);
            return outcome;
        }

        var scale = 100.0 / (max - min);
        for (var i = 0; i < raw.Length; i++)
        {
            scores[i] = polarity < 0 ? (max - raw[i]) * scale : (raw[i] - min) * scale;
        }

        return outcome;
    }

    private static NormalisationOutcome Normalise(
        ReadOnlySpan<double> raw, int polarity, NormalisationMethod method, PanelGoalposts? panel, int j, Span<double> output, out int count)
    {
        if (panel is null)
        {
            return method switch
            {
                NormalisationMethod.Rank => RankScore(raw, polarity, output, out count),
                NormalisationMethod.ZScore => ZScoreNormaliser.Normalise(raw, polarity, output, out count),
                _ => MinMax(raw, polarity, output, out count),
            };
        }

        count = panel.Count(j);
        return method switch
        {
            NormalisationMethod.Rank => RankNormaliser.ApplyPooled(raw, polarity, panel.Pool(j), output),
            NormalisationMethod.ZScore => ZScoreNormaliser.Apply(raw, polarity, count, panel.Mean[j], panel.StandardDeviation[j], output),
            _ => ReferencePanelMinMax(raw, polarity, count, panel.Min[j], panel.Max[j], output),
        };
    }

    private static NormalisationOutcome ReferencePanelMinMax(ReadOnlySpan<double> raw, int polarity, int poolCount, double min, double max, Span<double> scores)
    {
        var outcome = poolCount < 2 ? NormalisationOutcome.TooFewValues
            : !(max > min) ? NormalisationOutcome.Constant
            : NormalisationOutcome.Scored;
        if (outcome != NormalisationOutcome.Scored)
        {
            scores.Fill(double.NaN);
            return outcome;
        }

        var scale = 100.0 / (max - min);
        for (var i = 0; i < raw.Length; i++)
        {
            scores[i] = polarity < 0 ? (max - raw[i]) * scale : (raw[i] - min) * scale;
        }

        return outcome;
    }
}
