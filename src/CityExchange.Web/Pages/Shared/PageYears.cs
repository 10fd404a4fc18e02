using CityExchange.Core.Scoring;
using CityExchange.Web.Scoring;

namespace CityExchange.Web.Pages.Shared;

/// <summary>A page's year (what it shows, the picker's years, the previous year) and that year's scores.</summary>
public sealed record PageYear(YearContext Context, YearScores Scores);

/// <summary>
/// The year a dashboard page shows (<see cref="YearRule.LatestReal"/> unless asked), scored in the method asked for
/// through <see cref="RankingService"/> — the path the API takes too. Null when the year asked for has no data.
/// </summary>
public sealed class PageYears(RankingService rankings)
{
    public async Task<IReadOnlyList<YearOption>> YearsAsync(CancellationToken cancellationToken = default) =>
        [.. (await rankings.GetYearsAsync(cancellationToken)).Select(YearOption.From)];

    public Task<PageYear?> LoadAsync(int? year, string? method, CancellationToken cancellationToken) => LoadAsync(year, method, 0, cancellationToken);

    /// <summary>The year scored in the method, leaving out the cities below <paramref name="minCoverage"/> (not for a published year).</summary>
    public async Task<PageYear?> LoadAsync(int? year, string? method, double minCoverage, CancellationToken cancellationToken)
    {
        var years = await YearsAsync(cancellationToken);
        var current = YearCatalogue.Pick(years, year, YearRule.LatestReal);
        if (current is null)
        {
            return null;
        }

        var normalisation = MethodParameter.Parse(method);
        var threshold = current.IsPublished ? 0 : minCoverage;
        var scores = await rankings.ScoreAsync(current.Year, new ScoringOptions(normalisation) { MinCoverage = threshold }, cancellationToken);
        if (scores is null)
        {
            return null;
        }

        var previous = years.LastOrDefault(y => y.Year < current.Year);
        return new PageYear(new YearContext(current, normalisation, years, previous) { MinCoverage = threshold }, scores);
    }

    /// <summary>
    /// The previous year with data, scored in the context's method and with its coverage threshold, so movements compare
    /// rankings of the same rule; null when there is none.
    /// </summary>
    public async Task<YearScores?> PreviousAsync(YearContext context, CancellationToken cancellationToken) =>
        context.Previous is { } previous ? await ScoreAsync(previous, context, cancellationToken) : null;

    /// <summary>Another year scored as the context's year is: its method, and its coverage threshold (none for a published year).</summary>
    public Task<YearScores?> ScoreAsync(YearOption year, YearContext context, CancellationToken cancellationToken) =>
        rankings.ScoreAsync(year.Year, new ScoringOptions(context.Method) { MinCoverage = year.IsPublished ? 0 : context.MinCoverage }, cancellationToken);
}

/// <summary>
/// The data-availability threshold in a page's query string (<c>minCoverage</c>, 0–1): the strict rule of
/// <see cref="Explore.ExploreQuery.TryParseCoverage"/>; a page given anything else shows every city (0).
/// </summary>
public static class CoverageParameter
{
    public static double Parse(string? text) => Explore.ExploreQuery.TryParseCoverage(text, out var threshold) ? threshold : 0;

    /// <summary>The threshold as a query value (round-trip, invariant); null for 0, the default.</summary>
    public static string? Format(double threshold) =>
        threshold > 0 ? threshold.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : null;
}

/// <summary>The normalisation method named in a query string; anything unknown is the default, min–max.</summary>
public static class MethodParameter
{
    public static NormalisationMethod Parse(string? code) =>
        NormalisationMethods.TryParse(code, out var method) ? method : NormalisationMethod.MinMax;
}
