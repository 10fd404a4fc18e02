namespace CityExchange.Web.Pages.Overview;

public static class OverviewSetup
{
    /// <summary>Registers the overview page's handler.</summary>
    public static IServiceCollection AddOverview(this IServiceCollection services)
    {
        services.AddScoped<OverviewHandler>();
        return services;
    }
}
