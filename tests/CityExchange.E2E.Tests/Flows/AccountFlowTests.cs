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
            // The users page is reached from the upload page's "Manage users" link, as the admin reaches it.
            await admin.GotoAsync("/?culture=en");
            await admin.ClickToAsync(".site-nav a[href='/Upload']", "/Upload");
            await admin.ClickToAsync("main a[href='/Admin/Users']", "/Admin/Users");
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
        await editor.ClickToAsync(".lang-switch a[lang='en']", "/", "culture=en");

        Assert.Contains(email, await editor.Page.InnerTextAsync(".header-tools"), StringComparison.Ordinal);
        Assert.Equal(1, await editor.Page.Locator(".site-nav a[href='/Upload']").CountAsync());
        Assert.Equal(1, await editor.Page.Locator(".site-nav a[href='/Imports']").CountAsync());
        await editor.ClickToAsync(".site-nav a[href='/Upload']", "/Upload");
        Assert.True(await editor.Page.IsVisibleAsync("#upload-form"));
        await editor.ScreenshotAsync();
        editor.AssertClean();

        // Not the admin's page, and no link leads an editor there (the upload page shows "Manage users" to admins only):
        // typed, it answers 403 with the access-denied page (which the browser reports on its console).
        Assert.Equal(0, await editor.Page.Locator("a[href='/Admin/Users']").CountAsync());
        var denied = await editor.GotoAsync("/Admin/Users");
        Assert.Equal(403, denied.Status);
        Assert.Contains("/Account/AccessDenied", editor.Page.Url, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AnonymousVisitor_IsSentToSignInFromTheUploadPage()
    {
        await using var session = await browser.OpenAsync("account-anonymous-upload");

        // Typed: no link shows the upload page to a visitor who is not signed in.
        await session.GotoAsync("/Upload?culture=en");

        Assert.Contains("/Account/Login", session.Page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await session.Page.Locator(".site-nav a[href='/Upload']").CountAsync());
        await session.ScreenshotAsync();
        session.AssertClean();
    }
}
