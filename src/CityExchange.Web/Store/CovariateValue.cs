namespace CityExchange.Web.Store;

/// <summary>
/// A city's value of a covariate (e.g. <c>gdp</c>) in a year, kept apart from the index: covariates are not indicators
/// and never enter a score. <see cref="IsDemo"/> marks the synthetic values seeded for the demo years.
/// </summary>
public sealed class CovariateValue
{
    public int Year { get; set; }

    public string CityCode { get; set; } = "";

    public string Code { get; set; } = "";

    public double Value { get; set; }

    public bool IsDemo { get; set; }
}
