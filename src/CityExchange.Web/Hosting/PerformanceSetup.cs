using System.Globalization;
using System.IO.Compression;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OutputCaching;
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
    /// The output-cache policy of the public pages and reads (<c>.CacheOutput(...)</c>, <c>[OutputCache]</c>): the overview,
    /// rankings, city, compare, methodology, Explore and cluster pages, and the API's rankings, years, cities, analyses
    /// and Explore reads. Pages of one year say so (<see cref="YearScopeAttribute"/>).
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
            // A 20,000-city ranking is 12 MB of JSON (1 MB compressed): kept, so that it is not written afresh for each reader.
            options.SizeLimit = 128L * 1024 * 1024;
            options.MaximumBodySize = 16L * 1024 * 1024;
            options.DefaultExpirationTimeSpan = TimeSpan.FromMinutes(10);
            // Keyed by URL (all query values), culture and the data stamp of what the endpoint reads. The default policy inside still refuses
            // signed-in users, Authorization headers and responses that set cookies; MayCompress also refuses any
            // request with the sign-in cookie, valid or not: its response is neither shared nor compressed, and
            // cached entries are kept compressed.
            options.AddPolicy(PublicCachePolicy, policy => policy
                .With(context => CompressionPolicy.MayCompress(context.HttpContext.Request))
                .SetVaryByQuery("*")
                // Kept compressed (UsePerformanceCaching), so one entry per encoding asked for.
                .SetVaryByHeader(HeaderNames.AcceptEncoding)
                .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))
                // Whether the culture cookie is being set (?culture= differing from the request's cookie): such a
                // response is kept apart, with its Set-Cookie (PreEndpointCookies), from the one for readers who have it.
                .VaryByValue(context => new KeyValuePair<string, string>("sets-cookie", context.Response.Headers.SetCookie.Count > 0 ? "1" : "0"))
                .VaryByValue(async (context, cancellationToken) => new KeyValuePair<string, string>("data",
                    await context.RequestServices.GetRequiredService<DataStamp>().GetAsync(context, cancellationToken)))
                .AddPolicy<PreEndpointCookies>());
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

/// <summary>
/// The output cache refuses every response that sets a cookie, because a cookie may be one reader's. The culture cookie
/// is not: it is set before the endpoint runs (LocalizationSetup), from the URL's own <c>?culture=</c>, so every reader of
/// that URL without the cookie gets the same one. This policy (last in the public policy) lets such a response be stored
/// when the only cookies it sets are those already set when the request reached the cache; a cookie the page sets
/// itself (an antiforgery token) still keeps it out. Without this, every first visit by a language link is rendered
/// afresh.
/// </summary>
public sealed class PreEndpointCookies : IOutputCachePolicy
{
    private const string Key = "CityExchange.PreEndpointCookies";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        if (context.AllowCacheStorage && context.HttpContext.Response.Headers.SetCookie.Count > 0)
        {
            context.HttpContext.Items[Key] = context.HttpContext.Response.Headers.SetCookie.ToString();
        }

        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        if (!context.AllowCacheStorage
            && response.StatusCode == StatusCodes.Status200OK
            && context.HttpContext.Items[Key] is string before
            && response.Headers.SetCookie.ToString() == before)
        {
            context.AllowCacheStorage = true;
        }

        return ValueTask.CompletedTask;
    }
}
