namespace CityExchange.Core.Scoring;

public enum AggregationMethod
{
    /// <summary>Weighted arithmetic mean (the report's): Σw·s / Σw over what the city has.</summary>
    Arithmetic,

    /// <summary>Weighted geometric mean on 1 + score: exp(Σw·ln(1+s) / Σw) − 1 over what the city has; less compensatory.</summary>
    Geometric,
}

public static class AggregationMethods
{
    public static IReadOnlyList<AggregationMethod> All { get; } = [AggregationMethod.Arithmetic, AggregationMethod.Geometric];

    public static string Code(this AggregationMethod method) => method switch
    {
        AggregationMethod.Arithmetic => "arithmetic",
        AggregationMethod.Geometric => "geometric",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    public static bool TryParse(string? code, out AggregationMethod method)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case null or "" or "arithmetic": method = AggregationMethod.Arithmetic; return true;
            case "geometric": method = AggregationMethod.Geometric; return true;
            default: method = default; return false;
        }
    }
}
