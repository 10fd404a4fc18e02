using CityExchange.Core.Csv;
using CityExchange.Web.Api.Rankings;

namespace CityExchange.Web.Imports;

/// <summary>What an import did: accepted (values stored) or rejected (nothing changed), with the parse for display.</summary>
public sealed record ImportOutcome(long ImportId, IndicatorCsv Parsed, int Cities, int Values, IReadOnlyList<RankingWarning> Warnings)
{
    public bool Accepted => Parsed.IsValid;
}
