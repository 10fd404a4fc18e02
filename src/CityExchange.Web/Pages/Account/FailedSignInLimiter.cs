using System.Threading.RateLimiting;
using CityExchange.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CityExchange.Web.Pages.Account;

/// <summary>One account as one client tries it: the normalised user name and the client's address.</summary>
public readonly record struct SignInAttempt(string NormalizedUserName, string Client);

/// <summary>
/// Counts failed sign-ins per account <em>and</em> client (ASP.NET Core's partitioned rate limiter, one fixed window
/// per pair). Only failures consume permits; a pair that has used them up is refused before any password is checked,
/// until its window ends. Other clients keep their own permits, so a stranger's wrong passwords cannot lock an editor
/// out, which Identity's per-account lockout would.
/// </summary>
public sealed class FailedSignInLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<SignInAttempt> _limiter = PartitionedRateLimiter.Create<SignInAttempt, SignInAttempt>(attempt =>
        RateLimitPartition.GetFixedWindowLimiter(attempt, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.FailedSignInsPerAccountAndClient),
            Window = options.Value.FailedSignInWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>True when <paramref name="attempt"/>'s pair has used up its failures (consumes nothing).</summary>
    public bool IsExhausted(SignInAttempt attempt)
    {
        using var lease = _limiter.AttemptAcquire(attempt, 0);
        return !lease.IsAcquired;
    }

    /// <summary>Records a failed sign-in.</summary>
    public void Fail(SignInAttempt attempt)
    {
        using var lease = _limiter.AttemptAcquire(attempt, 1);
    }

    public void Dispose() => _limiter.Dispose();
}
