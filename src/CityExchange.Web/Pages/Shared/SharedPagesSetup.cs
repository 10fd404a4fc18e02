namespace CityExchange.Web.Pages.Shared;

public static class SharedPagesSetup
{
    /// <summary>Registers what every dashboard page uses: the year a page shows and the indicators' texts.</summary>
    public static IServiceCollection AddSharedPages(this IServiceCollection services)
    {
        services.AddScoped<PageYears>();
        services.AddSingleton<IndicatorTexts>();
        return services;
    }
}
