namespace CityExchange.Core.Resources;

/// <summary>
/// Localised messages (en, zh-CN) of the documented input and cost limits (weights, weight grids, Monte Carlo samples,
/// sensitivity runs, pairwise clustering);
/// keys double as error codes.
/// </summary>
public static class LimitMessages
{
    /// <summary>{0} field, {1} value.</summary>
    public const string WeightNotFinite = nameof(WeightNotFinite);

    /// <summary>{0} field, {1} value.</summary>
    public const string WeightNegative = nameof(WeightNegative);

    /// <summary>{0} field, {1} value, {2} the maximum.</summary>
    public const string WeightTooLarge = nameof(WeightTooLarge);

    /// <summary>{0} grid points asked for, {1} the most for {2} cities.</summary>
    public const string TooManyGridPoints = nameof(TooManyGridPoints);

    /// <summary>{0} samples asked for, {1} the most for {2} cities.</summary>
    public const string TooManySamples = nameof(TooManySamples);

    /// <summary>{0} model runs asked for, {1} the most for {2} cities.</summary>
    public const string TooManyRuns = nameof(TooManyRuns);

    /// <summary>{0} the linkage's code, {1} its limit, {2} the cities given.</summary>
    public const string ClusteringTooLarge = nameof(ClusteringTooLarge);

    private static readonly MessageCatalogue Catalogue = new("CityExchange.Core.Resources.LimitMessages");

    public static string Format(string key, params object?[] args) => Catalogue.Format(key, args);
}
