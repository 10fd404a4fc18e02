namespace CityExchange.Web.Pages.Cities;

public static class CitiesSetup
{
    /// <summary>Registers the city profile's handler, the city snapshots it shares with the comparison, and the city search.</summary>
    public static IServiceCollection AddCities(this IServiceCollection services)
    {
        services.AddScoped<CityProfileHandler>();
        services.AddScoped<CitySnapshots>();
        services.AddScoped<CitySearch>();
        return services;
    }
}
