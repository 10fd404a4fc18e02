using CityExchange.Web.Scoring;

namespace CityExchange.Web.Hosting;

public static class AnalysisReads
{
    /// <summary>
    /// An expensive public read, as every analysis endpoint is: it shares the analyses' concurrency limit (429 with
    /// <c>Retry-After</c> when full) and is kept by the output cache per data version; with <paramref name="year"/>, only
    /// the version of the year it shows (that rule picks it when none is asked for) keys it (<see cref="YearScopeAttribute"/>).
    /// </summary>
    public static TBuilder AsAnalysisRead<TBuilder>(this TBuilder builder, YearRule? year = null)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireRateLimiting(RateLimits.AnalysisPolicy).CacheOutput(PerformanceSetup.PublicCachePolicy);
        if (year is { } rule)
        {
            builder.WithMetadata(new YearScopeAttribute(rule));
        }

        return builder;
    }
}
