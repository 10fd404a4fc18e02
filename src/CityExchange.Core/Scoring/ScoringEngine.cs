using CityExchange.Core.Framework;

namespace CityExchange.Core.Scoring;

/// <summary>
/// Turns raw indicator values into domain scores, an overall score and ranks, following the report (part 3.3):
/// normalise each indicator, average the available indicators of a domain, average the available domains, rank.
/// Pure and deterministic.
/// </summary>
public static class ScoringEngine
{
    public static ScoreSheet Score(IndicatorMatrix matrix, ScoringOptions? options = null)
    {
        options ??= ScoringOptions.Default;
        var framework = matrix.Framework;
        var weights = options.Weights ?? ScoringWeights.Equal(framework);
        Validate(weights, framework);

        var n = matrix.CityCount;
        var m = framework.Count;
        var sheet = new ScoreSheet(n, m);
        var warnings = new List<ScoringWarning>();

        for (var j = 0; j < m; j++)
        {
            var indicator = framework.Indicators[j];
            var output = sheet.Normalised.AsSpan(j * n, n);
            var outcome = options.Method == NormalisationMethod.Rank
                ? RankNormaliser.Normalise(matrix.Column(j), indicator.Polarity, output, out var count)
                : MinMaxNormaliser.Normalise(matrix.Column(j), indicator.Polarity, output, out count);
            // An indicator nobody reported is silent; one with too few values or no spread is worth telling.
            if (outcome != NormalisationOutcome.Scored && count > 0)
            {
                warnings.Add(new ScoringWarning(indicator.Code,
                    outcome == NormalisationOutcome.Constant ? ScoringWarningKind.Constant : ScoringWarningKind.TooFewValues, count));
            }
        }

        var domainSum = new double[Domains.Count * n];
        var domainWeight = new double[Domains.Count * n];
        var present = new int[n];
        for (var j = 0; j < m; j++)
        {
            var d = framework.DomainOf[j];
            var w = weights.Indicator[j];
            var raw = matrix.Column(j);
            var scores = sheet.Normalised.AsSpan(j * n, n);
            var sum = domainSum.AsSpan(d * n, n);
            var wsum = domainWeight.AsSpan(d * n, n);
            for (var c = 0; c < n; c++)
            {
                if (!double.IsNaN(raw[c]))
                {
                    present[c]++;
                }

                var s = scores[c];
                if (!double.IsNaN(s) && w > 0)
                {
                    sum[c] += w * s;
                    wsum[c] += w;
                }
            }
        }

        for (var k = 0; k < domainSum.Length; k++)
        {
            sheet.DomainScores[k] = domainWeight[k] > 0 ? domainSum[k] / domainWeight[k] : double.NaN;
        }

        for (var c = 0; c < n; c++)
        {
            sheet.Coverage[c] = (double)present[c] / m;
        }

        Aggregate(sheet, weights.Domain);
        sheet.Warnings = warnings;
        return sheet;
    }

    /// <summary>
    /// Scores a published year: the domain scores are taken as given (domain-major, NaN for missing), the overall
    /// score is their weighted mean and coverage is the share of the four domains present.
    /// </summary>
    public static ScoreSheet FromDomainScores(int cityCount, ReadOnlySpan<double> domainScores, IReadOnlyList<double>? domainWeights = null)
    {
        if (domainScores.Length != Domains.Count * cityCount)
        {
            throw new ArgumentException("Expected four domain scores per city.", nameof(domainScores));
        }

        var sheet = new ScoreSheet(cityCount, 0);
        domainScores.CopyTo(sheet.DomainScores);
        for (var c = 0; c < cityCount; c++)
        {
            var count = 0;
            for (var d = 0; d < Domains.Count; d++)
            {
                if (!double.IsNaN(domainScores[(d * cityCount) + c]))
                {
                    count++;
                }
            }

            sheet.Coverage[c] = count / (double)Domains.Count;
        }

        Aggregate(sheet, domainWeights ?? [0.25, 0.25, 0.25, 0.25]);
        return sheet;
    }

    private static void Aggregate(ScoreSheet sheet, IReadOnlyList<double> domainWeights)
    {
        var n = sheet.CityCount;
        for (var c = 0; c < n; c++)
        {
            double sum = 0, wsum = 0;
            for (var d = 0; d < Domains.Count; d++)
            {
                var s = sheet.DomainScores[(d * n) + c];
                var w = domainWeights[d];
                if (!double.IsNaN(s) && w > 0)
                {
                    sum += w * s;
                    wsum += w;
                }
            }

            sheet.Overall[c] = wsum > 0 ? sum / wsum : double.NaN;
        }

        CompetitionRanker.RankDescending(sheet.Overall, sheet.OverallRanks);
        for (var d = 0; d < Domains.Count; d++)
        {
            CompetitionRanker.RankDescending(sheet.DomainScores.AsSpan(d * n, n), sheet.DomainRanks.AsSpan(d * n, n));
        }
    }

    private static void Validate(ScoringWeights weights, IndicatorFramework framework)
    {
        if (weights.Domain.Count != Domains.Count || weights.Indicator.Count != framework.Count)
        {
            throw new ArgumentException("Weights must give one value per domain and per indicator.", nameof(weights));
        }

        if (weights.Domain.Concat(weights.Indicator).Any(w => w < 0 || !double.IsFinite(w)))
        {
            throw new ArgumentException("Weights must be finite and not negative.", nameof(weights));
        }
    }
}
