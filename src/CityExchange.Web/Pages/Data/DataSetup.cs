namespace CityExchange.Web.Pages.Data;

public static class DataSetup
{
    /// <summary>Registers the data package's builder.</summary>
    public static IServiceCollection AddDataPackage(this IServiceCollection services)
    {
        services.AddScoped<DataPackageBuilder>();
        services.AddSingleton<LatestDataPackage>();
        return services;
    }
}
