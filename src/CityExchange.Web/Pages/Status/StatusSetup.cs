namespace CityExchange.Web.Pages.Status;

public static class StatusSetup
{
    /// <summary>
    /// Error statuses of pages (404 for an unknown city or year, …) render the localised status page
    /// <c>/Status/{code}</c>; API paths keep their JSON problem details.
    /// </summary>
    public static WebApplication UseStatusPages(this WebApplication app)
    {
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                       && !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase),
            branch => branch.UseStatusCodePagesWithReExecute("/Status/{0}"));
        return app;
    }
}
