using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using CityExchange.Web.Store;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

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

    [Fact]
    public async Task Logs_ARequestTheClientCancelled_OnceAtInformationAsCancelled_NotAsAnErrorWithAStackTrace()
    {
        var sink = new CollectingSink();
        var stall = new StallingImportsQuery();
        using var app = factory.WithWebHostBuilder(b =>
        {
            // The hosting layer's "Request finished" marks the end of the whole pipeline, outer middleware included.
            b.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore.Hosting.Diagnostics", "Information");
            b.ConfigureServices(services =>
            {
                services.AddSingleton<ILogEventSink>(sink);
                services.ConfigureDbContext<SqliteCityExchangeDbContext>(options => options.AddInterceptors(stall));
            });
        });
        var client = app.CreateClient();
        stall.Armed = true;
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", CityExchangeFactory.ApiToken);
        using var cancel = new CancellationTokenSource();

        // The history query waits until the request is aborted, as a slow query does when Explore cancels its fetch.
        var request = client.GetAsync(new Uri("/api/imports?year=2061", UriKind.Relative), cancel.Token);
        await stall.Started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        await sink.WaitForAsync(e => e.MessageTemplate.Text.StartsWith("Request finished", StringComparison.Ordinal) && RequestPath(e) == "/api/imports");

        var requestLog = Assert.Single(sink.Events, e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal) && RequestPath(e) == "/api/imports");
        Assert.Equal(LogEventLevel.Information, requestLog.Level);
        Assert.Null(requestLog.Exception);
        Assert.Matches(@"^HTTP ""GET"" ""/api/imports"" was cancelled by the client, status 499 in [0-9.]+ ms$", requestLog.RenderMessage());
        Assert.Equal(new ScalarValue(499), requestLog.Properties["StatusCode"]);
        Assert.Empty(sink.Events.Where(e => e.Level >= LogEventLevel.Warning || e.Exception is not null).Select(e => e.RenderMessage()));
    }

    private static string? RequestPath(LogEvent e) =>
        e.Properties.TryGetValue("RequestPath", out var path) && path is ScalarValue { Value: string text } ? text
        : e.Properties.TryGetValue("Path", out var hostingPath) && hostingPath is ScalarValue { Value: string hosting } ? hosting
        : null;

    private const string WrongPassword = "log-test-wrong-passphrase-4242";

    /// <summary>Every event the app logs (registered in DI, which the app's Serilog reads its sinks from).</summary>
    private sealed class CollectingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyList<LogEvent> Events => [.. _events];

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

        public async Task WaitForAsync(Func<LogEvent, bool> match)
        {
            for (var i = 0; i < 600 && !_events.Any(match); i++)
            {
                await Task.Delay(100);
            }

            Assert.Contains(_events, e => match(e));
        }
    }

    /// <summary>Once armed (after start-up), holds the import history's list query until its cancellation token fires.</summary>
    private sealed class StallingImportsQuery : DbCommandInterceptor
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Armed { get; set; }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Armed && command.CommandText.Contains("FROM \"Imports\"", StringComparison.Ordinal) && command.CommandText.Contains("ORDER BY", StringComparison.Ordinal))
            {
                Started.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return await base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
