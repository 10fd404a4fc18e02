using CityExchange.Core.Framework;
using CityExchange.Web.Hosting;
using CityExchange.Web.Pages.Rankings;

namespace CityExchange.Web.Pages.Shared;

/// <summary>
/// One city on the map: its name in the reader's language, the rank and score of the measure shown (overall or one
/// domain; rank 0 and a null score when it has none), and its WGS84 position (null when unknown).
/// </summary>
public sealed record CityMapPoint(string Code, string Name, int Rank, double? Score, double? Lat, double? Lon, bool Highlighted)
{
    public bool IsLocated => Lat is not null && Lon is not null;
}

/// <summary>
/// The bubble map of a year's cities (_CityMap.cshtml, wwwroot/js/shared/city-map.js): every located city a point at
/// its position, sized by <see cref="Domain"/>'s score (the overall score when null), in rank order, which is also the
/// order the arrow keys move in. Cities without coordinates are listed beside the map, never drawn at 0,0.
/// <see cref="TableHref"/> is the data table the map stands for, its accessible alternative.
/// </summary>
public sealed record CityMapView(
    string Id,
    YearContext Context,
    Domain? Domain,
    IReadOnlyList<CityMapPoint> Points,
    string TableHref,
    string? RowsUrl)
{
    /// <summary>
    /// Up to this many points travel inside the page; a larger map's rows come from <see cref="RowsUrl"/> (the map
    /// embed's rows, cached per year version and shared by every page showing the same map), so that each city page
    /// of a 20,000-city year does not carry (and rebuild) the whole year's points.
    /// </summary>
    public const int InlinePoints = 500;

    /// <summary>Cities without a location listed by name beside the map; the rest are counted (the table has them all).</summary>
    public const int UnlocatedListed = 50;

    /// <summary>The rows of the map's data (its table, CSV and XLSX): code, name, rank (null without one), score, lat, lon.</summary>
    public static IEnumerable<object?[]> TableRows(IEnumerable<CityMapPoint> points) =>
        points.Select(p => new object?[] { p.Code, p.Name, p.Rank > 0 ? p.Rank : null, p.Score, p.Lat, p.Lon });

    /// <summary>How many cities the map draws (those with a location).</summary>
    public int LocatedCount { get; init; }

    /// <summary>How many cities have no location.</summary>
    public int UnlocatedCount { get; init; }

    public IReadOnlyList<CityMapPoint> Unlocated => [.. Points.Where(p => !p.IsLocated).Take(UnlocatedListed)];

    /// <summary>How many cities without a location are not listed by name (beyond <see cref="UnlocatedListed"/>).</summary>
    public int UnlocatedNotListed => Math.Max(0, UnlocatedCount - UnlocatedListed);

    public string? HighlightedCode => Points.FirstOrDefault(p => p.Highlighted)?.Code;

    /// <summary>The map's heading still names the section for screen readers but is not shown: the embed's own title says the same.</summary>
    public bool HeadingHidden { get; init; }

    /// <summary>
    /// The map of <paramref name="rows"/> (ranked by <paramref name="domain"/>, or overall when null), best rank first
    /// and cities without a rank last; <paramref name="highlight"/> is the city to mark (the city page's own).
    /// <paramref name="route"/> is the query of the ranking the rows come from (its filters), from which the map embed
    /// serves the same rows when there are more than <see cref="InlinePoints"/>.
    /// </summary>
    public static CityMapView Of(string id, YearContext context, IEnumerable<RankingRow> rows, Domain? domain, string tableHref, IReadOnlyDictionary<string, string> route, string? highlight = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var all = rows as IReadOnlyCollection<RankingRow> ?? [.. rows];
        var located = all.Count(r => r.City.Latitude is not null && r.City.Longitude is not null);
        if (all.Count <= InlinePoints)
        {
            return new CityMapView(id, context, domain, PointsOf(all, highlight), tableHref, null) { LocatedCount = located, UnlocatedCount = all.Count - located };
        }

        // A large map's points come from RowsUrl: the page needs only the cities it lists by name (the first unlocated,
        // in rank order) and the highlighted one, not 20,000 points sorted and named on every rebuild.
        var listed = PointsOf(all.Where(r => r.City.Latitude is null || r.City.Longitude is null || string.Equals(r.City.Code, highlight, StringComparison.OrdinalIgnoreCase)), highlight);
        var points = listed.Where(p => p.Highlighted).Concat(listed.Where(p => !p.IsLocated).Take(UnlocatedListed)).Distinct().ToList();
        return new CityMapView(id, context, domain, points, tableHref, Embed.EmbedLinks.MapRows(route)) { LocatedCount = located, UnlocatedCount = all.Count - located };
    }

    /// <summary>The points of <paramref name="rows"/>, best rank first, cities without a rank last, ties by code.</summary>
    public static List<CityMapPoint> PointsOf(IEnumerable<RankingRow> rows, string? highlight = null) =>
    [
        .. rows
            .OrderBy(r => r.HeadlineRank > 0 ? r.HeadlineRank : int.MaxValue)
            .ThenBy(r => r.City.Code, StringComparer.Ordinal)
            .Select(r => new CityMapPoint(
                r.City.Code,
                Localized.Name(r.City),
                r.HeadlineRank,
                double.IsNaN(r.Score) ? null : Math.Round(r.Score, 2),
                r.City.Latitude,
                r.City.Longitude,
                string.Equals(r.City.Code, highlight, StringComparison.OrdinalIgnoreCase))),
    ];
}
