using System.Net;
using CityExchange.Web.Store;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Serilog;
using Serilog.Events;

namespace CityExchange.Web.Hosting;

/// <summary>Configuration section <c>Proxy</c>: the reverse proxies whose <c>X-Forwarded-For</c>/<c>-Proto</c> headers are trusted.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Addresses of trusted proxies, e.g. <c>["10.0.0.5"]</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>["10.0.0.0/24"]</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a chain are unwound (the default 1: one proxy in front of the app).</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool Enabled => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
}

/// <summary>
/// What running several instances behind a reverse proxy needs: a data-protection key ring shared through the
/// database (cookies and antiforgery tokens valid on every instance), forwarded headers from trusted proxies only,
/// a bounded graceful shutdown, request logs with the client and user, and the rate limits.
/// </summary>
public static class DeploymentSetup
{
    /// <summary>The application name every instance shares, so they read each other's data-protection payloads.</summary>
    public const string ApplicationName = "CityExchange";

    public static IServiceCollection AddCityExchangeDeployment(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<CityExchangeDbContext>();

        var proxy = configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = proxy.ForwardLimit;
            foreach (var address in proxy.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in proxy.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        // SIGTERM: Kestrel stops taking requests and lets those in flight (an import) finish for this long; one still
        // running then is aborted, and its transaction rolls back.
        var shutdown = configuration.GetValue("Host:ShutdownTimeoutSeconds", 30);
        services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(shutdown));

        services.AddCityExchangeRateLimits();
        services.AddApiTokenAuthentication();
        return services;
    }

    /// <summary>Forwarded headers, only when <c>Proxy:KnownProxies</c> or <c>Proxy:KnownNetworks</c> is set. Must come first.</summary>
    public static IApplicationBuilder UseCityExchangeForwardedHeaders(this WebApplication app)
    {
        var proxy = app.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        return proxy.Enabled ? app.UseForwardedHeaders() : app;
    }

    /// <summary>
    /// One log event per request, with the client address and the user (never headers, cookies, query strings or
    /// bodies). A request the client gave up on (Explore cancels its fetch as a slider moves) is one Information event
    /// saying so, status 499, not an error with a stack trace: the client is gone, nothing failed.
    /// </summary>
    public static IApplicationBuilder UseCityExchangeRequestLogging(this IApplicationBuilder app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            // The default template, with "responded" made a property so a cancelled request can say so instead.
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} {Outcome:l} {StatusCode} in {Elapsed:0.0000} ms";
            options.GetLevel = (context, _, exception) =>
                ClientCancelled(context) ? LogEventLevel.Information
                : exception is not null || context.Response.StatusCode > 499 ? LogEventLevel.Error
                : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("Outcome", ClientCancelled(context) ? "was cancelled by the client, status" : "responded");
                diagnostics.Set("ClientIp", RateLimits.ClientAddress(context));
                diagnostics.Set("User", context.User.Identity?.Name ?? "anonymous");
            };
        });

        // Inside the request log: the exception a cancelled request unwinds with ends here (as ASP.NET Core's own
        // exception handler treats it: an OperationCanceledException or IOException once the request is aborted), so
        // the request log sees a 499 and no error page is rendered for a client that is not there.
        return app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
            {
                if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
                {
                    statusPages.Enabled = false;
                }

                if (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
                }
            }
        });
    }

    private static bool ClientCancelled(HttpContext context) => context.RequestAborted.IsCancellationRequested;
}
