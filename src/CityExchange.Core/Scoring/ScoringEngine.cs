using System.Buffers;
using CityExchange.Core.Framework;

namespace CityExchange.Core.Scoring;

/// <summary>
/// Turns raw indicator values into domain scores, an overall score and ranks, following the report (part 3.3):
/// normalise each indicator, average the available indicators of a domain, average the available domains, rank.
/// <see cref="ScoringOptions"/> adds the alternatives (z-score, panel goalposts, geometric means, imputation,
/// winsorisation); their defaults are the report's method. Pure and deterministic.
/// </summary>
public static class ScoringEngine
{
    public static ScoreSheet Score(IndicatorMatrix matrix, ScoringOptions? options = null) => Score(matrix, options, null);

    /// <summary>
    /// Scores one year. With <see cref="ScoreScale.Panel"/>, <paramref name="panel"/> gives the goalposts over all years
    /// (<see cref="PanelGoalposts.From"/>, including this year); without it the year is its own panel.
    /// </summary>
    public static ScoreSheet Score(IndicatorMatrix matrix, ScoringOptions? options, PanelGoalposts? panel)
    {
        options ??= ScoringOptions.Default;
        var framework = matrix.Framework;
        var weights = options.Weights ?? ScoringWeights.Equal(framework);
        weights.EnsureUsable(framework);
        // Only ratios matter: with the largest weight 1, no weighted sum overflows (1e308 weights are 1e308 times 100).
        weights = weights.Normalised();
        Validate(options);
        if (options.Scale == ScoreScale.Panel)
        {
            panel ??= PanelGoalposts.From([matrix], options);
            if (panel.Framework.Count != framework.Count)
            {
                throw new ArgumentException("The panel goalposts are for another framework.", nameof(panel));
            }
        }
        else
        {
            panel = null;
        }

        var n = matrix.CityCount;
        var m = framework.Count;
        var sheet = new ScoreSheet(n, m);
        // Coverage is of the raw values (imputed cells do not count), and the screen needs it before anything else.
        Array.Clear(sheet.Coverage);
        for (var j = 0; j < m; j++)
        {
            ScoreKernels.CountPresent(matrix.Column(j), sheet.Coverage);
        }

        for (var c = 0; c < n; c++)
        {
            sheet.Coverage[c] /= m;
        }

        // Screened-out cities become missing everywhere, so they set no goalpost, no median and no percentile.
        int[] excluded = [];
        var screened = options.MinCoverage > 0 ? CoverageScreen.Mask(matrix, sheet.Coverage, options.MinCoverage, out excluded) : matrix;
        sheet.SetExcluded(excluded);
        var reports = options.Winsorise == Winsorisation.Conditional ? new List<IndicatorWinsorisation>(m) : null;
        var treated = DataTreatment.Apply(
            screened, options,
            options.Missing == MissingDataTreatment.GroupMedian ? sheet.Imputed : [],
            options.Winsorise != Winsorisation.None ? sheet.Winsorised : [],
            excluded, reports);
        sheet.Treatments = reports ?? [];
        sheet.TreatedValues = treated.Values;
        var warnings = new List<ScoringWarning>();
        var geometric = options.Aggregation == AggregationMethod.Geometric;
        var method = options.Method;

        // Each indicator is normalised into one reusable column and added to its domain's weighted sum at once, so the
        // 17 normalised columns are never all kept (ScoreSheet.Normalised recomputes them if asked).
        var domainSum = sheet.DomainScores;
        Array.Clear(domainSum);
        var column = ArrayPool<double>.Shared.Rent(n);
        var domainWeight = ArrayPool<double>.Shared.Rent(Domains.Count * n);
        try
        {
            Array.Clear(domainWeight, 0, Domains.Count * n);
            for (var j = 0; j < m; j++)
            {
                var indicator = framework.Indicators[j];
                var scores = column.AsSpan(0, n);
                var outcome = Normalise(treated.Column(j), indicator.Polarity, method, panel, j, scores, out var count);
                // An indicator nobody reported is silent; one with too few values or no spread is worth telling.
                if (outcome != NormalisationOutcome.Scored && count > 0)
                {
                    warnings.Add(new ScoringWarning(indicator.Code,
                        outcome == NormalisationOutcome.Constant ? ScoringWarningKind.Constant : ScoringWarningKind.TooFewValues, count));
                }

                var w = weights.Indicator[j];
                if (outcome == NormalisationOutcome.Scored && w > 0)
                {
                    var d = framework.DomainOf[j];
                    var sum = domainSum.AsSpan(d * n, n);
                    var wsum = domainWeight.AsSpan(d * n, n);
                    if (geometric)
                    {
                        ScoreKernels.AccumulateLog(scores, w, sum, wsum);
                    }
                    else
                    {
                        ScoreKernels.Accumulate(scores, w, sum, wsum);
                    }
                }
            }

            ScoreKernels.Means(domainSum, domainWeight.AsSpan(0, Domains.Count * n), geometric);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(column);
            ArrayPool<double>.Shared.Return(domainWeight);
        }

        sheet.NormaliseLater(() =>
        {
            var all = new double[m * n];
            for (var j = 0; j < m; j++)
            {
                Normalise(treated.Column(j), framework.Indicators[j].Polarity, method, panel, j, all.AsSpan(j * n, n), out _);
            }

            return all;
        });
        Aggregate(sheet, weights.Domain, options.Aggregation);
        sheet.Warnings = warnings;
        return sheet;
    }

    /// <summary>
    /// Scores a published year: the domain scores are taken as given (domain-major, NaN for missing), the overall
    /// score is their weighted mean (arithmetic or geometric) and coverage is the share of the four domains present.
    /// </summary>
    public static ScoreSheet FromDomainScores(
        int cityCount, ReadOnlySpan<double> domainScores, IReadOnlyList<double>? domainWeights = null,
        AggregationMethod aggregation = AggregationMethod.Arithmetic)
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

        domainWeights ??= [0.25, 0.25, 0.25, 0.25];
        ScoringWeights.EnsureUsableDomainWeights(domainWeights);
        Aggregate(sheet, ScoringWeights.NormalisedCopy(domainWeights), aggregation);
        return sheet;
    }

    /// <summary>
    /// The weighted mean of one city's available domain scores (<paramref name="domainScores"/> domain-major over
    /// <paramref name="cityCount"/> cities); NaN when none is present with a positive weight.
    /// </summary>
    public static double AggregateDomains(ReadOnlySpan<double> domainScores, int cityCount, int city, ReadOnlySpan<double> domainWeights, AggregationMethod aggregation)
    {
        double sum = 0, wsum = 0;
        for (var d = 0; d < Domains.Count; d++)
        {
            var s = domainScores[(d * cityCount) + city];
            var w = domainWeights[d];
            if (!double.IsNaN(s) && w > 0)
            {
                sum += w * (aggregation == AggregationMethod.Geometric ? Math.Log(1 + s) : s);
                wsum += w;
            }
        }

        return wsum > 0
            ? aggregation == AggregationMethod.Geometric ? Math.Exp(sum / wsum) - 1 : sum / wsum
            : double.NaN;
    }

    private static NormalisationOutcome Normalise(
        ReadOnlySpan<double> raw, int polarity, NormalisationMethod method, PanelGoalposts? panel, int j, Span<double> output, out int count)
    {
        if (panel is null)
        {
            return method switch
            {
                NormalisationMethod.Rank => RankNormaliser.Normalise(raw, polarity, output, out count),
                NormalisationMethod.ZScore => ZScoreNormaliser.Normalise(raw, polarity, output, out count),
                _ => MinMaxNormaliser.Normalise(raw, polarity, output, out count),
            };
        }

        count = panel.Count(j);
        return method switch
        {
            NormalisationMethod.Rank => RankNormaliser.ApplyPooled(raw, polarity, panel.Pool(j), output),
            NormalisationMethod.ZScore => ZScoreNormaliser.Apply(raw, polarity, count, panel.Mean[j], panel.StandardDeviation[j], output),
            _ => MinMaxNormaliser.Apply(raw, polarity, count, panel.Min[j], panel.Max[j], output),
        };
    }

    private static void Aggregate(ScoreSheet sheet, IReadOnlyList<double> domainWeights, AggregationMethod aggregation)
    {
        var n = sheet.CityCount;
        Span<double> weights = stackalloc double[Domains.Count];
        for (var d = 0; d < Domains.Count; d++)
        {
            weights[d] = domainWeights[d];
        }

        if (aggregation == AggregationMethod.Arithmetic)
        {
            ScoreKernels.WeightedMeans(sheet.DomainScores, n, weights, sheet.Overall);
        }
        else
        {
            for (var c = 0; c < n; c++)
            {
                sheet.Overall[c] = AggregateDomains(sheet.DomainScores, n, c, weights, aggregation);
            }
        }

        CompetitionRanker.RankDescending(sheet.Overall, sheet.OverallRanks);
        for (var d = 0; d < Domains.Count; d++)
        {
            CompetitionRanker.RankDescending(sheet.DomainScores.AsSpan(d * n, n), sheet.DomainRanks.AsSpan(d * n, n));
        }
    }

    private static void Validate(ScoringOptions options)
    {
        if (options.Aggregation == AggregationMethod.Geometric && options.Method == NormalisationMethod.ZScore)
        {
            throw new ArgumentException(
                "Geometric aggregation needs scores above −1 (it takes ln(1 + score)); z-scores can be lower. Use min–max or rank scores.",
                nameof(options));
        }

        if (!(options.MinCoverage is >= 0 and <= 1))
        {
            throw new ArgumentException("The coverage threshold must be between 0 and 1.", nameof(options));
        }

        if (options.WinMax < 0)
        {
            throw new ArgumentException("The winsorisation limit cannot be negative.", nameof(options));
        }
    }
}
