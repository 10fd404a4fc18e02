namespace CityExchange.Web.Pages.Explore;

/// <summary>
/// Model of the partial <c>_RankIntervalToggle</c>: a switch that shows each city's 5th–95th percentile rank interval
/// beside its rank, fetched from <c>/api/sensitivity/{Year}?{Query}</c> by wwwroot/js/explore/rank-intervals.js.
/// <see cref="Table"/> is the id of the table whose rows carry <c>data-city</c> and whose rank cells carry <c>data-rank-cell</c>.
/// </summary>
public sealed record RankIntervalToggle(int Year, string Table, string Query = "");
