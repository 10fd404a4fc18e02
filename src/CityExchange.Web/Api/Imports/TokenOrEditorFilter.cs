using CityExchange.Web.Accounts;
using CityExchange.Web.Security;

namespace CityExchange.Web.Api.Imports;

/// <summary>
/// For read-only history endpoints: a signed-in Editor or Admin (cookie) may pass; anyone else needs the bearer
/// token, exactly as <see cref="ApiTokenFilter"/> checks it (401 without, 403 when no token is configured).
/// </summary>
public sealed class TokenOrEditorFilter(IConfiguration configuration, FailedTokenLimiter failures) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated == true && (user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin)))
        {
            return await next(context);
        }

        return await new ApiTokenFilter(configuration, failures).InvokeAsync(context, next);
    }
}
