namespace CityExchange.Web.Store;

/// <summary>A raw indicator value of a city in a year; unique per (year, city, indicator).</summary>
public sealed class IndicatorValue
{
    public int Year { get; set; }

    public string CityCode { get; set; } = "";

    public string IndicatorCode { get; set; } = "";

    public double Value { get; set; }

    public string? SourceNote { get; set; }
}
