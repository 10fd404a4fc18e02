using CityExchange.Core.Scoring;

namespace CityExchange.Web.Pages.Shared;

/// <summary>
/// A city's rank (overall and per domain) in one year, as the pages headline it (a published year: the printed ranks);
/// null where it has none. <paramref name="HasCity"/> is false for a year without the city (its profile does not exist
/// in that year).
/// </summary>
public sealed record RankHistoryPoint(int Year, bool IsDemo, bool IsPublished, int CityCount, int? Rank, IReadOnlyList<int?> DomainRanks, bool HasCity);

/// <summary>
/// The model of the shared rank-history table partial: a city's ranks in every year with data, each year a link to the
/// city's profile in that year (in the method and coverage threshold of the page; <paramref name="Year"/> is the year
/// the page shows).
/// </summary>
public sealed record RankHistoryTable(string Caption, string CityCode, int Year, NormalisationMethod Method, IReadOnlyList<RankHistoryPoint> Points, double MinCoverage = 0);
