using System.Net;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CityExchange.Web.Tests.Operability;

[Collection(WebTestGroup.Name)]
public sealed class LoggingTests(CityExchangeFactory factory)
{
    [Fact]
    public async Task Logs_RecordImportsButNeverTheBearerTokenCookiesOrPasswords()
    {
        // appsettings.json's rolling file sink writes under the working directory (the test output folder).
        var logFolder = Path.Combine(Environment.CurrentDirectory, "App_Data", "logs");
        const string secretToken = "log-test-secret-token-987654321";
        using (var app = factory.WithWebHostBuilder(b =>
               {
                   b.UseSetting("Import:ApiToken", secretToken);
                   b.UseSetting("Serilog:MinimumLevel:Default", "Debug");
                   b.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Debug");
               }))
        {
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secretToken);
            client.DefaultRequestHeaders.Add("Cookie", "session-cookie=cookie-secret-value-123");
            var ok = await client.PutAsync(new Uri("/api/years/2043/indicators", UriKind.Relative), Csv.Content("city,consulates", "beijing,1", "shanghai,2"));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secretToken + "-wrong");
            var refused = await client.PutAsync(new Uri("/api/years/2043/indicators", UriKind.Relative), Csv.Content("city,consulates", "beijing,1"));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

            using var browser = new BrowserSession(app);
            Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync(CityExchangeFactory.AdminEmail, WrongPassword)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await browser.LoginAsync(CityExchangeFactory.AdminEmail, CityExchangeFactory.AdminPassword)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync(new Uri("/Upload", UriKind.Relative))).StatusCode);
        }

        var log = string.Concat(Directory.GetFiles(logFolder).Select(ReadShared));
        Assert.Contains("Import", log, StringComparison.Ordinal);
        Assert.Contains("Import", log, StringComparison.Ordinal);
        Assert.Contains("of 2043 by api", log, StringComparison.Ordinal);
        Assert.DoesNotContain(secretToken, log, StringComparison.Ordinal);
        Assert.DoesNotContain("cookie-secret-value-123", log, StringComparison.Ordinal);
        // The request log shows the signed-in user, never the password typed (right or wrong) or the auth cookie.
        Assert.Contains(CityExchangeFactory.AdminEmail, log, StringComparison.Ordinal);
        Assert.DoesNotContain(CityExchangeFactory.AdminPassword, log, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongPassword, log, StringComparison.Ordinal);
        Assert.DoesNotContain("CityExchange.Auth=", log, StringComparison.Ordinal);
    }

    private const string WrongPassword = "log-test-wrong-passphrase-4242";

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
