using CityExchange.Core.Resources;
using CityExchange.Core.Scoring;

namespace CityExchange.Web.Scoring;

/// <summary>
/// A note on the year's scoring: an indicator left out (<c>too_few_values</c>, <c>constant</c>), cells imputed
/// (<c>imputed</c>) or clipped (<c>winsorised</c>), a city left out by the coverage threshold (<c>excluded</c>;
/// <c>indicator</c> then names the city), or a parameter a published year does not use (<c>ignored</c>;
/// <c>indicator</c> then names the parameter or the indicator weight).
/// </summary>
public sealed record RankingWarning(string Indicator, string Code, string Message)
{
    public static RankingWarning From(ScoringWarning warning) => warning.Kind == ScoringWarningKind.Constant
        ? new(warning.IndicatorCode, "constant", Messages.Format(MessageKey.Constant, warning.IndicatorCode, warning.ValueCount))
        : new(warning.IndicatorCode, "too_few_values", Messages.Format(MessageKey.TooFewValues, warning.IndicatorCode, warning.ValueCount));
}
