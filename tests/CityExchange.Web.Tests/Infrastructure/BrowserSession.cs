using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CityExchange.Web.Tests.Infrastructure;

/// <summary>
/// A browser-like client: HTTPS (auth cookies are Secure outside Development), cookies kept, redirects not followed.
/// Forms are posted the way a browser does: GET the page, take its antiforgery token, POST (urlencoded or multipart).
/// </summary>
public sealed class BrowserSession(WebApplicationFactory<Program> factory) : IDisposable
{
    public HttpClient Client { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    public static async Task<BrowserSession> SignInAsync(WebApplicationFactory<Program> factory, string email, string password)
    {
        var session = new BrowserSession(factory);
        var response = await session.LoginAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    public static Task<BrowserSession> SignInAsAdminAsync(WebApplicationFactory<Program> factory) =>
        SignInAsync(factory, CityExchangeFactory.AdminEmail, CityExchangeFactory.AdminPassword);

    public async Task<HttpResponseMessage> LoginAsync(string email, string password)
    {
        var token = await TokenAsync("/Account/Login");
        return await PostFormAsync("/Account/Login", token, ("Input.Email", email), ("Input.Password", password));
    }

    public async Task<string> GetHtmlAsync(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The antiforgery token of the first form on <paramref name="url"/>.</summary>
    public async Task<string> TokenAsync(string url) => Token(await GetHtmlAsync(url));

    public static string Token(string html)
    {
        var token = Dom.InputValue(html, "__RequestVerificationToken");
        Assert.True(token is not null, "The page has no antiforgery token.");
        return token;
    }

    public Task<HttpResponseMessage> PostFormAsync(string url, string token, params (string Name, string Value)[] fields)
    {
        var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        return Client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>Posts the upload form as a browser does (multipart), optionally as the page's script does (X-Requested-With).</summary>
    public async Task<HttpResponseMessage> UploadAsync(byte[] file, string fileName, int? year, bool asScript = false)
    {
        var token = await TokenAsync("/Upload");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty), "Input.Year" },
        };
        var fileContent = new ByteArrayContent(file);
        fileContent.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(fileContent, "Input.File", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/Upload", UriKind.Relative)) { Content = content };
        if (asScript)
        {
            request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Uploads and follows the redirect to the preview; returns the preview's path and HTML.</summary>
    public async Task<(string Path, string Html)> PreviewAsync(byte[] file, int? year, string fileName = "values.csv")
    {
        using var response = await UploadAsync(file, fileName, year);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var path = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/Upload/Preview/", path, StringComparison.Ordinal);
        return (path, await GetHtmlAsync(path));
    }

    /// <summary>Posts the preview's confirm form with the version it carries.</summary>
    public Task<HttpResponseMessage> ConfirmAsync(string previewPath, string previewHtml) =>
        PostFormAsync(previewPath + "?handler=Confirm", Token(previewHtml), ("Input.Version", Dom.InputValue(previewHtml, "Input.Version") ?? ""));

    public void Dispose() => Client.Dispose();
}
