namespace CityExchange.Web.Store;

/// <summary>A year with data. <see cref="Version"/> changes on every import or restore (cache key and concurrency token).</summary>
public sealed class DataYear
{
    public const string Published = "published";
    public const string Indicators = "indicators";

    public int Year { get; set; }

    /// <summary><see cref="Published"/> (domain scores as the report printed them) or <see cref="Indicators"/> (raw values, scored by the engine).</summary>
    public string Kind { get; set; } = Indicators;

    /// <summary>True for the synthetic demo years: shown with a banner everywhere.</summary>
    public bool IsDemo { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}
