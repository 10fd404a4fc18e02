namespace CityExchange.Core.Scoring;

public enum NormalisationMethod
{
    /// <summary>100·(x−min)/(max−min) per indicator and year (the report's default).</summary>
    MinMax,

    /// <summary>The report's rank score: ascending rank, ties share the lowest rank, 100·rank/n.</summary>
    Rank,

    /// <summary>Standard score (x−mean)/s with the sample standard deviation s; not on the 0–100 scale.</summary>
    ZScore,
}

public static class NormalisationMethods
{
    public static IReadOnlyList<NormalisationMethod> All { get; } = [NormalisationMethod.MinMax, NormalisationMethod.Rank, NormalisationMethod.ZScore];

    public static string Code(this NormalisationMethod method) => method switch
    {
        NormalisationMethod.MinMax => "minmax",
        NormalisationMethod.Rank => "rank",
        NormalisationMethod.ZScore => "zscore",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    public static bool TryParse(string? code, out NormalisationMethod method)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case null or "" or "minmax": method = NormalisationMethod.MinMax; return true;
            case "rank": method = NormalisationMethod.Rank; return true;
            case "zscore": method = NormalisationMethod.ZScore; return true;
            default: method = default; return false;
        }
    }
}
