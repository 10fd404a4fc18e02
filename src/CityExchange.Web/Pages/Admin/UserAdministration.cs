using CityExchange.Web.Hosting;
using CityExchange.Web.Pages.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CityExchange.Web.Pages.Admin;

/// <summary>A user as the admin page lists it.</summary>
public sealed record UserSummary(string Id, string Email, IReadOnlyList<string> Roles, DateTimeOffset? LockedUntil, int FailedLogins)
{
    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;
}

/// <summary>What an admin action did: success, or the reasons (localised) it did nothing.</summary>
public sealed record AdminResult(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static AdminResult Ok { get; } = new(true, []);

    public static AdminResult From(IdentityResult result) => new(result.Succeeded, [.. result.Errors.Select(e => e.Description)]);

    public static AdminResult Fail(string error) => new(false, [error]);
}

/// <summary>Admins manage editors: create, reset a password, remove a role, lock and unlock.</summary>
public sealed class UserAdministration(UserManager<IdentityUser> users, IStringLocalizer<AccountText> text, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var list = new List<UserSummary>(all.Count);
        foreach (var user in all)
        {
            var roles = await users.GetRolesAsync(user);
            list.Add(new UserSummary(user.Id, user.Email ?? user.UserName ?? user.Id, [.. roles.Order(StringComparer.Ordinal)], user.LockoutEnd, user.AccessFailedCount));
        }

        return list;
    }

    public async Task<AdminResult> CreateEditorAsync(string email, string password)
    {
        var user = new IdentityUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        return created.Succeeded ? AdminResult.From(await users.AddToRoleAsync(user, Roles.Editor)) : AdminResult.From(created);
    }

    public Task<AdminResult> ResetPasswordAsync(string userId, string password) => WithUserAsync(userId, async user =>
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        return AdminResult.From(result);
    });

    public Task<AdminResult> GrantEditorAsync(string userId) => WithUserAsync(userId, async user =>
        await users.IsInRoleAsync(user, Roles.Editor) ? AdminResult.Ok : AdminResult.From(await users.AddToRoleAsync(user, Roles.Editor)));

    public Task<AdminResult> RemoveRoleAsync(string userId, string role, string actingUserId) => WithUserAsync(userId, async user =>
    {
        if (!Roles.All.Contains(role))
        {
            return AdminResult.Fail(text["Unknown role."]);
        }

        if (role == Roles.Admin && user.Id == actingUserId)
        {
            return AdminResult.Fail(text["You cannot remove your own Admin role."]);
        }

        var result = await users.RemoveFromRoleAsync(user, role);
        if (result.Succeeded)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        return AdminResult.From(result);
    });

    public Task<AdminResult> LockAsync(string userId, string actingUserId) => WithUserAsync(userId, async user =>
    {
        if (user.Id == actingUserId)
        {
            return AdminResult.Fail(text["You cannot lock your own account."]);
        }

        await users.SetLockoutEnabledAsync(user, true);
        var result = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        if (result.Succeeded)
        {
            // Signs the user out everywhere at the next cookie validation.
            await users.UpdateSecurityStampAsync(user);
        }

        return AdminResult.From(result);
    });

    public Task<AdminResult> UnlockAsync(string userId) => WithUserAsync(userId, async user =>
    {
        var result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        return AdminResult.From(result);
    });

    public DateTimeOffset Now => clock.GetUtcNow();

    private async Task<AdminResult> WithUserAsync(string userId, Func<IdentityUser, Task<AdminResult>> action)
    {
        var user = await users.FindByIdAsync(userId);
        return user is null ? AdminResult.Fail(text["No such user."]) : await action(user);
    }
}
