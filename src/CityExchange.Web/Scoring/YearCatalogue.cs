using CityExchange.Web.Store;

namespace CityExchange.Web.Scoring;

/// <summary>A year with data, as the year pickers list it.</summary>
public sealed record YearOption(int Year, YearKind Kind, bool IsDemo)
{
    public bool IsPublished => Kind == YearKind.Published;

    public static YearOption From(DataYear year) => new(year.Year, year.Kind, year.IsDemo);
}

/// <summary>Which year a page shows when none is asked for.</summary>
public enum YearRule
{
    /// <summary>The latest year with real (non-demo) data, else the latest year: the dashboard and the analysis pages.</summary>
    LatestReal,

    /// <summary>The latest year of indicator values (what-if and the other tools need them), else the latest year: /Explore.</summary>
    LatestIndicators,
}

/// <summary>The year catalogue's one rule for picking the year a page shows.</summary>
public static class YearCatalogue
{
    /// <summary>
    /// The year asked for (null when it has no data); when none is asked, <paramref name="preferred"/> (a page's own
    /// choice, e.g. the regression's latest year with covariates) when stored, else the page's <paramref name="rule"/>;
    /// null when no year is stored.
    /// </summary>
    public static YearOption? Pick(IReadOnlyList<YearOption> years, int? requested, YearRule rule, int? preferred = null)
    {
        if (requested is { } year)
        {
            return years.FirstOrDefault(y => y.Year == year);
        }

        if (preferred is { } own && years.FirstOrDefault(y => y.Year == own) is { } chosen)
        {
            return chosen;
        }

        var byRule = rule switch
        {
            YearRule.LatestIndicators => years.LastOrDefault(y => !y.IsPublished),
            _ => years.LastOrDefault(y => !y.IsDemo),
        };
        return byRule ?? (years.Count > 0 ? years[^1] : null);
    }
}
