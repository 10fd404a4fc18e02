using System.Net;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Security;

/// <summary>Every form of the app refuses a post without its antiforgery token (400), and accepts it with the token.</summary>
[Collection(WebTestGroup.Name)]
public sealed class AntiforgeryTests(CityExchangeFactory factory)
{
    public static TheoryData<string> SignedInForms => new()
    {
        "/Account/Logout",
        "/Upload",
        $"/Upload/Preview/{Guid.NewGuid()}?handler=Confirm",
        $"/Upload/Preview/{Guid.NewGuid()}?handler=Cancel",
        "/Imports?handler=Restore",
        "/Admin/Users?handler=Create",
        "/Admin/Users?handler=ResetPassword",
        "/Admin/Users?handler=GrantEditor",
        "/Admin/Users?handler=RemoveRole",
        "/Admin/Users?handler=Lock",
        "/Admin/Users?handler=Unlock",
    };

    [Theory]
    [MemberData(nameof(SignedInForms))]
    public async Task Post_WithoutTheAntiforgeryToken_Is400(string url)
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);

        var response = await browser.Client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent([new("Input.Year", "2092")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UploadPost_WithoutTheAntiforgeryToken_Is400AndStagesNothing()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);
        using var content = new MultipartFormDataContent
        {
            { new StringContent("2092"), "Input.Year" },
            { new ByteArrayContent(Encoded.Utf8("city,consulates", "beijing,1")), "Input.File", "values.csv" },
        };

        var response = await browser.Client.PostAsync(new Uri("/Upload", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task LoginPost_WithoutTheAntiforgeryToken_Is400_AndWithItSignsIn()
    {
        using var browser = new BrowserSession(factory);
        var fields = new Dictionary<string, string>
        {
            ["Input.Email"] = CityExchangeFactory.AdminEmail,
            ["Input.Password"] = CityExchangeFactory.AdminPassword,
        };

        var refused = await browser.Client.PostAsync(new Uri("/Account/Login", UriKind.Relative), new FormUrlEncodedContent(fields));
        var accepted = await browser.LoginAsync(CityExchangeFactory.AdminEmail, CityExchangeFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public async Task LogoutPost_WithTheToken_SignsOut()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);
        var token = await browser.TokenAsync("/Account/Logout");

        var response = await browser.PostFormAsync("/Account/Logout", token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task EveryPostForm_CarriesAnAntiforgeryToken()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);
        foreach (var page in new[] { "/Account/Logout", "/Upload", "/Imports", "/Admin/Users" })
        {
            var html = await browser.GetHtmlAsync(page);
            var forms = System.Text.RegularExpressions.Regex.Matches(html, "<form[^>]*method=\"post\"[^>]*>(.*?)</form>",
                System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            Assert.NotEmpty(forms);
            Assert.All(forms, form => Assert.Contains("__RequestVerificationToken", form.Groups[1].Value, StringComparison.Ordinal));
        }
    }
}
