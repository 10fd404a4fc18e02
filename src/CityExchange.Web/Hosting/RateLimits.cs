using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CityExchange.Web.Hosting;

/// <summary>
/// Configuration section <c>RateLimits</c>: permits per client in each window (fixed windows). Rejections answer 429
/// with <c>Retry-After</c>. Health endpoints are never limited.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Wrong or missing bearer tokens per client IP; once used up, the API answers 429 even to the right token until the window ends.</summary>
    public int FailedTokenAttemptsPerMinute { get; set; } = 10;

    /// <summary>Posts of the login form per client IP (successful or not).</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>
    /// Failed sign-ins per account and client IP; once used up, that client is refused for that account (the same
    /// message as a wrong password) until <see cref="FailedSignInWindowMinutes"/> after its first failure. Other
    /// clients are not affected.
    /// </summary>
    public int FailedSignInsPerAccountAndClient { get; set; } = 5;

    /// <summary>The window of <see cref="FailedSignInsPerAccountAndClient"/>, in minutes.</summary>
    public int FailedSignInWindowMinutes { get; set; } = 15;

    public TimeSpan FailedSignInWindow => TimeSpan.FromMinutes(Math.Max(1, FailedSignInWindowMinutes));

    /// <summary>Uploads (the upload page's file post and every PUT of the API) per signed-in user, or per client IP for the API.</summary>
    public int UploadsPerMinute { get; set; } = 20;

    /// <summary>
    /// Anonymous requests per second per client IP, sustained: every page and API request that reaches the app
    /// (static files, health checks and signed-in users are not counted). A token bucket of
    /// <see cref="RequestBurstPerClient"/> refilled at this rate, so a person browsing never meets it while one
    /// address in a loop gets no more than its share of the cores.
    /// </summary>
    public int RequestsPerSecondPerClient { get; set; } = 10;

    /// <summary>The bucket: how many requests one client may make at once before the rate applies.</summary>
    public int RequestBurstPerClient { get; set; } = 100;

    /// <summary>
    /// Requests of a client over its rate that wait for a token instead of being refused (a client in a loop is slowed
    /// down, not answered faster with errors); beyond them, 429 with <c>Retry-After</c>.
    /// </summary>
    public int RequestQueuePerClient { get; set; } = 20;

    public TokenBucketRateLimiterOptions ClientLimiter()
    {
        var perSecond = Math.Max(1, RequestsPerSecondPerClient);
        // One token at a time, evenly spaced, rather than a second's worth at each tick: queued requests leave smoothly.
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, RequestBurstPerClient),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, TimeSpan.TicksPerSecond / perSecond)),
            QueueLimit = Math.Max(0, RequestQueuePerClient),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };
    }

    /// <summary>The window length in seconds (one minute unless changed; the names above assume it).</summary>
    public int WindowSeconds { get; set; } = 60;

    public TimeSpan Window => TimeSpan.FromSeconds(Math.Max(1, WindowSeconds));

    public FixedWindowRateLimiterOptions Limiter(int permits) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>
/// ASP.NET Core rate limiting: a per-client budget for every anonymous request (the global limiter, which endpoints
/// opt out of with <c>.DisableRateLimiting()</c> metadata, as the health checks do); logins, uploads and analyses as
/// named policies each endpoint carries (<c>.RequireRateLimiting(...)</c>, <c>[EnableRateLimiting(...)]</c>); and the
/// failed-token counter the API-token authentication consults.
/// </summary>
public static class RateLimits
{
    public const string LoginPolicy = "login";

    /// <summary>Per signed-in user, or per client IP for the API: the upload page's file post and the API's writes.</summary>
    public const string UploadPolicy = "upload";

    /// <summary>
    /// The analyses that cost up to seconds of CPU (uncertainty, bounds, targets, clustering, …): at most
    /// <see cref="AnalysisConcurrency"/> run at once over the whole server, <see cref="AnalysisQueue"/> wait; beyond that
    /// 429 with <c>Retry-After</c>, so no burst of anonymous requests can pin every core.
    /// </summary>
    public const string AnalysisPolicy = "analysis";

    /// <summary>Half the cores (at least one): analyses never take every core from the readers of ordinary pages.</summary>
    public static readonly int AnalysisConcurrency = Math.Max(1, Environment.ProcessorCount / 2);

    public const int AnalysisQueue = 8;

    /// <summary>What a refused analysis is told to wait: a running one takes about a second at the documented scale.</summary>
    public static readonly TimeSpan AnalysisRetryAfter = TimeSpan.FromSeconds(2);

    public static IServiceCollection AddCityExchangeRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddSingleton<FailedTokenLimiter>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                // Only the concurrency limiter's refusal carries no Retry-After: the per-client, login and upload
                // limiters all say when their next permit comes.
                var perClient = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out _);
                var analysis = !perClient && http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == AnalysisPolicy;
                var window = analysis ? AnalysisRetryAfter : http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Window;
                var refusal = TooManyRequests(http, context.Lease, window, analysis);
                // A page (the login or upload form, an analysis page) answers with the localised status page, which the
                // status-code pages render for a 429 without a body; the API answers problem+json.
                return http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    ? new ValueTask(refusal.ExecuteAsync(http))
                    : ValueTask.CompletedTask;
            };

            // Every anonymous client's share: signed-in editors and admins are not counted (they are few and known).
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                // The status page a refused page re-executes to is part of that refusal, not another request.
                if (context.User.Identity is { IsAuthenticated: true } || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetTokenBucketLimiter("client:" + ClientAddress(context), _ => limits.ClientLimiter());
            });

            options.AddConcurrencyLimiter(AnalysisPolicy, limiter =>
            {
                limiter.PermitLimit = AnalysisConcurrency;
                limiter.QueueLimit = AnalysisQueue;
                limiter.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });

            // Uploads: only writes count; the upload page's GET and its other handlers (preview, templates) pass.
            options.AddPolicy(UploadPolicy, context =>
            {
                if (!IsUpload(context.Request))
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter("upload:" + UserOrClient(context), _ => limits.Limiter(limits.UploadsPerMinute));
            });

            // Logins: only the form's POST counts; showing the form does not.
            options.AddPolicy(LoginPolicy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter("login:" + ClientAddress(context), _ => limits.Limiter(limits.LoginAttemptsPerMinute));
            });
        });

        return services;
    }

    /// <summary>The client's address as the app sees it (after forwarded headers from a trusted proxy).</summary>
    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>429 with <c>Retry-After</c> (whole seconds, from the limiter when it says, else the window).</summary>
    public static IResult TooManyRequests(HttpContext context, RateLimitLease lease, TimeSpan window, bool analysis = false) =>
        TooManyRequests(context, lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window, analysis);

    /// <summary>429 with <c>Retry-After</c> in whole seconds (at least one), in the reader's language.</summary>
    public static IResult TooManyRequests(HttpContext context, TimeSpan retryAfter, bool analysis = false)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<HostingText>>();
        return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: text["Too many requests"],
            detail: analysis
                ? text["Too many analyses are running; try again after the time in Retry-After."]
                : text["Too many attempts from this client; try again after the time in Retry-After."]);
    }

    private static string UserOrClient(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name } ? "user:" + name : "ip:" + ClientAddress(context);

    /// <summary>
    /// On an endpoint with the upload policy, what counts: every PUT (the API's uploads) and a POST without a named
    /// handler (the upload page's file post); the page's other handlers and every GET do not.
    /// </summary>
    private static bool IsUpload(HttpRequest request) =>
        HttpMethods.IsPut(request.Method) || (HttpMethods.IsPost(request.Method) && !request.Query.ContainsKey("handler"));
}

/// <summary>
/// Counts failed bearer-token attempts per client IP. Only failures consume permits; when a client has none left it
/// is refused (429) before its token is even compared, until the window ends.
/// </summary>
public sealed class FailedTokenLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => options.Value.Limiter(options.Value.FailedTokenAttemptsPerMinute)));

    public TimeSpan Window => options.Value.Window;

    /// <summary>A failed lease when <paramref name="client"/> has used up its failures (consumes nothing).</summary>
    public RateLimitLease Check(string client) => _limiter.AttemptAcquire(client, 0);

    /// <summary>Records a failed attempt.</summary>
    public void Fail(string client)
    {
        using var lease = _limiter.AttemptAcquire(client, 1);
    }

    public void Dispose() => _limiter.Dispose();
}
