namespace CityExchange.Web.Pages.Rankings;

public static class RankingsSetup
{
    /// <summary>Registers the rankings page's handler and its CSV download.</summary>
    public static IServiceCollection AddRankings(this IServiceCollection services)
    {
        services.AddScoped<RankingsHandler>();
        services.AddScoped<RankingsExport>();
        services.AddScoped<BumpChartQuery>();
        return services;
    }
}
