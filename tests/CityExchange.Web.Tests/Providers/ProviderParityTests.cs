using System.Net;
using System.Text.Json;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Providers;

/// <summary>The same uploads give identical rankings — every score, every rank, both methods — on SQLite and PostgreSQL.</summary>
[Collection(WebTestGroup.Name)]
public sealed class ProviderParityTests(SqliteApp sqlite, PostgresApp postgres) : IClassFixture<SqliteApp>, IClassFixture<PostgresApp>
{
    [SkippableFact]
    public async Task SameUploads_GiveIdenticalRankingsOnSqliteAndPostgres()
    {
        postgres.SkipIfUnavailable();
        var uploads = new (int Year, byte[] File)[]
        {
            (2096, YearFiles.Generate(96, "parity")),
            (2097, YearFiles.Generate(97, "parity", YearFiles.Cities[..20])),
            (2098, Encoded.Utf8("city,consulates,sister_cities,trade_volume,intl_flights", "beijing,10,20,100,5", "上海,30,20,300,NA", "Guangzhou,20,40,200,15", "chengdu,30,0,,10")),
            // Ties and a constant indicator: ranks must be shared the same way on both.
            (2099, Encoded.Utf8("city,consulates,odi,leader_visits", "beijing,5,1,3", "tianjin,5,1,3", "shanghai,7,1,1", "wuhan,1,1,3")),
        };
        var left = sqlite.Factory.CreateClientWithToken();
        var right = postgres.Factory.CreateClientWithToken();
        foreach (var (year, file) in uploads)
        {
            Assert.Equal(HttpStatusCode.OK, (await left.PutAsync(new Uri($"/api/years/{year}/indicators", UriKind.Relative), Csv.Bytes(file))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await right.PutAsync(new Uri($"/api/years/{year}/indicators", UriKind.Relative), Csv.Bytes(file))).StatusCode);
        }

        foreach (var year in new[] { 2013, 2014, 2015, 2016, 2096, 2097, 2098, 2099 })
        {
            foreach (var method in new[] { "minmax", "rank" })
            {
                var url = $"/api/rankings/{year}?method={method}";
                var fromSqlite = await left.GetStringAsync(new Uri(url, UriKind.Relative));
                var fromPostgres = await right.GetStringAsync(new Uri(url, UriKind.Relative));

                // Exact equality of the whole body: scores are serialised round-trip, so any difference in a double shows.
                Assert.Equal(fromSqlite, fromPostgres);
                Assert.Contains("\"rank\":1", fromSqlite, StringComparison.Ordinal);
                Assert.NotEmpty(JsonDocument.Parse(fromSqlite).RootElement.GetProperty("cities").EnumerateArray());
            }
        }
    }
}
