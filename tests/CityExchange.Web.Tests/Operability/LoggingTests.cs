using System.Net;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CityExchange.Web.Tests.Operability;

[Collection(WebTestGroup.Name)]
public sealed class LoggingTests(CityExchangeFactory factory)
{
    [Fact]
    public async Task Logs_RecordImportsButNeverTheBearerTokenOrCookies()
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
        }

        var log = string.Concat(Directory.GetFiles(logFolder).Select(ReadShared));
        Assert.Contains("Import", log, StringComparison.Ordinal);
        Assert.Contains("Import", log, StringComparison.Ordinal);
        Assert.Contains("of 2043 by api", log, StringComparison.Ordinal);
        Assert.DoesNotContain(secretToken, log, StringComparison.Ordinal);
        Assert.DoesNotContain("cookie-secret-value-123", log, StringComparison.Ordinal);
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
