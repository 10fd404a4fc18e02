using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Core.Published;
using CityExchange.Core.Scoring;
using CityExchange.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Scoring;

/// <summary>
/// Loads a year's stored data and scores it with the Core engine. Loaded years and rankings are cached
/// (<see cref="RankingCache"/>) under the year's <see cref="DataYear.Version"/>, which is read from the database on
/// every call, so an import or restore — in this instance or another one on the same database — is seen at once.
/// </summary>
public sealed class RankingService(CityExchangeDbContext db, ReferenceCache referenceCache, RankingCache cache)
{
    public Task<List<DataYear>> GetYearsAsync(CancellationToken cancellationToken = default) =>
        db.Set<DataYear>().AsNoTracking().OrderBy(y => y.Year).ToListAsync(cancellationToken);

    /// <summary>Scores <paramref name="year"/>; null when the year has no data.</summary>
    public async Task<YearScores?> ScoreAsync(int year, ScoringOptions options, CancellationToken cancellationToken = default)
    {
        var data = await LoadAsync(year, cancellationToken);
        if (data is null)
        {
            return null;
        }

        var panelData = options.Scale == ScoreScale.Panel && !data.IsPublished
            ? await LoadPanelDataAsync(data, cancellationToken)
            : [];
        return Score(data, options, panelData);
    }

    /// <summary>
    /// The ranking of loaded data, from the cache when this year (and, for the panel scale, every year in
    /// <paramref name="panelData"/>) is still at the version it was computed from.
    /// </summary>
    public YearScores Score(YearData data, ScoringOptions options, IReadOnlyList<YearData> panelData) =>
        Score(data, options, panelData, () =>
        {
            var panel = options.Scale == ScoreScale.Panel && !data.IsPublished
                ? PanelGoalposts.From([data.Matrix!, .. panelData.Select(p => p.Matrix!)], options)
                : null;
            return Score(data, options, panel);
        });

    /// <summary>As above with the caller's scorer, which must score the year's own values with exactly these options and panel years.</summary>
    public YearScores Score(YearData data, ScoringOptions options, IReadOnlyList<YearData> panelData, Func<YearScores> score) =>
        cache.GetOrScore(data, options, panelData, score);

    /// <summary>Scores loaded data. Published years use their domain scores as published, with the options' domain weights and aggregation.</summary>
    public static YearScores Score(YearData data, ScoringOptions options, PanelGoalposts? panel = null) => Score(data, data.Matrix, options, panel);

    /// <summary>Scores <paramref name="matrix"/> (e.g. a what-if copy of the year's values) as the year's data.</summary>
    public static YearScores Score(YearData data, IndicatorMatrix? matrix, ScoringOptions options, PanelGoalposts? panel = null)
    {
        if (matrix is null)
        {
            var published = ScoringEngine.FromDomainScores(data.Cities.Count, data.PublishedDomainScores!, options.Weights?.Domain, options.Aggregation);
            return new YearScores(data.Year.Year, YearKind.Published, data.Year.IsDemo, YearKind.Published.Code(), data.Cities, null, published,
                data.SourceNotes, data.PrintedRanks);
        }

        var sheet = ScoringEngine.Score(matrix, options, panel);
        return new YearScores(data.Year.Year, YearKind.Indicators, data.Year.IsDemo, options.Method.Code(), data.Cities, matrix, sheet,
            data.SourceNotes);
    }

    /// <summary>A year's data as stored; null when the year has none. Cached per version of the year.</summary>
    public async Task<YearData?> LoadAsync(int year, CancellationToken cancellationToken = default)
    {
        // The one query every call makes: the year's current version (the cache key).
        var dataYear = await db.Set<DataYear>().AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (dataYear is null)
        {
            return null;
        }

        var reference = await referenceCache.GetAsync(db, cancellationToken);
        return await LoadAsync(dataYear, reference, cancellationToken);
    }

    /// <summary>The raw values of every indicator year (for panel goalposts), with <paramref name="current"/>'s own matrix in place of its stored one.</summary>
    public async Task<IReadOnlyList<IndicatorMatrix>> LoadPanelAsync(YearData current, CancellationToken cancellationToken = default)
    {
        var others = await LoadPanelDataAsync(current, cancellationToken);
        return current.Matrix is null
            ? [.. others.Select(o => o.Matrix!)]
            : [current.Matrix, .. others.Select(o => o.Matrix!)];
    }

    /// <summary>Every other indicator year's stored data (cached per version), for panel goalposts.</summary>
    public async Task<IReadOnlyList<YearData>> LoadPanelDataAsync(YearData current, CancellationToken cancellationToken = default)
    {
        var years = await db.Set<DataYear>().AsNoTracking()
            .Where(y => y.Kind == YearKind.Indicators && y.Year != current.Year.Year)
            .OrderBy(y => y.Year)
            .ToListAsync(cancellationToken);
        var others = new List<YearData>(years.Count);
        foreach (var year in years)
        {
            others.Add(await LoadAsync(year, current.Reference, cancellationToken));
        }

        return others;
    }

    private Task<YearData> LoadAsync(DataYear dataYear, IndexReference reference, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(dataYear.Year, dataYear.Version, reference, () => dataYear.Kind == YearKind.Published
            ? LoadPublishedAsync(dataYear, reference, cancellationToken)
            : LoadIndicatorsAsync(dataYear, reference, cancellationToken));

    private async Task<YearData> LoadPublishedAsync(DataYear dataYear, IndexReference reference, CancellationToken cancellationToken)
    {
        var published = await db.Set<PublishedScore>().AsNoTracking()
            .Where(p => p.Year == dataYear.Year).ToListAsync(cancellationToken);
        var cities = new List<City>();
        var rows = new List<PublishedScore>();
        foreach (var p in published.OrderBy(p => p.CityCode, StringComparer.Ordinal))
        {
            if (reference.Cities.TryResolve(p.CityCode, out var city)
                && (p.Social ?? p.Culture ?? p.Trade ?? p.Politics) is not null)
            {
                cities.Add(city);
                rows.Add(p);
            }
        }

        var n = cities.Count;
        var domainScores = new double[Domains.Count * n];
        for (var c = 0; c < n; c++)
        {
            domainScores[c] = rows[c].Social ?? double.NaN;
            domainScores[n + c] = rows[c].Culture ?? double.NaN;
            domainScores[(2 * n) + c] = rows[c].Trade ?? double.NaN;
            domainScores[(3 * n) + c] = rows[c].Politics ?? double.NaN;
        }

        PrintedRanks?[] printed = [.. rows.Select(p => new PrintedRanks(p.OverallRank, p.SocialRank, p.CultureRank, p.TradeRank, p.PoliticsRank))];
        return new YearData(dataYear, reference, cities, null, domainScores, new Dictionary<(int, int), string>(), printed);
    }

    private async Task<YearData> LoadIndicatorsAsync(DataYear dataYear, IndexReference reference, CancellationToken cancellationToken)
    {
        var values = await db.Set<IndicatorValue>().AsNoTracking()
            .Where(v => v.Year == dataYear.Year)
            .Select(v => new { v.CityCode, v.IndicatorCode, v.Value, v.SourceNote })
            .ToListAsync(cancellationToken);

        var framework = reference.Framework;
        var cityIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var cities = new List<City>();
        foreach (var code in values.Select(v => v.CityCode).Distinct().Order(StringComparer.Ordinal))
        {
            if (reference.Cities.TryResolve(code, out var city))
            {
                cityIndex[code] = cities.Count;
                cities.Add(city);
            }
        }

        // The region is each city's group for group-median imputation.
        var matrix = new IndicatorMatrix(framework, cities.Count) { Groups = [.. cities.Select(c => c.RegionZh)] };
        var notes = new Dictionary<(int, int), string>();
        foreach (var v in values)
        {
            var j = framework.IndexOf(v.IndicatorCode);
            if (j >= 0 && cityIndex.TryGetValue(v.CityCode, out var c))
            {
                matrix[j, c] = v.Value;
                if (!string.IsNullOrEmpty(v.SourceNote))
                {
                    notes[(j, c)] = v.SourceNote;
                }
            }
        }

        return new YearData(dataYear, reference, cities, matrix, null, notes);
    }
}
