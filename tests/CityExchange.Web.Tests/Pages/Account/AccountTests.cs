using System.Net;
using CityExchange.Web.Hosting;
using CityExchange.Web.Pages.Account;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CityExchange.Web.Tests.Pages.Account;

[Collection(WebTestGroup.Name)]
public sealed class AccountTests(CityExchangeFactory factory)
{
    private static string NewEmail() => $"editor-{Guid.NewGuid():N}@cityexchange.test";

    private async Task<IdentityUser> CreateEditorAsync(string email, string password)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = email, Email = email };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Editor)).Succeeded);
        return user;
    }

    [Fact]
    public async Task Startup_CreatesTheAdminNamedInConfiguration()
    {
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();

        var admin = await users.FindByEmailAsync(CityExchangeFactory.AdminEmail);

        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
        Assert.True(await users.CheckPasswordAsync(admin, CityExchangeFactory.AdminPassword));
    }

    [Fact]
    public async Task Startup_IgnoresTheConfiguredAdminOnceAnAdminExists()
    {
        var other = NewEmail();
        using var restarted = factory.WithWebHostBuilder(b => b
            .UseSetting("Admin:Email", other)
            .UseSetting("Admin:Password", "another-long-passphrase"));
        _ = restarted.Server;

        await using var scope = restarted.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        Assert.Null(await users.FindByEmailAsync(other));
        Assert.Single(await users.GetUsersInRoleAsync(Roles.Admin));
    }

    [Fact]
    public async Task Login_SetsAnHttpOnlySecureSameSiteCookieAndRedirectsToTheReturnUrl()
    {
        using var browser = new BrowserSession(factory);
        var token = await browser.TokenAsync("/Account/Login?ReturnUrl=%2FImports");

        using var response = await browser.PostFormAsync("/Account/Login?ReturnUrl=%2FImports", token,
            ("Input.Email", CityExchangeFactory.AdminEmail), ("Input.Password", CityExchangeFactory.AdminPassword));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Imports", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("CityExchange.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync(new Uri("/Imports", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Login_RefusesAnExternalReturnUrl()
    {
        using var browser = new BrowserSession(factory);
        var token = await browser.TokenAsync("/Account/Login");

        using var response = await browser.PostFormAsync("/Account/Login?ReturnUrl=https%3A%2F%2Fevil.example%2F", token,
            ("Input.Email", CityExchangeFactory.AdminEmail), ("Input.Password", CityExchangeFactory.AdminPassword));

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Login_WrongPasswordIsRefusedWithAMessageInEitherLanguage()
    {
        using var browser = new BrowserSession(factory);

        using var chinese = await browser.LoginAsync(CityExchangeFactory.AdminEmail, "not-the-password");
        var html = await chinese.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, chinese.StatusCode);
        Assert.Contains("电子邮箱或密码错误", html, StringComparison.Ordinal);
        var english = await browser.GetHtmlAsync("/Account/Login?culture=en");
        Assert.Contains("<h1>Sign in</h1>", english, StringComparison.Ordinal);
        Assert.Contains("<h1>登录</h1>", await browser.GetHtmlAsync("/Account/Login?culture=zh-CN"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_LocksTheAccountAfterFiveFailures()
    {
        var email = NewEmail();
        const string password = "correct-horse-battery";
        await CreateEditorAsync(email, password);
        using var browser = new BrowserSession(factory);

        for (var i = 0; i < AccountSetup.MaxFailedAccessAttempts; i++)
        {
            using var failed = await browser.LoginAsync(email, "wrong-password-" + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var locked = await browser.LoginAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("id=\"login-problem\"", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("锁定", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!));
    }

    [Fact]
    public async Task Logout_SignsOutWithThePostFormOfTheLayout()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);
        var token = await browser.TokenAsync("/?year=2013");

        using var response = await browser.PostFormAsync("/Account/Logout", token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var after = await browser.Client.GetAsync(new Uri("/Upload", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_CreatesAnEditorWhoCanUploadButNotManageUsers()
    {
        using var admin = await BrowserSession.SignInAsAdminAsync(factory);
        var email = NewEmail();
        const string password = "editor-passphrase-2088";

        using var created = await admin.PostFormAsync("/Admin/Users?handler=Create", await admin.TokenAsync("/Admin/Users"),
            ("create.Email", email), ("create.Password", password));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains(email, await admin.GetHtmlAsync("/Admin/Users"), StringComparison.Ordinal);
        using var editor = await BrowserSession.SignInAsync(factory, email, password);
        Assert.Equal(HttpStatusCode.OK, (await editor.Client.GetAsync(new Uri("/Upload", UriKind.Relative))).StatusCode);
        using var denied = await editor.Client.GetAsync(new Uri("/Admin/Users", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_ShortPasswordIsRefusedWithALocalisedReason()
    {
        using var admin = await BrowserSession.SignInAsAdminAsync(factory);
        var email = NewEmail();

        using var response = await admin.PostFormAsync("/Admin/Users?handler=Create", await admin.TokenAsync("/Admin/Users"),
            ("create.Email", email), ("create.Password", "short"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("密码至少需要 12 个字符", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task Admin_LockingAnEditorStopsTheirSignInAndRemovingTheRoleDeniesUpload()
    {
        var lockedEmail = NewEmail();
        var demotedEmail = NewEmail();
        const string password = "editor-passphrase-2089";
        var lockedUser = await CreateEditorAsync(lockedEmail, password);
        var demotedUser = await CreateEditorAsync(demotedEmail, password);
        using var admin = await BrowserSession.SignInAsAdminAsync(factory);

        using var lockResponse = await admin.PostFormAsync("/Admin/Users?handler=Lock", await admin.TokenAsync("/Admin/Users"), ("target.UserId", lockedUser.Id));
        using var removeResponse = await admin.PostFormAsync("/Admin/Users?handler=RemoveRole", await admin.TokenAsync("/Admin/Users"),
            ("target.UserId", demotedUser.Id), ("target.Role", Roles.Editor));

        Assert.Equal(HttpStatusCode.Redirect, lockResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, removeResponse.StatusCode);
        using var lockedBrowser = new BrowserSession(factory);
        using var refused = await lockedBrowser.LoginAsync(lockedEmail, password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        using var demoted = await BrowserSession.SignInAsync(factory, demotedEmail, password);
        using var denied = await demoted.Client.GetAsync(new Uri("/Upload", UriKind.Relative));
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_ResetsAnEditorsPassword()
    {
        var email = NewEmail();
        var user = await CreateEditorAsync(email, "first-passphrase-2089");
        using var admin = await BrowserSession.SignInAsAdminAsync(factory);

        using var reset = await admin.PostFormAsync("/Admin/Users?handler=ResetPassword", await admin.TokenAsync("/Admin/Users"),
            ("reset.UserId", user.Id), ("reset.Password", "second-passphrase-2089"));

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        using var browser = await BrowserSession.SignInAsync(factory, email, "second-passphrase-2089");
    }

    [Theory]
    [InlineData("/Upload")]
    [InlineData("/Upload?handler=Template&year=2014&prefill=true")]
    [InlineData("/Upload?handler=Dictionary")]
    [InlineData("/Upload/Preview/00000000-0000-0000-0000-000000000001")]
    [InlineData("/Imports")]
    [InlineData("/Admin/Users")]
    public async Task Anonymous_ProtectedPagesRedirectToLogin(string url)
    {
        using var browser = new BrowserSession(factory);

        using var response = await browser.Client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_PostingAnUploadIsRefused()
    {
        using var browser = new BrowserSession(factory);
        using var content = new MultipartFormDataContent { { new ByteArrayContent("city,consulates\nbeijing,1\n"u8.ToArray()), "Input.File", "x.csv" } };

        using var response = await browser.Client.PostAsync(new Uri("/Upload", UriKind.Relative), content);

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, response.StatusCode.ToString());
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/imports")]
    [InlineData("POST", "/api/imports/1/restore")]
    [InlineData("PUT", "/api/cities")]
    [InlineData("PUT", "/api/years/2070/indicators")]
    public async Task Anonymous_ApiEndpointsAre401(string method, string url)
    {
        using var browser = new BrowserSession(factory);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (method != "GET")
        {
            request.Content = Csv.Content("city,consulates", "beijing,1");
        }

        using var response = await browser.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }
}

internal static class UriExtensions
{
    /// <summary>The path and query of a Location header, relative or absolute.</summary>
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
