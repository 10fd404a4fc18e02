using Microsoft.AspNetCore.Identity;

namespace CityExchange.Web.Tests.Pages.Account;

/// <summary>The app's password hasher, counting its calls: how a test sees that a sign-in did verify a password.</summary>
public sealed class CountingPasswordHasher(IPasswordHasher<IdentityUser> inner, CountingPasswordHasher.Counts counts) : IPasswordHasher<IdentityUser>
{
    public string HashPassword(IdentityUser user, string password)
    {
        counts.Hashed();
        return inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(IdentityUser user, string hashedPassword, string providedPassword)
    {
        counts.Verified();
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }

    /// <summary>Shared by every scope's hasher of one app.</summary>
    public sealed class Counts
    {
        private int _hashes;
        private int _verifications;

        public int Hashes => Volatile.Read(ref _hashes);

        public int Verifications => Volatile.Read(ref _verifications);

        internal void Hashed() => Interlocked.Increment(ref _hashes);

        internal void Verified() => Interlocked.Increment(ref _verifications);
    }
}
