using CityExchange.Core.Framework;
using Framework = CityExchange.Core.Framework;

namespace CityExchange.Core.Scoring;

/// <summary>One indicator's part of a change in a city's overall score.</summary>
public sealed record IndicatorContribution(int Indicator, double ScoreFrom, double ScoreTo, double ShareFrom, double ShareTo, double Contribution);

/// <summary>One domain's part of a change in a city's overall score, with its indicators' parts (empty for a published year).</summary>
public sealed record DomainContribution(
    Domain Domain, double ScoreFrom, double ScoreTo, double ShareFrom, double ShareTo, double Contribution,
    IReadOnlyList<IndicatorContribution> Indicators);

/// <summary>
/// Why a city's overall score changed between two years: a waterfall of domain (and indicator) contributions that add
/// up to the change.
/// </summary>
public sealed record ScoreChange(double ScoreFrom, double ScoreTo, int RankFrom, int RankTo, IReadOnlyList<DomainContribution> Domains)
{
    public double Change => ScoreTo - ScoreFrom;

    /// <summary>
    /// Decomposes an arithmetic overall score. A city's effective share of a domain is A_d = W_d / Σ W over its domains
    /// present; of an indicator a_j = A_d·w_j / Σ w over its scored indicators in d. A contribution is
    /// share_to·score_to − share_from·score_from (a missing score counts 0); when the city has the same indicators in
    /// both years this is weight share × normalised score difference. Contributions add up to the change exactly.
    /// <paramref name="weightsTo"/> gives the second year's weights when they differ (data-driven presets); default: the same.
    /// </summary>
    public static ScoreChange Decompose(
        IndicatorFramework framework, ScoringWeights? weights, ScoreSheet from, int cityFrom, ScoreSheet to, int cityTo,
        ScoringWeights? weightsTo = null)
    {
        // Divided by the largest, as the engine weighs them, so that no sum of weights overflows.
        weights = (weights ?? ScoringWeights.Equal(framework)).Normalised();
        weightsTo = weightsTo?.Normalised() ?? weights;
        var withIndicators = from.HasIndicatorScores && to.HasIndicatorScores;
        var shareFrom = DomainShares(weights, from, cityFrom);
        var shareTo = DomainShares(weightsTo, to, cityTo);
        var domains = new List<DomainContribution>(Framework.Domains.Count);
        foreach (var domain in Framework.Domains.All)
        {
            var d = (int)domain;
            var sFrom = from.DomainScore(domain, cityFrom);
            var sTo = to.DomainScore(domain, cityTo);
            var indicators = new List<IndicatorContribution>();
            if (withIndicators)
            {
                var inFrom = IndicatorShares(framework, weights, from, cityFrom, d);
                var inTo = IndicatorShares(framework, weightsTo, to, cityTo, d);
                for (var j = 0; j < framework.Count; j++)
                {
                    if (framework.DomainOf[j] != d)
                    {
                        continue;
                    }

                    var xFrom = from.NormalisedScore(j, cityFrom);
                    var xTo = to.NormalisedScore(j, cityTo);
                    var aFrom = shareFrom[d] * inFrom[j];
                    var aTo = shareTo[d] * inTo[j];
                    indicators.Add(new IndicatorContribution(j, xFrom, xTo, aFrom, aTo, Part(aTo, xTo) - Part(aFrom, xFrom)));
                }
            }

            domains.Add(new DomainContribution(domain, sFrom, sTo, shareFrom[d], shareTo[d],
                Part(shareTo[d], sTo) - Part(shareFrom[d], sFrom), indicators));
        }

        return new ScoreChange(from.Overall[cityFrom], to.Overall[cityTo], from.OverallRanks[cityFrom], to.OverallRanks[cityTo], domains);
    }

    private static double Part(double share, double score) => share > 0 && !double.IsNaN(score) ? share * score : 0;

    private static double[] DomainShares(ScoringWeights weights, ScoreSheet sheet, int city)
    {
        var shares = new double[Framework.Domains.Count];
        var total = 0.0;
        for (var d = 0; d < Framework.Domains.Count; d++)
        {
            if (!double.IsNaN(sheet.DomainScores[(d * sheet.CityCount) + city]) && weights.Domain[d] > 0)
            {
                shares[d] = weights.Domain[d];
                total += weights.Domain[d];
            }
        }

        for (var d = 0; d < Framework.Domains.Count; d++)
        {
            shares[d] = total > 0 ? shares[d] / total : 0;
        }

        return shares;
    }

    private static double[] IndicatorShares(IndicatorFramework framework, ScoringWeights weights, ScoreSheet sheet, int city, int domain)
    {
        var shares = new double[framework.Count];
        var total = 0.0;
        for (var j = 0; j < framework.Count; j++)
        {
            if (framework.DomainOf[j] == domain && !double.IsNaN(sheet.NormalisedScore(j, city)) && weights.Indicator[j] > 0)
            {
                shares[j] = weights.Indicator[j];
                total += weights.Indicator[j];
            }
        }

        for (var j = 0; j < framework.Count; j++)
        {
            shares[j] = total > 0 ? shares[j] / total : 0;
        }

        return shares;
    }
}
