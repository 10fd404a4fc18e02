using Microsoft.AspNetCore.Identity;

namespace CityExchange.Web.Pages.Account;

/// <summary>
/// Signs in with a password so that a stranger learns nothing about which accounts exist or are locked: an unknown
/// name, a locked account and a wrong password each cost one password verification with the app's
/// <see cref="IPasswordHasher{TUser}"/> and end the same way (false). Failures count per account and client
/// (<see cref="FailedSignInLimiter"/>); Identity's own failure lockout is not used.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<IdentityUser> signIn,
    IPasswordHasher<IdentityUser> hasher,
    DummyPasswordHash dummy,
    FailedSignInLimiter failures)
{
    /// <summary>Signs the user in (cookie set) and returns true, or returns false for any kind of refusal.</summary>
    public async Task<bool> SignInAsync(string userName, string password, string client)
    {
        var attempt = new SignInAttempt(signIn.UserManager.NormalizeName(userName), client);
        // The same for every name, known or not, so refusing early tells nothing about the account.
        if (failures.IsExhausted(attempt))
        {
            return false;
        }

        var user = await signIn.UserManager.FindByNameAsync(userName);
        var result = user is null
            ? SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            return true;
        }

        if (user is null || result.IsLockedOut || result.IsNotAllowed)
        {
            // Identity checked no password for these: verify one anyway, so they take as long as a wrong password.
            hasher.VerifyHashedPassword(DummyPasswordHash.User, dummy.Hash(hasher), password);
        }

        failures.Fail(attempt);
        return false;
    }
}

/// <summary>A hash of a random password, made once per app by its own hasher, for <see cref="PasswordSignIn"/> to verify against.</summary>
public sealed class DummyPasswordHash
{
    public static readonly IdentityUser User = new() { UserName = "dummy" };

    private string? _hash;

    public string Hash(IPasswordHasher<IdentityUser> hasher) =>
        LazyInitializer.EnsureInitialized(ref _hash, () => hasher.HashPassword(User, Guid.NewGuid().ToString("N")));
}
