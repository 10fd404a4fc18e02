namespace CityExchange.Core.Scoring;

public enum NormalisationMethod
{
    /// <summary>100·(x−min)/(max−min) per indicator and year (the report's default).</summary>
    MinMax,

    /// <summary>The report's rank score: ascending rank, ties share the lowest rank, 100·rank/n.</summary>
    Rank,
}

public static class NormalisationMethods
{
    public static string Code(this NormalisationMethod method) => method switch
    {
        NormalisationMethod.MinMax => "minmax",
        NormalisationMethod.Rank => "rank",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    public static bool TryParse(string? code, out NormalisationMethod method)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case null or "" or "minmax": method = NormalisationMethod.MinMax; return true;
            case "rank": method = NormalisationMethod.Rank; return true;
            default: method = default; return false;
        }
    }
}
