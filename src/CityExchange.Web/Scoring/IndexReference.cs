using CityExchange.Core.Cities;
using CityExchange.Core.Csv;
using CityExchange.Core.Framework;

namespace CityExchange.Web.Scoring;

/// <summary>The framework and the cities as stored: what every parse and every score needs.</summary>
public sealed record IndexReference(IndicatorFramework Framework, CityDirectory Cities)
{
    public IndicatorCsvParser CreateParser() => new(Framework, Cities);
}
