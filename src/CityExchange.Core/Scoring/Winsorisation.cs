namespace CityExchange.Core.Scoring;

/// <summary>How outliers are treated before normalisation (<see cref="ScoringOptions.Winsorise"/>).</summary>
public enum Winsorisation
{
    /// <summary>Values are normalised as they are (the report).</summary>
    None,

    /// <summary>Each indicator is clipped at the 5th and 95th percentiles of its observed values (<see cref="DataTreatment.Winsorise"/>).</summary>
    Percentile,

    /// <summary>COINr's <c>Treat</c> defaults: winsorise while the skew–kurtosis check fails, else <c>log_CT</c> (<see cref="ConditionalWinsorisation"/>).</summary>
    Conditional,
}

public static class Winsorisations
{
    public static IReadOnlyList<Winsorisation> All { get; } = [Winsorisation.None, Winsorisation.Percentile, Winsorisation.Conditional];

    /// <summary>The API's spelling: <c>false</c>, <c>true</c>, <c>conditional</c> (the first two as the old boolean parameter).</summary>
    public static string Code(this Winsorisation winsorisation) => winsorisation switch
    {
        Winsorisation.None => "false",
        Winsorisation.Percentile => "true",
        Winsorisation.Conditional => "conditional",
        _ => throw new ArgumentOutOfRangeException(nameof(winsorisation)),
    };

    public static bool TryParse(string? code, out Winsorisation winsorisation)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case null or "" or "false" or "0" or "off" or "no" or "none": winsorisation = Winsorisation.None; return true;
            case "true" or "1" or "on" or "yes" or "p5" or "percentile": winsorisation = Winsorisation.Percentile; return true;
            case "conditional" or "coinr" or "treat": winsorisation = Winsorisation.Conditional; return true;
            default: winsorisation = default; return false;
        }
    }
}
