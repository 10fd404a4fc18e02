namespace CityExchange.Web.Hosting;

/// <summary>
/// Adds the security headers to every response — pages, API, errors and static files alike — so it runs first.
/// The Content-Security-Policy allows scripts, styles, fonts and connections only from this origin: pages carry no
/// inline script, and chart data travels as JSON blocks. Framing is refused everywhere (<c>frame-ancestors 'none'</c>,
/// <c>X-Frame-Options: DENY</c>) except on endpoints marked <see cref="AllowFramingAttribute"/> (the <c>/Embed/*</c>
/// pages), which any site may frame: this is the one place that decides it.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>The policy of a page made to be framed by other sites: the same, except that any site may frame it.</summary>
    public const string FramableContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; frame-ancestors *; form-action 'self'";

    /// <summary>
    /// Whether the response may be framed by another site: only when the endpoint that answers is marked
    /// <see cref="AllowFramingAttribute"/>. Decided when the response starts, so a status page re-executed for an
    /// embed's 404 (another endpoint) is not framable, and a request that matched no endpoint never is.
    /// </summary>
    public static bool AllowsFraming(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<AllowFramingAttribute>() is not null;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // The API reference (/api/docs) has its own, nonce-based policy; everything else this one.
                var framable = AllowsFraming(context);
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(OpenApiSetup.DocsPath)
                    ? OpenApiSetup.DocsContentSecurityPolicy(context)
                    : framable ? FramableContentSecurityPolicy : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                if (framable)
                {
                    // X-Frame-Options has no "any site" value: frame-ancestors alone says it.
                    headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.XFrameOptions);
                }
                else
                {
                    headers.XFrameOptions = "DENY";
                }

                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            await next(context);
        });
}

/// <summary>
/// Marks a page that other sites may show in an <c>&lt;iframe&gt;</c> (<c>frame-ancestors *</c>, no X-Frame-Options):
/// the embeds under <c>/Embed/</c>. Everything else stays unframable (<see cref="SecurityHeaders"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class AllowFramingAttribute : Attribute;
