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
        var scores = await rankings.ScoreAsync(current.Year, new ScoringOptions(normalisation) { MinCoverage = current.IsPublished ? 0 : minCoverage }, cancellationToken);
        if (scores is null)
        {
            return null;
        }

        var previous = years.LastOrDefault(y => y.Year < current.Year);
        return new PageYear(new YearContext(current, normalisation, years, previous), scores);
    }

    /// <summary>The previous year with data, scored in the context's method; null when there is none.</summary>
    public Task<YearScores?> PreviousAsync(YearContext context, CancellationToken cancellationToken) => PreviousAsync(context, 0, cancellationToken);

    /// <summary>The previous year with the same coverage threshold, so movements compare rankings of the same rule.</summary>
    public async Task<YearScores?> PreviousAsync(YearContext context, double minCoverage, CancellationToken cancellationToken) =>
        context.Previous is { } previous
            ? await rankings.ScoreAsync(previous.Year, new ScoringOptions(context.Method) { MinCoverage = previous.IsPublished ? 0 : minCoverage }, cancellationToken)
            : null;
}

/// <summary>The normalisation method named in a query string; anything unknown is the default, min–max.</summary>
public static class MethodParameter
{
    public static NormalisationMethod Parse(string? code) =>
        NormalisationMethods.TryParse(code, out var method) ? method : NormalisationMethod.MinMax;
}
