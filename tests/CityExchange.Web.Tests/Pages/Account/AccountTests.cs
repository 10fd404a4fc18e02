using System.Net;
using System.Text.RegularExpressions;
using CityExchange.Web.Hosting;
using CityExchange.Web.Pages.Account;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CityExchange.Web.Tests.Pages.Account;

[Collection(WebTestGroup.Name)]
public sealed partial class AccountTests(CityExchangeFactory factory)
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

    private const string RefusedZh =
        "电子邮箱或密码错误，或该账号暂时不能登录。同一地址对一个账号失败 5 次后，需等待最多 15 分钟才能再次尝试该账号。如仍无法登录，请联系管理员。";

    private const string RefusedEn =
        "Wrong email or password, or the account cannot sign in now. After 5 failed attempts from one address, that address waits up to 15 minutes before it may try the account again. If it keeps failing, ask an administrator.";

    [Fact]
    public async Task Login_UnknownWrongAndLockedAccountsGetTheSameMessageInEitherLanguage()
    {
        const string password = "correct-horse-battery";
        var known = NewEmail();
        var locked = NewEmail();
        var paused = NewEmail();
        await CreateEditorAsync(known, password);
        await CreateEditorAsync(paused, password);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = await CreateEditorAsync(locked, password);
            Assert.True((await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, DateTimeOffset.MaxValue)).Succeeded);
        }

        using var browser = new BrowserSession(factory);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(RefusedZh, await RefusalAsync(browser, paused, "wrong-password-" + i, "zh-CN"));
        }

        foreach (var (culture, expected) in new[] { ("zh-CN", RefusedZh), ("en", RefusedEn) })
        {
            Assert.Equal(expected, await RefusalAsync(browser, NewEmail(), password, culture));
            Assert.Equal(expected, await RefusalAsync(browser, known, "not-" + password, culture));
            Assert.Equal(expected, await RefusalAsync(browser, locked, password, culture));
            // Locked for this client by its own failures: the right password gets the same answer.
            Assert.Equal(expected, await RefusalAsync(browser, paused, password, culture));
        }
    }

    [Fact]
    public async Task Login_AnUnknownNameVerifiesAPasswordAsAKnownOrLockedOneDoes()
    {
        var counts = new CountingPasswordHasher.Counts();
        using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<IPasswordHasher<IdentityUser>>(provider => new CountingPasswordHasher(
                new PasswordHasher<IdentityUser>(provider.GetRequiredService<IOptions<PasswordHasherOptions>>()), counts))));
        const string password = "correct-horse-battery";
        var known = NewEmail();
        var locked = NewEmail();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            foreach (var email in new[] { known, locked })
            {
                Assert.True((await users.CreateAsync(new IdentityUser { UserName = email, Email = email }, password)).Succeeded);
            }

            Assert.True((await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(locked))!, DateTimeOffset.MaxValue)).Succeeded);
        }

        using var browser = new BrowserSession(app);

        Assert.Equal(1, await VerificationsAsync(browser, counts, known, "not-" + password));
        Assert.Equal(1, await VerificationsAsync(browser, counts, NewEmail(), password));
        Assert.Equal(1, await VerificationsAsync(browser, counts, locked, password));
    }

    [Fact]
    public async Task Login_FailuresFromOneClientLockNeitherThatAccountForOthersNorOtherAccountsForIt()
    {
        // Behind a trusted proxy the client is the X-Forwarded-For address (Hosting/DeploymentSetup.cs).
        using var app = factory.WithWebHostBuilder(builder => builder.UseSetting("Proxy:KnownProxies:0", "10.0.0.5"));
        const string password = "correct-horse-battery";
        var editor = NewEmail();
        var colleague = NewEmail();
        await CreateEditorAsync(editor, password);
        await CreateEditorAsync(colleague, password);
        using var stranger = Behind(new BrowserSession(app), "203.0.113.7");

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(RefusedZh, await RefusalAsync(stranger, editor, "guess-" + i, "zh-CN"));
        }

        Assert.Equal(RefusedZh, await RefusalAsync(stranger, editor, password, "zh-CN"));
        using var fromOffice = Behind(new BrowserSession(app), "198.51.100.9");
        using var signedIn = await fromOffice.LoginAsync(editor, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var otherAccount = await stranger.LoginAsync(colleague, password);
        Assert.Equal(HttpStatusCode.Redirect, otherAccount.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        Assert.False(await users.IsLockedOutAsync((await users.FindByEmailAsync(editor))!));
    }

    /// <summary>Posts the login form in <paramref name="culture"/>; asserts it was refused and returns the message shown.</summary>
    private static async Task<string> RefusalAsync(BrowserSession browser, string email, string password, string culture)
    {
        var url = "/Account/Login?culture=" + culture;
        using var response = await browser.PostFormAsync(url, await browser.TokenAsync(url), ("Input.Email", email), ("Input.Password", password));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var problem = LoginProblem().Match(await response.Content.ReadAsStringAsync());
        Assert.True(problem.Success, "The login page shows no problem.");
        return WebUtility.HtmlDecode(problem.Groups[1].Value);
    }

    private static async Task<int> VerificationsAsync(BrowserSession browser, CountingPasswordHasher.Counts counts, string email, string password)
    {
        var token = await browser.TokenAsync("/Account/Login");
        var before = counts.Verifications;
        using var response = await browser.PostFormAsync("/Account/Login", token, ("Input.Email", email), ("Input.Password", password));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return counts.Verifications - before;
    }

    private static BrowserSession Behind(BrowserSession browser, string clientAddress)
    {
        browser.Client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return browser;
    }

    [GeneratedRegex("<div class=\"error-box\" role=\"alert\" id=\"login-problem\">\\s*(.*?)\\s*</div>", RegexOptions.Singleline)]
    private static partial Regex LoginProblem();

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
    public async Task Admin_UserListCountsFailedSignInsInTheSingularAndThePlural()
    {
        var once = await CreateEditorAsync(NewEmail(), "editor-passphrase-2090");
        var twice = await CreateEditorAsync(NewEmail(), "editor-passphrase-2091");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            await users.AccessFailedAsync((await users.FindByIdAsync(once.Id))!);
            var second = (await users.FindByIdAsync(twice.Id))!;
            await users.AccessFailedAsync(second);
            await users.AccessFailedAsync(second);
        }
        using var admin = await BrowserSession.SignInAsAdminAsync(factory);

        var english = WebUtility.HtmlDecode(await admin.GetHtmlAsync("/Admin/Users?culture=en"));
        var chinese = WebUtility.HtmlDecode(await admin.GetHtmlAsync("/Admin/Users?culture=zh-CN"));

        Assert.Contains("(1 failed sign-in)", english, StringComparison.Ordinal);
        Assert.Contains("(2 failed sign-ins)", english, StringComparison.Ordinal);
        Assert.DoesNotContain("(1 failed sign-ins)", english, StringComparison.Ordinal);
        Assert.Contains("(1 次登录失败)", chinese, StringComparison.Ordinal);
        Assert.Contains("(2 次登录失败)", chinese, StringComparison.Ordinal);
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
