using System.Globalization;
using System.Text;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;

namespace CityExchange.Web.Pages.Explore;

/// <summary>
/// What a user chose on /Explore or in the API query: methods, a weighting preset and weight overrides keyed by domain
/// or indicator code (domain weights relative among domains, indicator weights relative within their domain).
/// </summary>
public sealed record ExploreSettings(
    NormalisationMethod Method,
    AggregationMethod Aggregation,
    ScoreScale Scale,
    MissingDataTreatment Missing,
    Winsorisation Winsorise,
    WeightingPreset Preset,
    IReadOnlyDictionary<string, double> Weights)
{
    /// <summary>The most points conditional winsorisation may take per indicator (<c>winmax</c>, 1–20; COINr's default 5).</summary>
    public int WinMax { get; init; } = ConditionalWinsorisation.DefaultWinMax;

    /// <summary>The data-availability threshold (<c>minCoverage</c>, 0–1): cities below it are left out before normalisation.</summary>
    public double MinCoverage { get; init; }

    public const int MinWinMax = 1;

    public const int MaxWinMax = 20;

    public const double DefaultDomainWeight = 0.25;

    public const double DefaultIndicatorWeight = 1;

    public static ExploreSettings Default { get; } = new(
        NormalisationMethod.MinMax, AggregationMethod.Arithmetic, ScoreScale.Year, MissingDataTreatment.AvailableMean, Winsorisation.None,
        WeightingPreset.Equal, new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase));

    public bool IsDefault =>
        Method == NormalisationMethod.MinMax && Aggregation == AggregationMethod.Arithmetic && Scale == ScoreScale.Year
        && Missing == MissingDataTreatment.AvailableMean && Winsorise == Winsorisation.None && Preset == WeightingPreset.Equal && Weights.Count == 0
        && MinCoverage == 0;

    /// <summary>The weight overrides in the API's syntax, <c>social:0.4,consulates:3</c>; empty when none.</summary>
    public string WeightsParameter =>
        string.Join(',', Weights.Select(w => $"{w.Key}:{w.Value.ToString("R", CultureInfo.InvariantCulture)}"));

    /// <summary>The non-default settings as API query parameters (without the leading ?), weights as one <c>weights</c> parameter.</summary>
    public string ApiQuery()
    {
        var query = new StringBuilder();
        void Add(string key, string value) =>
            query.Append(query.Length == 0 ? "" : "&").Append(key).Append('=').Append(Uri.EscapeDataString(value));
        if (Method != NormalisationMethod.MinMax)
        {
            Add("method", Method.Code());
        }

        if (Aggregation != AggregationMethod.Arithmetic)
        {
            Add("aggregation", Aggregation.Code());
        }

        if (Scale != ScoreScale.Year)
        {
            Add("scale", Scale.Code());
        }

        if (Missing != MissingDataTreatment.AvailableMean)
        {
            Add("missing", Missing.Code());
        }

        if (Winsorise != Winsorisation.None)
        {
            Add("winsorise", Winsorise.Code());
        }

        if (Winsorise == Winsorisation.Conditional && WinMax != ConditionalWinsorisation.DefaultWinMax)
        {
            Add("winmax", WinMax.ToString(CultureInfo.InvariantCulture));
        }

        if (MinCoverage > 0)
        {
            Add("minCoverage", MinCoverage.ToString("R", CultureInfo.InvariantCulture));
        }

        if (Preset != WeightingPreset.Equal)
        {
            Add("preset", Preset.Code());
        }

        if (Weights.Count > 0)
        {
            Add("weights", WeightsParameter);
        }

        return query.ToString();
    }

    /// <summary>The report's weights (or the preset's) with the overrides applied.</summary>
    public ScoringWeights ApplyTo(ScoringWeights baseWeights, IndicatorFramework framework)
    {
        var domain = baseWeights.Domain.ToArray();
        var indicator = baseWeights.Indicator.ToArray();
        foreach (var (key, value) in Weights)
        {
            if (Domains.TryParse(key, out var d))
            {
                domain[(int)d] = value;
            }
            else if (framework.IndexOf(key) is var j and >= 0)
            {
                indicator[j] = value;
            }
        }

        return new ScoringWeights(domain, indicator);
    }
}
