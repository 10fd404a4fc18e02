namespace CityExchange.Web.Hosting;

/// <summary>
/// Adds the security headers to every response — pages, API, errors and static files alike — so it runs first.
/// The Content-Security-Policy allows scripts, styles, fonts and connections only from this origin: pages carry no
/// inline script, and chart data travels as JSON blocks.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // The API reference (/api/docs) has its own, nonce-based policy; everything else this one.
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(OpenApiSetup.DocsPath)
                    ? OpenApiSetup.DocsContentSecurityPolicy(context)
                    : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.XFrameOptions = "DENY";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            await next(context);
        });
}
