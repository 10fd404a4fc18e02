namespace CityExchange.Web.Pages.Explore;

public static class ExploreSetup
{
    /// <summary>Registers Explore's service (scoring with chosen settings, what-if, targets, uncertainty) and its page queries.</summary>
    public static IServiceCollection AddExplore(this IServiceCollection services)
    {
        services.AddScoped<ExploreService>();
        services.AddScoped<ExplorePages>();
        services.AddScoped<SensitivityIndicesService>();
        // Global sensitivity beyond the request budget: an in-memory queue and its one runner.
        services.AddSingleton<SensitivityJobs>();
        services.AddHostedService<SensitivityJobRunner>();
        return services;
    }
}
