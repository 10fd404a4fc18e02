using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using CityExchange.Web.Pages.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CityExchange.Web.Hosting;

/// <summary>
/// <c>Authorization: Bearer &lt;Import:ApiToken&gt;</c> as an authentication scheme. The comparison takes the same time
/// whatever the token; a client with too many failed attempts (<c>RateLimits:FailedTokenAttemptsPerMinute</c>) is
/// refused before any comparison. What went wrong is left in <see cref="HttpContext.Items"/> for
/// <see cref="ApiTokenResultHandler"/>, which answers with the API's problem bodies.
/// </summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IConfiguration configuration,
    FailedTokenLimiter failures) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    public const string ConfigurationKey = "Import:ApiToken";

    internal const string OutcomeItem = "CityExchange.ApiTokenOutcome";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var expected = configuration[ConfigurationKey];
        if (string.IsNullOrEmpty(expected))
        {
            Context.Items[OutcomeItem] = ApiTokenOutcome.NotConfigured;
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        using (var lease = failures.Check(RateLimits.ClientAddress(Context)))
        {
            if (!lease.IsAcquired)
            {
                Context.Items[OutcomeItem] = new ApiTokenOutcome.TooManyFailures(
                    lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : failures.Window);
                return Task.FromResult(AuthenticateResult.Fail("Too many failed token attempts."));
            }
        }

        var header = Request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        var presented = header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? header[bearer.Length..].Trim() : string.Empty;
        if (!Matches(presented, expected))
        {
            Context.Items[OutcomeItem] = ApiTokenOutcome.Missing;
            return Task.FromResult(presented.Length == 0 ? AuthenticateResult.NoResult() : AuthenticateResult.Fail("Wrong bearer token."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <summary>Hashing first makes both sides the same length, so FixedTimeEquals leaks neither content nor length.</summary>
    internal static bool Matches(string presented, string expected) =>
        presented.Length > 0 && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}

/// <summary>Why a request did not authenticate with the API token.</summary>
public abstract record ApiTokenOutcome
{
    /// <summary>No <c>Import:ApiToken</c> is configured: the API's writes are disabled (403).</summary>
    public static ApiTokenOutcome NotConfigured { get; } = new Disabled();

    /// <summary>No token, or a wrong one (401, counted as a failed attempt).</summary>
    public static ApiTokenOutcome Missing { get; } = new MissingOrWrong();

    public sealed record Disabled : ApiTokenOutcome;

    public sealed record MissingOrWrong : ApiTokenOutcome;

    /// <summary>The client has used up its failed attempts (429 with Retry-After).</summary>
    public sealed record TooManyFailures(TimeSpan RetryAfter) : ApiTokenOutcome;
}

/// <summary>The authorisation policies of the API, attached to endpoints with <c>.RequireAuthorization(...)</c>.</summary>
public static class ApiPolicies
{
    /// <summary>The bearer token only (the API's writes).</summary>
    public const string Token = "token";

    /// <summary>A signed-in Editor or Admin (cookie), or the bearer token (the import history).</summary>
    public const string EditorOrToken = "editor or token";

    public static IServiceCollection AddApiTokenAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Token, policy => policy.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(EditorOrToken, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, ApiTokenHandler.SchemeName)
                .RequireAssertion(context => context.User.IsInRole(Roles.Editor) || context.User.IsInRole(Roles.Admin)
                    || context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == ApiTokenHandler.SchemeName)));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiTokenResultHandler>();
        return services;
    }

    /// <summary>
    /// What every API write carries, in one place: the bearer token, the upload rate limit, and no antiforgery (a
    /// token request has no cookie to forge). <c>EndpointPolicyTests</c> checks each mutating endpoint has it.
    /// </summary>
    public static TBuilder AsTokenWrite<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Token).RequireRateLimiting(RateLimits.UploadPolicy).DisableAntiforgery();
}

/// <summary>
/// Answers a refused API-token request with the API's bodies: 403 problem when no token is configured, 429 with
/// Retry-After after too many failures, else 401 with <c>WWW-Authenticate: Bearer</c> (the attempt counted). Any other
/// refusal (the pages' cookie policies) goes to the default handler: a redirect to the login page.
/// </summary>
public sealed class ApiTokenResultHandler(FailedTokenLimiter failures) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || !policy.AuthenticationSchemes.Contains(ApiTokenHandler.SchemeName)
            || context.Items[ApiTokenHandler.OutcomeItem] is not ApiTokenOutcome outcome)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        IResult problem;
        switch (outcome)
        {
            case ApiTokenOutcome.Disabled:
                problem = Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Imports through the API are disabled",
                    detail: $"Set {ApiTokenHandler.ConfigurationKey} to enable them.");
                break;
            case ApiTokenOutcome.TooManyFailures tooMany:
                problem = RateLimits.TooManyRequests(context, tooMany.RetryAfter);
                break;
            default:
                failures.Fail(RateLimits.ClientAddress(context));
                context.Response.Headers.WWWAuthenticate = "Bearer";
                problem = Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Missing or wrong bearer token");
                break;
        }

        await problem.ExecuteAsync(context);
    }
}
