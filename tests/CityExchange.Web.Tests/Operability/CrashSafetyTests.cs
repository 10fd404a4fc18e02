using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using CityExchange.Web.Store;
using CityExchange.Web.Tests.Infrastructure;
using CityExchange.Web.Tests.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CityExchange.Web.Tests.Operability;

/// <summary>
/// A SQLite database with 1,200 extra cities and a first whole year (20,400 values), made once by a child app.
/// Each test starts the app on it again; a large import is then long enough to be killed in the middle.
/// </summary>
public sealed class LargeYearDatabase : IAsyncLifetime
{
    public const int Year = 2096;
    public const int CityCount = 1200;

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cityexchange-crash-{Guid.NewGuid():N}.db");

    public string Logs { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cityexchange-crash-logs-{Guid.NewGuid():N}");

    public IReadOnlyList<string> Cities { get; } = [.. Enumerable.Range(1, CityCount).Select(i => $"t{i:D4}")];

    /// <summary>How long one whole-year import of all cities took when nothing interfered.</summary>
    public TimeSpan ImportDuration { get; private set; }

    /// <summary>The whole-year file tagged <paramref name="tag"/> (its source note), the same bytes every time.</summary>
    public byte[] File(string tag) => YearFiles.Generate(tag.Aggregate(17, (hash, c) => unchecked((hash * 31) + c)), tag, Cities);

    public async Task InitializeAsync()
    {
        await using var app = await ChildApp.StartAsync(Path, Logs);
        var cities = new StringBuilder("code,name_zh,name_en,province_zh,province_en,region_zh,region_en,level,east_west,north_south\n");
        foreach (var (code, i) in Cities.Select((c, i) => (c, i)))
        {
            cities.Append(CultureInfo.InvariantCulture, $"{code},测试{i:D4},Test {i:D4},测试省,Test,华东,East China,other,east,south\n");
        }

        using (var response = await app.Client.PutAsync(new Uri("/api/cities", UriKind.Relative), Csv.Bytes(Encoding.UTF8.GetBytes(cities.ToString()))))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var watch = Stopwatch.StartNew();
        using (var response = await app.Client.PutAsync(Url, Csv.Bytes(File("initial"))))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        ImportDuration = watch.Elapsed;
        await app.TerminateAsync(TimeSpan.FromSeconds(60));
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            System.IO.File.Delete(Path + suffix);
        }

        if (Directory.Exists(Logs))
        {
            Directory.Delete(Logs, recursive: true);
        }

        return Task.CompletedTask;
    }

    public static Uri Url => new($"/api/years/{Year}/indicators", UriKind.Relative);

    /// <summary>
    /// What the year holds: exactly one file's values (one source tag, every city and indicator) — never a mix — and
    /// the history agrees: the newest accepted import of the year is that file.
    /// </summary>
    public async Task<string> AssertOneWholeFileAsync()
    {
        await using var db = Open();
        var tags = await db.Set<IndicatorValue>().Where(v => v.Year == Year).GroupBy(v => v.SourceNote)
            .Select(g => new { Tag = g.Key, Count = g.Count() }).ToListAsync();
        var only = Assert.Single(tags);
        Assert.Equal(CityCount * YearFiles.Indicators.Length, only.Count);
        var tag = only.Tag!;
        var accepted = await db.Set<ImportRecord>().Where(i => i.Year == Year && i.Status == ImportRecord.Accepted)
            .OrderByDescending(i => i.Id).Select(i => i.Sha256).FirstAsync();
        Assert.Equal(Sha256(File(tag)), accepted);
        return tag;
    }

    /// <summary>How many accepted imports of the file tagged <paramref name="tag"/> the history has.</summary>
    public async Task<int> AcceptedImportsAsync(string tag)
    {
        await using var db = Open();
        var sha = Sha256(File(tag));
        return await db.Set<ImportRecord>().CountAsync(i => i.Year == Year && i.Sha256 == sha && i.Status == ImportRecord.Accepted);
    }

    private SqliteCityExchangeDbContext Open() => new(new DbContextOptionsBuilder<SqliteCityExchangeDbContext>()
        .UseSqlite(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString()).Options);

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}

/// <summary>The app killed (SIGKILL) or stopped (SIGTERM) in the middle of a large import, then started again.</summary>
[Collection(WebTestGroup.Name)]
public sealed class CrashSafetyTests(LargeYearDatabase database, ITestOutputHelper output) : IClassFixture<LargeYearDatabase>
{
    [Fact]
    public async Task Sigkill_MidImport_LeavesTheOldDataOrTheNew_NeverAMix_AndTheHistorySaysWhich()
    {
        var app = await ChildApp.StartAsync(database.Path, database.Logs);
        try
        {
            var current = await database.AssertOneWholeFileAsync();
            foreach (var fraction in new[] { 0.2, 0.5, 0.8 })
            {
                var tag = $"kill-{Guid.NewGuid():N}";
                var put = app.Client.PutAsync(LargeYearDatabase.Url, Csv.Bytes(database.File(tag)));
                await Task.Delay(database.ImportDuration * fraction);
                await app.KillAsync();
                var answered = await AnsweredAsync(put);

                await app.DisposeAsync();
                app = await ChildApp.StartAsync(database.Path, database.Logs);
                var now = await database.AssertOneWholeFileAsync();

                output.WriteLine($"killed at {fraction:P0} of {database.ImportDuration.TotalMilliseconds:F0} ms: year holds {(now == tag ? "the new file" : "the old file")}, client saw {answered?.ToString() ?? "no answer"}");
                Assert.True(now == current || now == tag, $"The year holds '{now}', neither the old '{current}' nor the new '{tag}'");
                if (answered == HttpStatusCode.OK)
                {
                    Assert.Equal(tag, now);
                }

                // The history has the new file's accepted import exactly when the year holds it.
                Assert.Equal(now == tag ? 1 : 0, await database.AcceptedImportsAsync(tag));
                current = now;
            }

            // The restarted app serves the year and takes the next import.
            Assert.Equal(HttpStatusCode.OK, (await app.Client.PutAsync(LargeYearDatabase.Url, Csv.Bytes(database.File("after")))).StatusCode);
            Assert.Equal("after", await database.AssertOneWholeFileAsync());
            Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync(new Uri($"/api/rankings/{LargeYearDatabase.Year}", UriKind.Relative))).StatusCode);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Sigterm_MidImport_LetsTheImportFinish_ThenTheAppExitsCleanly()
    {
        var tag = $"sigterm-{Guid.NewGuid():N}";
        await using (var app = await ChildApp.StartAsync(database.Path, database.Logs))
        {
            await database.AssertOneWholeFileAsync();
            var put = app.Client.PutAsync(LargeYearDatabase.Url, Csv.Bytes(database.File(tag)));
            await Task.Delay(database.ImportDuration * 0.3);
            var exitCode = await app.TerminateAsync(TimeSpan.FromSeconds(60));
            var answered = await AnsweredAsync(put);

            output.WriteLine($"SIGTERM at 30% of {database.ImportDuration.TotalMilliseconds:F0} ms: exit code {exitCode}, client saw {answered?.ToString() ?? "no answer"}");
            Assert.Equal(0, exitCode);
            Assert.Equal(HttpStatusCode.OK, answered);
        }

        await using var restarted = await ChildApp.StartAsync(database.Path, database.Logs);
        Assert.Equal(tag, await database.AssertOneWholeFileAsync());
        Assert.Equal(1, await database.AcceptedImportsAsync(tag));
    }

    private static async Task<HttpStatusCode?> AnsweredAsync(Task<HttpResponseMessage> put)
    {
        try
        {
            using var response = await put;
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
