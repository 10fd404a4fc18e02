using System.Security.Cryptography;
using System.Text;
using CityExchange.Web.Security;

namespace CityExchange.Web.Api.Imports;

/// <summary>
/// Guards write endpoints with <c>Authorization: Bearer &lt;Import:ApiToken&gt;</c>: no token configured → 403,
/// missing or wrong → 401. The comparison takes the same time whatever the token. A client with too many failed
/// attempts (<c>RateLimits:FailedTokenAttemptsPerMinute</c>) gets 429 with Retry-After, before any comparison.
/// </summary>
public sealed class ApiTokenFilter(IConfiguration configuration, FailedTokenLimiter failures) : IEndpointFilter
{
    public const string ConfigurationKey = "Import:ApiToken";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = configuration[ConfigurationKey];
        if (string.IsNullOrEmpty(expected))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Imports through the API are disabled",
                detail: $"Set {ConfigurationKey} to enable them.");
        }

        var client = RateLimits.ClientAddress(context.HttpContext);
        using (var lease = failures.Check(client))
        {
            if (!lease.IsAcquired)
            {
                return RateLimits.TooManyRequests(context.HttpContext, lease, failures.Window);
            }
        }

        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        var presented = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : string.Empty;
        if (!Matches(presented, expected))
        {
            failures.Fail(client);
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Missing or wrong bearer token");
        }

        return await next(context);
    }

    /// <summary>Hashing first makes both sides the same length, so FixedTimeEquals leaks neither content nor length.</summary>
    internal static bool Matches(string presented, string expected) =>
        presented.Length > 0 && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
