using CityExchange.E2E.Tests.Infrastructure;

namespace CityExchange.E2E.Tests.Flows;

/// <summary>The admin creates an editor in the browser; the editor signs in and reaches the upload pages but not the admin's.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccountFlowTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task AdminCreatesAnEditor_WhoSignsInAndCanUploadButNotManageUsers()
    {
        var email = $"editor-{Guid.NewGuid():N}@e2e.test";
        const string Password = "A-long-enough-passphrase";

        await using (var admin = await browser.OpenAsAdminAsync("account-admin-creates-editor"))
        {
            await admin.GotoAsync("/Admin/Users?culture=en");
            await admin.Page.FillAsync("#create-email", email);
            await admin.Page.FillAsync("#create-password", Password);
            await admin.Page.ClickAsync("form:has(#create-email) button[type=submit]");
            await admin.Page.WaitForSelectorAsync(".notice[role=status]");
            await admin.ScreenshotAsync();

            Assert.Contains("The editor account was created.", await admin.Page.InnerTextAsync(".notice[role=status]"), StringComparison.Ordinal);
            var row = admin.Page.Locator("table.users tbody tr", new() { HasText = email });
            Assert.Contains("Editor", await row.Locator("td").Nth(1).InnerTextAsync(), StringComparison.Ordinal);
            admin.AssertClean();
        }

        await using var editor = await browser.OpenAsync("account-editor-signs-in", locale: "en");
        await editor.SignInAsync(email, Password);
        await editor.GotoAsync("/?culture=en");

        Assert.Contains(email, await editor.Page.InnerTextAsync(".header-tools"), StringComparison.Ordinal);
        Assert.Equal(1, await editor.Page.Locator(".site-nav a[href='/Upload']").CountAsync());
        Assert.Equal(1, await editor.Page.Locator(".site-nav a[href='/Imports']").CountAsync());
        Assert.Equal(200, (await editor.GotoAsync("/Upload")).Status);
        await editor.ScreenshotAsync();
        editor.AssertClean();

        // Not the admin's page: the access-denied page answers 403 (which the browser reports on its console).
        var denied = await editor.GotoAsync("/Admin/Users");
        Assert.Equal(403, denied.Status);
        Assert.Contains("/Account/AccessDenied", editor.Page.Url, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AnonymousVisitor_IsSentToSignInFromTheUploadPage()
    {
        await using var session = await browser.OpenAsync("account-anonymous-upload");

        await session.GotoAsync("/Upload?culture=en");

        Assert.Contains("/Account/Login", session.Page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await session.Page.Locator(".site-nav a[href='/Upload']").CountAsync());
        await session.ScreenshotAsync();
        session.AssertClean();
    }
}
