namespace CityExchange.Web.Pages.Compare;

public static class CompareSetup
{
    /// <summary>Registers the comparison page's handler.</summary>
    public static IServiceCollection AddCompare(this IServiceCollection services)
    {
        services.AddScoped<CompareHandler>();
        return services;
    }
}
