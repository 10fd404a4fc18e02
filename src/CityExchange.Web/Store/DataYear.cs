namespace CityExchange.Web.Store;

/// <summary>What a year holds: domain scores as the report printed them, or raw indicator values scored by the engine.</summary>
public enum YearKind
{
    Indicators,
    Published,
}

public static class YearKinds
{
    /// <summary>The stored and API spelling: <c>published</c> or <c>indicators</c>.</summary>
    public static string Code(this YearKind kind) => kind == YearKind.Published ? "published" : "indicators";

    public static YearKind Parse(string code) => code switch
    {
        "published" => YearKind.Published,
        "indicators" => YearKind.Indicators,
        _ => throw new FormatException($"Unknown year kind '{code}'."),
    };
}

/// <summary>A year with data. <see cref="Version"/> changes on every import or restore (cache key and concurrency token).</summary>
public sealed class DataYear
{
    public int Year { get; set; }

    /// <summary>Stored as its <see cref="YearKinds.Code"/> (<c>published</c>, <c>indicators</c>).</summary>
    public YearKind Kind { get; set; } = YearKind.Indicators;

    /// <summary>True for the synthetic demo years: shown with a banner everywhere.</summary>
    public bool IsDemo { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}
