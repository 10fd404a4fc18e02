using CityExchange.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CityExchange.Web.Pages.Account;

/// <summary>Creates the roles and the first admin (from configuration or the <c>create-admin</c> command).</summary>
public sealed class AccountBootstrap(
    UserManager<IdentityUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<AdminOptions> adminOptions,
    ILogger<AccountBootstrap> logger)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }
    }

    /// <summary><c>Admin:Email</c> and <c>Admin:Password</c> are used only while no user has the Admin role.</summary>
    public async Task EnsureConfiguredAdminAsync()
    {
        var options = adminOptions.Value;
        if (string.IsNullOrWhiteSpace(options.Email) || string.IsNullOrEmpty(options.Password))
        {
            if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count == 0)
            {
                logger.LogWarning("No admin account exists: set Admin:Email and Admin:Password, or run the create-admin command");
            }

            return;
        }

        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        Check(await CreateOrPromoteAdminAsync(options.Email, options.Password), $"create the admin {options.Email} from configuration");
        logger.LogWarning("Created the admin {Email} from configuration; remove Admin:Password from the configuration now", options.Email);
    }

    /// <summary>Creates the user with <paramref name="password"/>, or sets the password of an existing one, and gives it the Admin role.</summary>
    public async Task<IdentityResult> CreateOrPromoteAdminAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        IdentityResult result;
        if (user is null)
        {
            user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            result = await users.CreateAsync(user, password);
        }
        else
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            result = await users.ResetPasswordAsync(user, token, password);
        }

        if (result.Succeeded && !await users.IsInRoleAsync(user, Roles.Admin))
        {
            result = await users.AddToRoleAsync(user, Roles.Admin);
        }

        return result;
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
