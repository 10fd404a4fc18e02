namespace CityExchange.Web.Pages.Methodology;

public static class MethodologySetup
{
    /// <summary>Registers the methodology page's handler.</summary>
    public static IServiceCollection AddMethodology(this IServiceCollection services)
    {
        services.AddScoped<MethodologyHandler>();
        return services;
    }
}
