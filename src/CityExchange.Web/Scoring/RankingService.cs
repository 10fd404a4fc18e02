using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Scoring;

/// <summary>Loads a year's stored data and scores it with the Core engine.</summary>
public sealed class RankingService(CityExchangeDbContext db, ReferenceCache referenceCache)
{
    public Task<List<DataYear>> GetYearsAsync(CancellationToken cancellationToken = default) =>
        db.Set<DataYear>().AsNoTracking().OrderBy(y => y.Year).ToListAsync(cancellationToken);

    /// <summary>Scores <paramref name="year"/>; null when the year has no data.</summary>
    public async Task<YearScores?> ScoreAsync(int year, ScoringOptions options, CancellationToken cancellationToken = default)
    {
        var dataYear = await db.Set<DataYear>().AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (dataYear is null)
        {
            return null;
        }

        var reference = await referenceCache.GetAsync(db, cancellationToken);
        return dataYear.Kind == DataYear.Published
            ? await ScorePublishedAsync(dataYear, reference, cancellationToken)
            : await ScoreIndicatorsAsync(dataYear, reference, options, cancellationToken);
    }

    private async Task<YearScores> ScorePublishedAsync(DataYear dataYear, IndexReference reference, CancellationToken cancellationToken)
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

        var sheet = ScoringEngine.FromDomainScores(n, domainScores);
        return new YearScores(dataYear.Year, DataYear.Published, dataYear.IsDemo, DataYear.Published, cities, null, sheet,
            new Dictionary<(int, int), string>());
    }

    private async Task<YearScores> ScoreIndicatorsAsync(DataYear dataYear, IndexReference reference, ScoringOptions options, CancellationToken cancellationToken)
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

        var matrix = new IndicatorMatrix(framework, cities.Count);
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

        var sheet = ScoringEngine.Score(matrix, options);
        return new YearScores(dataYear.Year, DataYear.Indicators, dataYear.IsDemo, options.Method.Code(), cities, matrix, sheet, notes);
    }
}
