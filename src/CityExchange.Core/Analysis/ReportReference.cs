using CityExchange.Core.Framework;

namespace CityExchange.Core.Analysis;

/// <summary>
/// Statistics the report printed for data year 2013 (part 4), kept to be shown beside ours. Nothing here is computed.
/// </summary>
public static class ReportReference
{
    public const int Year = 2013;

    /// <summary>The correlation table (part 4.5): Pearson r between the domains, social–culture–trade–politics order, N = 46.</summary>
    public static double[,] CorrelationR { get; } = new double[,]
    {
        { 1, .649, .614, .748 },
        { .649, 1, .482, .581 },
        { .614, .482, 1, .624 },
        { .748, .581, .624, 1 },
    };

    /// <summary>The table's two-sided significance as printed (".000" is p &lt; .0005; the diagonal is blank, NaN here).</summary>
    public static double[,] CorrelationP { get; } = new double[,]
    {
        { double.NaN, .000, .000, .000 },
        { .000, double.NaN, .001, .000 },
        { .000, .001, double.NaN, .000 },
        { .000, .000, .000, double.NaN },
    };

    public const int CorrelationN = 46;

    /// <summary>Figure 8: r of the overall index with 2013 GDP ("economic development").</summary>
    public const double GdpOverallR = .847;

    /// <summary>Figure 8: R² of the overall index on 2013 GDP.</summary>
    public const double GdpOverallRSquared = .718;

    /// <summary>Figure 8's r and R² for each domain on 2013 GDP (the report's columns 政治, 经济, 文化, 社会).</summary>
    public static IReadOnlyDictionary<Domain, (double R, double RSquared)> GdpDomain { get; } = new Dictionary<Domain, (double, double)>
    {
        [Domain.Social] = (.752, .566),
        [Domain.Culture] = (.75, .562),
        [Domain.Trade] = (.758, .575),
        [Domain.Politics] = (.615, .378),
    };
}
