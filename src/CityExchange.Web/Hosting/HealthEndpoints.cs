using CityExchange.Web.Store;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CityExchange.Web.Hosting;

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
        // Never rate limited: load balancers and orchestrators poll these.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) }).DisableRateLimiting();
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) }).DisableRateLimiting();
        return app;
    }
}
