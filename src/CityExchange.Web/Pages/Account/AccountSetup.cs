using CityExchange.Web.Hosting;
using CityExchange.Web.Pages.Admin;
using CityExchange.Web.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityExchange.Web.Pages.Account;

/// <summary>
/// ASP.NET Core Identity on the app's own database. Browsing stays anonymous; the folders <c>/Upload</c> and
/// <c>/Imports</c> need Editor or Admin, <c>/Admin</c> needs Admin. Cookies are HttpOnly, SameSite=Lax and
/// Secure outside Development. Failed sign-ins count per account and client (<see cref="FailedSignInLimiter"/>), never
/// per account alone, so nobody can lock someone else out; Identity's lockout is only the admin's lock.
/// </summary>
public static class AccountSetup
{
    public const int MinimumPasswordLength = 12;

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.Section));
        services.AddIdentity<IdentityUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                // Lockout stays enabled for the admin page's lock; failures never lock (PasswordSignIn passes lockoutOnFailure: false).
                options.Lockout.AllowedForNewUsers = true;
                // Length over composition rules (NIST SP 800-63B).
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
            })
            .AddEntityFrameworkStores<CityExchangeDbContext>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "CityExchange.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // The handler builds an absolute URL from the request's Host header; a forged Host would be echoed into
            // Location. A relative redirect never names a host (docs/security.md).
            options.Events.OnRedirectToLogin = context => RedirectRelative(context);
            options.Events.OnRedirectToAccessDenied = context => RedirectRelative(context, StatusCodes.Status403Forbidden);
            options.Events.OnRedirectToLogout = context => RedirectRelative(context);
            options.Events.OnRedirectToReturnUrl = context => RedirectRelative(context);
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IHostEnvironment>((options, environment) =>
                options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        // A lock or a removed role takes effect within a minute on every signed-in browser.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            .AddPolicy(AccountPolicies.Editors, policy => policy.RequireRole(Roles.Editor, Roles.Admin))
            .AddPolicy(AccountPolicies.Admins, policy => policy.RequireRole(Roles.Admin));
        // PostConfigure: AddRazorPages' own setup replaces the convention collection, and may be registered after this.
        services.PostConfigure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/Upload", AccountPolicies.Editors);
            options.Conventions.AuthorizeFolder("/Imports", AccountPolicies.Editors);
            options.Conventions.AuthorizeFolder("/Admin", AccountPolicies.Admins);
        });

        services.AddSingleton<FailedSignInLimiter>();
        services.AddSingleton<DummyPasswordHash>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<AccountBootstrap>();
        services.AddScoped<UserAdministration>();
        return services;
    }

    /// <summary>Redirects to the path and query of the handler's target, without scheme or host.</summary>
    internal static Task RedirectRelative(RedirectContext<CookieAuthenticationOptions> context, int scriptStatus = StatusCodes.Status401Unauthorized)
    {
        var target = Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri;
        // As the default handler does: a script's request gets 401 (403 when denied) with the Location instead of a redirect.
        if (string.Equals(context.Request.Headers.XRequestedWith, "XMLHttpRequest", StringComparison.Ordinal))
        {
            context.Response.Headers.Location = target;
            context.Response.StatusCode = scriptStatus;
        }
        else
        {
            context.Response.Redirect(target);
        }

        return Task.CompletedTask;
    }

    /// <summary>Creates the roles and, while no admin exists, the admin named by <c>Admin:Email</c>/<c>Admin:Password</c>.</summary>
    public static async Task InitialiseAccountsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var bootstrap = scope.ServiceProvider.GetRequiredService<AccountBootstrap>();
        await bootstrap.EnsureRolesAsync();
        await bootstrap.EnsureConfiguredAdminAsync();
    }

    /// <summary>
    /// Runs <c>create-admin &lt;email&gt; [password]</c> (password from standard input when left out) and returns true,
    /// or returns false when the arguments name no command.
    /// </summary>
    public static async Task<bool> RunAccountCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "create-admin")
        {
            return false;
        }

        if (args.Length < 2)
        {
            await Console.Error.WriteLineAsync("Usage: create-admin <email> [password]   (the password is read from standard input when left out)");
            Environment.ExitCode = 2;
            return true;
        }

        var password = args.Length > 2 ? args[2] : (await Console.In.ReadLineAsync())?.Trim() ?? string.Empty;
        await using var scope = app.Services.CreateAsyncScope();
        var bootstrap = scope.ServiceProvider.GetRequiredService<AccountBootstrap>();
        await bootstrap.EnsureRolesAsync();
        var result = await bootstrap.CreateOrPromoteAdminAsync(args[1], password);
        if (result.Succeeded)
        {
            await Console.Out.WriteLineAsync($"Admin {args[1]} is ready.");
        }
        else
        {
            await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
            Environment.ExitCode = 1;
        }

        return true;
    }
}

/// <summary>Configuration section <c>Admin</c>: the first admin, used only while no admin exists. No default.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    public string? Email { get; set; }

    public string? Password { get; set; }
}
