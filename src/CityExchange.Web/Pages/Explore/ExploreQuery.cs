using System.Globalization;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using Microsoft.Extensions.Localization;

namespace CityExchange.Web.Pages.Explore;

/// <summary>
/// Parses the Explore parameters — <c>method, aggregation, scale, missing, winsorise, winmax, minCoverage, preset, weights</c> — from a query
/// string or a JSON body (through a lookup function). Every problem is a localised message for a 400.
/// </summary>
public static class ExploreQuery
{
    /// <summary>Prefix of the page's one-parameter-per-weight form fields (<c>w.social</c>); plain codes would collide with <c>culture</c>.</summary>
    public const string WeightParameterPrefix = "w.";

    /// <summary>
    /// Parses the settings. <paramref name="get"/> returns a parameter's value or null. With
    /// <paramref name="topLevelWeights"/> (the /Explore page's form), each domain and indicator code may also be its own
    /// parameter <c>w.&lt;code&gt;</c> (e.g. <c>w.social=0.4</c>), taking precedence over the same key in <c>weights</c>.
    /// </summary>
    public static bool TryParse(
        Func<string, string?> get, IndicatorFramework framework, bool topLevelWeights, IStringLocalizer<ExploreText> text,
        out ExploreSettings settings, out string? error)
    {
        settings = ExploreSettings.Default;
        error = null;
        var method = get("method");
        if (!NormalisationMethods.TryParse(method, out var normalisation))
        {
            error = text["Unknown method '{0}'. Use minmax, rank or zscore.", method!];
            return false;
        }

        var aggregationText = get("aggregation");
        if (!AggregationMethods.TryParse(aggregationText, out var aggregation))
        {
            error = text["Unknown aggregation '{0}'. Use arithmetic or geometric.", aggregationText!];
            return false;
        }

        var scaleText = get("scale");
        if (!ScoreScales.TryParse(scaleText, out var scale))
        {
            error = text["Unknown scale '{0}'. Use year or panel.", scaleText!];
            return false;
        }

        var missingText = get("missing");
        if (!MissingDataTreatments.TryParse(missingText, out var missing))
        {
            error = text["Unknown missing-data treatment '{0}'. Use available or median.", missingText!];
            return false;
        }

        var winsoriseText = get("winsorise") ?? get("winsorize");
        if (!Winsorisations.TryParse(winsoriseText, out var winsorise))
        {
            error = text["Unknown winsorise value '{0}'. Use false, true or conditional.", winsoriseText!];
            return false;
        }

        var winMaxText = get("winmax");
        var winMax = ConditionalWinsorisation.DefaultWinMax;
        if (!string.IsNullOrWhiteSpace(winMaxText)
            && !(int.TryParse(winMaxText.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out winMax) && winMax is >= ExploreSettings.MinWinMax and <= ExploreSettings.MaxWinMax))
        {
            error = text["winmax must be a whole number from {0} to {1}; got '{2}'.", ExploreSettings.MinWinMax, ExploreSettings.MaxWinMax, winMaxText];
            return false;
        }

        var minCoverageText = get("minCoverage") ?? get("mincoverage");
        if (!TryParseCoverage(minCoverageText, out var minCoverage))
        {
            error = text["minCoverage must be a number from 0 to 1; got '{0}'.", minCoverageText!];
            return false;
        }

        var presetText = get("preset");
        if (!WeightingPresets.TryParse(presetText, out var preset))
        {
            error = text["Unknown preset '{0}'. Use equal, entropy, critic or pca.", presetText!];
            return false;
        }

        if (aggregation == AggregationMethod.Geometric && normalisation == NormalisationMethod.ZScore)
        {
            error = text["Geometric aggregation takes ln(1 + score) and z-scores can be −1 or lower: use minmax or rank with geometric aggregation."];
            return false;
        }

        var weights = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        if (!TryParseWeights(get("weights"), framework, text, weights, out error))
        {
            return false;
        }

        if (topLevelWeights)
        {
            foreach (var key in Domains.All.Select(d => d.Code()).Concat(framework.Indicators.Select(i => i.Code)))
            {
                var value = get(WeightParameterPrefix + key);
                if (string.IsNullOrWhiteSpace(value))
                {
                    continue;
                }

                if (!TryParseWeight(value, out var w))
                {
                    error = text["Weight '{0}' must be a number from 0 to {2}; got '{1}'.", key, value, ScoringWeights.MaxWeight];
                    return false;
                }

                weights[key] = w;
            }
        }

        settings = new ExploreSettings(normalisation, aggregation, scale, missing, winsorise, preset, weights) { WinMax = winMax, MinCoverage = minCoverage };
        return true;
    }

    /// <summary>Parses <c>social:0.4,culture:0.2,consulates:3</c> (also <c>=</c> instead of <c>:</c>) into <paramref name="weights"/>.</summary>
    public static bool TryParseWeights(
        string? text, IndicatorFramework framework, IStringLocalizer<ExploreText> localizer, Dictionary<string, double> weights, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = part.IndexOfAny([':', '=']);
            if (separator <= 0)
            {
                error = localizer["Weight '{0}' is not of the form key:value.", part];
                return false;
            }

            var key = part[..separator].Trim();
            var value = part[(separator + 1)..].Trim();
            if (!Domains.TryParse(key, out _) && framework.IndexOf(key) < 0)
            {
                error = localizer["Unknown weight key '{0}'. Use a domain (social, culture, trade, politics) or an indicator code.", key];
                return false;
            }

            if (!TryParseWeight(value, out var w))
            {
                error = localizer["Weight '{0}' must be a number from 0 to {2}; got '{1}'.", key, value, ScoringWeights.MaxWeight];
                return false;
            }

            if (!weights.TryAdd(key, w))
            {
                error = localizer["Weight '{0}' is given twice.", key];
                return false;
            }
        }

        return true;
    }

    /// <summary>A weight is a number from 0 to <see cref="ScoringWeights.MaxWeight"/> (the engine's one rule).</summary>
    private static bool TryParseWeight(string text, out double weight) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out weight) && ScoringWeights.Check(weight) is null;

    /// <summary>A coverage threshold: blank is 0 (every city); else a share from 0 to 1 (a percentage is not accepted: 50 is refused).</summary>
    public static bool TryParseCoverage(string? text, out double coverage)
    {
        coverage = 0;
        return string.IsNullOrWhiteSpace(text)
            || (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out coverage) && coverage is >= 0 and <= 1);
    }
}
