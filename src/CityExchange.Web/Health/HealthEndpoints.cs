using CityExchange.Web.Store;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CityExchange.Web.Health;

/// <summary><c>/health/live</c>: the process is up. <c>/health/ready</c> and <c>/health</c>: the database answers. Anonymous.</summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddCityExchangeHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<CityExchangeDbContext>("database", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapCityExchangeHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        return app;
    }
}
