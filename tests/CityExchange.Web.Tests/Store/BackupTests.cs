using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CityExchange.Web.Store;
using CityExchange.Web.Tests.Infrastructure;
using CityExchange.Web.Tests.Providers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityExchange.Web.Tests.Store;

/// <summary>
/// The <c>backup</c> command as an operator runs it (the app's executable, in a process of its own) against a database
/// the app is serving and writing; the copy opened as a database, and started as the app (a restore).
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class BackupTests : IAsyncLifetime
{
    private const int Indicators = 17;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"cityexchange-backup-{Guid.NewGuid():N}");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Backup_DuringConcurrentUploads_IsAValidCopyAsOfOneCommit_AndServesItsYearsWhenRestored()
    {
        var gate = new CommitGate();
        await using var factory = new CityExchangeFactory();
        var livePath = ((SqliteTestDatabase)factory.Database).Path;
        using var live = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Seed:Demo", "false");
            builder.ConfigureServices(services => services.ConfigureDbContext<SqliteCityExchangeDbContext>(options => options
                // Writers queue behind the held upload for as long as the backup takes: give them minutes, not 30 s.
                .UseSqlite(new SqliteConnectionStringBuilder(factory.Database.ConnectionString) { DefaultTimeout = 300 }.ToString())
                .AddInterceptors(gate, new KeepCommitsInWal())));
        });
        // Open until the backup is made, so no connection's closing checkpoints the WAL into the file.
        await using var keepOpen = new SqliteConnection(factory.Database.ConnectionString);
        using var client = live.CreateClient();
        await keepOpen.OpenAsync();
        await using (var read = keepOpen.CreateCommand())
        {
            // A connection joins the WAL (and so blocks the closing checkpoint) only once it has read.
            read.CommandText = "SELECT count(*) FROM sqlite_master;";
            await read.ExecuteScalarAsync();
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CityExchangeFactory.ApiToken);
        foreach (var (year, cities) in new[] { (2150, 10), (2151, 20), (2152, 30) })
        {
            Assert.Equal(HttpStatusCode.OK, (await PutAsync(client, year, cities)).StatusCode);
        }

        // 2152 is replaced by a 40-city file whose transaction is held at its commit (old rows deleted, new ones
        // written); uploads of three more years queue behind it; the backup runs meanwhile.
        gate.Arm(2152);
        var held = PutAsync(client, 2152, 40);
        await gate.Holding;
        var queued = new[] { (2153, 15), (2154, 25), (2155, 35) }.Select(u => PutAsync(client, u.Item1, u.Item2)).ToList();
        var copy = Path.Combine(_folder, "cityexchange-copy.db");
        var backup = await RunAppAsync(livePath, "backup", copy);
        Assert.True(new FileInfo(livePath + "-wal").Length > 0, "The uploads were checkpointed into the file: the backup was not tested against the WAL.");
        gate.Release();
        foreach (var response in await Task.WhenAll([held, .. queued]))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.True(backup.ExitCode == 0, backup.Output);
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"Backed up {livePath} to {copy} ({new FileInfo(copy).Length:N0} bytes, integrity check ok)."),
            backup.Output.Trim());
        await using (var copied = Open(copy))
        {
            Assert.Equal("ok", await ScalarAsync(copied, "PRAGMA integrity_check;"));
            Assert.Equal("delete", await ScalarAsync(copied, "PRAGMA journal_mode;"));
            // As of one commit: each year complete with one file's values; 2152 still the 30-city file.
            var counts = await copied.Set<IndicatorValue>().Where(v => v.Year >= 2150)
                .GroupBy(v => v.Year).Select(g => new { Year = g.Key, Values = g.Count() }).OrderBy(g => g.Year).ToListAsync();
            Assert.Equal([(2150, 10 * Indicators), (2151, 20 * Indicators), (2152, 30 * Indicators)], counts.Select(c => (c.Year, c.Values)));
        }

        await using (var now = Open(livePath))
        {
            Assert.Equal(40 * Indicators, await now.Set<IndicatorValue>().CountAsync(v => v.Year == 2152));
            Assert.Equal(35 * Indicators, await now.Set<IndicatorValue>().CountAsync(v => v.Year == 2155));
        }

        // Restore as docs/deployment.md says: the copy put in place of the database file, the app started on it.
        var restoredDatabase = new SqliteTestDatabase();
        File.Copy(copy, restoredDatabase.Path);
        await using var restored = new CityExchangeFactory(restoredDatabase);
        using var reader = restored.CreateClient();
        foreach (var (year, cities) in new[] { (2150, 10), (2151, 20), (2152, 30) })
        {
            var ranking = await reader.GetFromJsonAsync<JsonElement>(new Uri($"/api/rankings/{year}", UriKind.Relative));
            Assert.Equal(cities, ranking.GetProperty("cities").GetArrayLength());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri("/api/rankings/2153", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Backup_IntoAFolderNamesTheCopyByTime_AndNeverOverwrites()
    {
        await using var factory = new CityExchangeFactory();
        _ = factory.Server;
        var livePath = ((SqliteTestDatabase)factory.Database).Path;

        var first = await RunAppAsync(livePath, "backup", _folder);

        Assert.True(first.ExitCode == 0, first.Output);
        var written = Assert.Single(Directory.GetFiles(_folder));
        Assert.Matches(@"^cityexchange-\d{4}-\d{2}-\d{2}T\d{6}Z\.db$", Path.GetFileName(written));
        Assert.Contains($" to {written} (", first.Output, StringComparison.Ordinal);
        var before = await File.ReadAllBytesAsync(written);

        var again = await RunAppAsync(livePath, "backup", written);

        Assert.Equal(1, again.ExitCode);
        Assert.Equal($"No backup was made: {written} already exists; name a new file (a backup never overwrites one).", again.Output.Trim());
        Assert.Equal(before, await File.ReadAllBytesAsync(written));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Backup_OnPostgreSql_PointsToPgDumpAndFails()
    {
        var copy = Path.Combine(_folder, "copy.db");

        // No server is needed: the command stops before connecting.
        var result = await RunAppAsync(null, "backup", copy);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("The database is PostgreSQL: back it up with pg_dump, e.g. pg_dump --format=custom", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(copy));
    }

    [Fact]
    public async Task Restore_IsNotDoneWhileTheAppRuns_TheCommandSaysHowAndStartsNothing()
    {
        var result = await RunAppAsync(Path.Combine(_folder, "none.db"), "restore", Path.Combine(_folder, "copy.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("restore is done with the app stopped: stop every instance", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "none.db")));
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, int year, int cities) =>
        client.PutAsync(new Uri($"/api/years/{year}/indicators", UriKind.Relative),
            Csv.Bytes(YearFiles.Generate(year * 100 + cities, $"file-{cities}", YearFiles.Cities[..cities])));

    private static SqliteCityExchangeDbContext Open(string path) =>
        new(new DbContextOptionsBuilder<SqliteCityExchangeDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()).Options);

    private static async Task<string?> ScalarAsync(CityExchangeDbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// <c>dotnet CityExchange.Web.dll ARGS</c>, as <c>dotnet run --project src/CityExchange.Web -- ARGS</c> runs it, on
    /// the SQLite file <paramref name="sqlitePath"/> (or, when null, a PostgreSQL connection string); waits for it to exit.
    /// </summary>
    private async Task<(int ExitCode, string Output)> RunAppAsync(string? sqlitePath, params string[] args)
    {
        var folder = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(folder, "CityExchange.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Seed__Demo"] = "false";
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(_folder, "logs", "backup-.log");
        if (sqlitePath is null)
        {
            start.Environment["Database__Provider"] = "Postgres";
            start.Environment["ConnectionStrings__CityExchange"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none";
        }
        else
        {
            start.Environment["ConnectionStrings__CityExchange"] = $"Data Source={sqlitePath}";
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A guard against a hung child only, not a time assertion.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }

        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }
}
