namespace CityExchange.Web.Scoring;

public static class ScoringSetup
{
    /// <summary>Registers the scored years (one path for pages and API), the reference data cache, the year list and data versions.</summary>
    public static IServiceCollection AddScoring(this IServiceCollection services)
    {
        services.AddSingleton<ReferenceCache>();
        services.AddScoped<RankingService>();
        services.AddScoped<YearSummaries>();
        services.AddSingleton<YearCityCounts>();
        services.AddScoped<DataVersions>();
        return services;
    }
}
