using CityExchange.Core.Cities;
using CityExchange.Web.Pages.Shared;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;

namespace CityExchange.Web.Pages.Cities;

/// <summary>The city picker's search (<c>GET /api/cities</c>).</summary>
public sealed class CitySearch(PageYears years, CityExchangeDbContext db, ReferenceCache referenceCache)
{
    /// <summary>
    /// Cities for a picker: those whose code, Chinese or English name contains <paramref name="text"/> (ignoring case),
    /// names that start with it first; with a year, only cities with data in it, best-ranked first; else by code. Null
    /// when the year has no data.
    /// </summary>
    public async Task<IReadOnlyList<City>?> FindAsync(string? text, int? year, int limit, CancellationToken cancellationToken = default)
    {
        var reference = await referenceCache.GetAsync(db, cancellationToken);
        IEnumerable<City> cities = reference.Cities.Cities;
        // Within a year, better-ranked cities first (the one a reader most likely means); else by code.
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        if (year is not null)
        {
            if (await years.LoadAsync(year, null, cancellationToken) is not { } loaded)
            {
                return null;
            }

            var scores = loaded.Scores;
            foreach (var i in scores.ByRank())
            {
                order[scores.Cities[i].Code] = order.Count;
            }

            cities = cities.Where(c => order.ContainsKey(c.Code));
        }

        var query = (text ?? "").Trim();
        return
        [
            .. cities
                .Select(c => (City: c, Match: Match(c, query)))
                .Where(x => x.Match >= 0)
                .OrderBy(x => x.Match)
                .ThenBy(x => order.GetValueOrDefault(x.City.Code))
                .ThenBy(x => x.City.Code, StringComparer.Ordinal)
                .Take(limit)
                .Select(x => x.City),
        ];

        // 0: a name or the code starts with the text; 1: contains it; -1: neither.
        static int Match(City city, string query)
        {
            if (query.Length == 0)
            {
                return 0;
            }

            string[] names = [city.Code, city.NameZh, city.NameEn];
            return names.Any(n => n.StartsWith(query, StringComparison.OrdinalIgnoreCase)) ? 0
                : names.Any(n => n.Contains(query, StringComparison.OrdinalIgnoreCase)) ? 1
                : -1;
        }
    }
}
