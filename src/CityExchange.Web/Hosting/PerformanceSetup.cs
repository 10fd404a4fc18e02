using System.Globalization;
using System.IO.Compression;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace CityExchange.Web.Hosting;

/// <summary>
/// Caching and transfer size: the ranking cache, Brotli/Gzip response compression and the static files' cache lifetimes.
/// </summary>
public static class PerformanceSetup
{
    /// <summary>Versioned static URLs (<c>asp-append-version</c> adds <c>?v=hash</c>) never change: a year, immutable.</summary>
    public const string VersionedCacheControl = "public, max-age=31536000, immutable";

    /// <summary>An unversioned static URL (e.g. a module imported by another) may change with a deployment: five minutes, then revalidate.</summary>
    public const string UnversionedCacheControl = "public, max-age=300";

    /// <summary>The cookie that marks a signed-in user (AccountSetup); their responses are not compressed over HTTPS.</summary>
    public const string AuthCookie = "CityExchange.Auth";

    /// <summary>
    /// The output-cache policy of the public pages and the ranking API (<c>.CacheOutput(...)</c>, <c>[OutputCache]</c>):
    /// <c>/</c>, <c>/Rankings</c>, <c>/Compare</c> and <c>GET /api/rankings/{year}</c>.
    /// </summary>
    public const string PublicCachePolicy = "public";

    public static IServiceCollection AddPerformance(this IServiceCollection services)
    {
        services.AddOptions<PerformanceOptions>().BindConfiguration(PerformanceOptions.Section);
        services.AddSingleton<RankingCache>();
        services.AddSingleton<DataStamp>();
        services.AddSingleton<DataChangeInterceptor>();
        // On the provider-specific context types: their options are the ones the app builds (StoreSetup).
        services.ConfigureDbContext<SqliteCityExchangeDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<DataChangeInterceptor>()));
        services.ConfigureDbContext<PostgresCityExchangeDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<DataChangeInterceptor>()));
        services.AddOutputCache(options =>
        {
            options.SizeLimit = 64L * 1024 * 1024;
            options.MaximumBodySize = 8L * 1024 * 1024;
            options.DefaultExpirationTimeSpan = TimeSpan.FromMinutes(10);
            // Keyed by URL (all query values), culture and the data stamp. The default policy inside still refuses
            // signed-in users, Authorization headers and responses that set cookies; MayCompress also refuses any
            // request with the sign-in cookie, valid or not: its response is neither shared nor compressed, and
            // cached entries are kept compressed.
            options.AddPolicy(PublicCachePolicy, policy => policy
                .With(context => CompressionPolicy.MayCompress(context.HttpContext.Request))
                .SetVaryByQuery("*")
                // Kept compressed (UsePerformanceCaching), so one entry per encoding asked for.
                .SetVaryByHeader(HeaderNames.AcceptEncoding)
                .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))
                .VaryByValue(async (context, cancellationToken) => new KeyValuePair<string, string>("data",
                    await context.RequestServices.GetRequiredService<DataStamp>().GetAsync(context.RequestServices, cancellationToken))));
        });
        services.AddResponseCompression(options =>
        {
            // HTTPS responses are compressed only when CompressionPolicy says so (see there: BREACH).
            options.EnableForHttps = false;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "text/csv"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<StaticFileOptions>(options => options.OnPrepareResponse = context =>
            context.Context.Response.Headers.CacheControl = context.Context.Request.Query.ContainsKey("v")
                ? VersionedCacheControl
                : UnversionedCacheControl);
        return services;
    }

    /// <summary>
    /// The output cache; call after <c>UseAuthorization</c> (it needs the signed-in user and the request's culture).
    /// Responses are compressed inside it as well, so a cached page is kept compressed and a hit only copies bytes:
    /// compressing again on every hit cost most of a request for the 1.8 MB ranking of a 5,000-city year (228 req/s
    /// against 1,061 uncompressed). The outer compression (<see cref="UsePerformance"/>) leaves a response that already
    /// has a Content-Encoding alone.
    /// </summary>
    public static IApplicationBuilder UsePerformanceCaching(this IApplicationBuilder app)
    {
        app.UseOutputCache();
        return app.UseCompression();
    }

    /// <summary>Response compression; call before <c>UseStaticFiles</c> so static files are compressed too.</summary>
    public static IApplicationBuilder UsePerformance(this IApplicationBuilder app) => app.UseCompression();

    private static IApplicationBuilder UseCompression(this IApplicationBuilder app)
    {
        app.UseResponseCompression();
        app.Use((context, next) =>
        {
            if (context.Features.Get<IHttpsCompressionFeature>() is { } https)
            {
                https.Mode = CompressionPolicy.MayCompress(context.Request) ? HttpsCompressionMode.Compress : HttpsCompressionMode.DoNotCompress;
            }

            return next(context);
        });
        return app;
    }
}

/// <summary>
/// Which HTTPS responses may be compressed. BREACH recovers a secret from a compressed response that also reflects
/// attacker-chosen text, by watching its length over many requests. Anonymous GET/HEAD responses carry no per-user
/// secret (the only token on them, the antiforgery field of a form, is encrypted afresh for every response), so they
/// are compressed; responses to a signed-in user (auth cookie present) and to any other method are not.
/// Plain HTTP is always compressed (there is nothing to protect from an observer who sees the plain text).
/// </summary>
public static class CompressionPolicy
{
    public static bool MayCompress(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !request.Cookies.ContainsKey(PerformanceSetup.AuthCookie);
}
