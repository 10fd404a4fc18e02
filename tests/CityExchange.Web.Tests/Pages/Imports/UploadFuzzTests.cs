using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CityExchange.Web.Store;
using CityExchange.Web.Tests.Infrastructure;
using CityExchange.Web.Tests.Providers;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Tests.Pages.Imports;

/// <summary>
/// Thousands of random and mutated files from a seeded generator against the upload endpoints, on each provider's own
/// database: never a 5xx; a refused file is 400 with every error located and changes no stored value; an accepted one
/// is stored whole. Failures print the seed and case number to replay.
/// </summary>
public abstract class UploadFuzzSuite(ProviderApp app, int cases)
{
    private const int Seed = 20261123;
    private const int Year = 2095;
    private const string MutationBytes = ",\"\n\r;-.0\t";

    private static readonly string[] Tokens =
    [
        "city", "year", "source", "source:odi", "consulates", "odi", "sister_cities", "beijing", "上海", "Guangzhou", "Gotham",
        "2095", "2020", "1,318", "\"1,318,437\"", "-3", "NA", "—", "", " ", "\"", "\"\"", ",", ";", "\t", "\r\n", "\n", "\r",
        "=cmd()", "1e308", "1e999", "NaN", "0", "12.5", "３", "\u0000", "\uFEFF", "北京市", "城市", "<script>", "&amp;", "\u202E",
        "\uD800", "💥", new string('x', 600),
    ];

    private CityExchangeFactory Factory => app.Factory;

    [SkippableFact]
    public async Task PutIndicators_RandomAndMutatedFiles_Never5xx_RefusedOnesLocatedAndStoreNothing()
    {
        var client = Factory.CreateClientWithToken();
        var valid = YearFiles.Generate(Seed, "fuzz baseline", YearFiles.Cities[..12]);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync(Url, Csv.Bytes(valid))).StatusCode);
        var (version, stored) = await SnapshotAsync();
        var random = new Random(Seed);
        var counts = new Dictionary<HttpStatusCode, int>();

        for (var i = 0; i < cases; i++)
        {
            var bytes = Generate(random, valid, i);
            using var response = await client.PutAsync(Url, Csv.Bytes(bytes));
            counts[response.StatusCode] = counts.GetValueOrDefault(response.StatusCode) + 1;
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"Case {i} (seed {Seed}): {(int)response.StatusCode} {body}\n{Convert.ToBase64String(bytes)}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                (version, stored) = await SnapshotAsync();
                Assert.NotEmpty(stored);
                continue;
            }

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            AssertLocated(body, bytes, i);
            if (i % 50 == 0)
            {
                Assert.Equal(stored, (await SnapshotAsync()).Values);
            }

            Assert.Equal(version, await VersionAsync());
        }

        Assert.Equal(stored, (await SnapshotAsync()).Values);
        Assert.True(counts.GetValueOrDefault(HttpStatusCode.BadRequest) > cases / 2, $"Mostly refused files expected: {string.Join(", ", counts)}");
    }

    [SkippableFact]
    public async Task UploadPage_RandomAndMutatedFiles_Never5xx_AndThePreviewShowsEveryOne()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(Factory);
        var token = await browser.TokenAsync("/Upload");
        var valid = YearFiles.Generate(Seed + 1, "page fuzz", YearFiles.Cities[..6]);
        var version = await VersionAsync();
        var random = new Random(Seed + 1);

        for (var i = 0; i < cases / 20; i++)
        {
            var bytes = Generate(random, valid, i);
            using var content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent(i % 3 == 0 ? string.Empty : Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.Year" },
            };
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            content.Add(file, "Input.File", i % 2 == 0 ? "fuzz.csv" : $"<b>{i}</b>\u202E.csv");

            using var response = await browser.Client.PostAsync(new Uri("/Upload", UriKind.Relative), content);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest,
                $"Case {i} (seed {Seed + 1}): {(int)response.StatusCode}\n{Convert.ToBase64String(bytes)}");
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                using var preview = await browser.Client.GetAsync(response.Headers.Location);
                Assert.True(preview.StatusCode == HttpStatusCode.OK, $"Case {i}: preview {(int)preview.StatusCode}\n{Convert.ToBase64String(bytes)}");
            }
        }

        // Staging never writes the year: only a confirm does.
        Assert.Equal(version, await VersionAsync());
    }

    private static Uri Url => new($"/api/years/{Year}/indicators", UriKind.Relative);

    private static byte[] Generate(Random random, byte[] valid, int i) => (i % 10) switch
    {
        < 5 => Mutate(random, valid),
        < 8 => TokenSoup(random),
        8 => Binary(random),
        _ => Structured(random),
    };

    private static byte[] Mutate(Random random, byte[] valid)
    {
        var bytes = (byte[])valid.Clone();
        for (var m = random.Next(1, 10); m > 0 && bytes.Length > 0; m--)
        {
            var at = random.Next(bytes.Length);
            switch (random.Next(5))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes[at] = (byte)MutationBytes[random.Next(MutationBytes.Length)]; break;
                case 2: bytes = [.. bytes[..at], .. bytes[Math.Min(bytes.Length, at + random.Next(1, 60))..]]; break;
                case 3: bytes = [.. bytes[..at], .. Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]), .. bytes[at..]]; break;
                default:
                    // Duplicate a stretch (a repeated row or column fragment).
                    var length = Math.Min(bytes.Length - at, random.Next(1, 200));
                    bytes = [.. bytes[..(at + length)], .. bytes[at..(at + length)], .. bytes[(at + length)..]];
                    break;
            }
        }

        return bytes;
    }

    private static byte[] TokenSoup(Random random)
    {
        var text = new StringBuilder();
        for (var t = random.Next(0, 80); t > 0; t--)
        {
            text.Append(Tokens[random.Next(Tokens.Length)]);
            if (random.NextDouble() < 0.4)
            {
                text.Append(random.NextDouble() < 0.2 ? '\n' : ',');
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] Binary(Random random)
    {
        var bytes = new byte[random.Next(0, 3000)];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A well-formed header with random cells: mostly values, sometimes garbage, sometimes a ragged row.</summary>
    private static byte[] Structured(Random random)
    {
        var columns = YearFiles.Indicators.OrderBy(_ => random.Next()).Take(random.Next(1, 6)).ToList();
        var text = new StringBuilder("city,source,").AppendJoin(',', columns).Append('\n');
        foreach (var city in YearFiles.Cities.OrderBy(_ => random.Next()).Take(random.Next(1, 10)))
        {
            text.Append(random.NextDouble() < 0.1 ? Tokens[random.Next(Tokens.Length)] : city).Append(',')
                .Append(random.NextDouble() < 0.2 ? Tokens[random.Next(Tokens.Length)].Replace(",", "", StringComparison.Ordinal) : "s");
            foreach (var _ in columns.Skip(random.NextDouble() < 0.05 ? 1 : 0))
            {
                text.Append(',').Append(random.NextDouble() < 0.15 ? Tokens[random.Next(Tokens.Length)].Replace(",", "", StringComparison.Ordinal) : random.Next(0, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void AssertLocated(string body, byte[] bytes, int i)
    {
        using var json = JsonDocument.Parse(body);
        var errors = json.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.True(errors.Count > 0, $"Case {i}: 400 without errors: {body}");
        var lines = Math.Max(1, bytes.Count(b => b == (byte)'\n') + bytes.Count(b => b == (byte)'\r') + 1);
        foreach (var error in errors)
        {
            var row = error.GetProperty("row").GetInt32();
            Assert.True(row >= 1 && row <= lines, $"Case {i}: row {row} outside the file ({lines} lines): {error}");
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()), $"Case {i}: no message: {error}");
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("code").GetString()), $"Case {i}: no code: {error}");
        }
    }

    private async Task<Guid> VersionAsync()
    {
        await using var db = Factory.CreateDbContext();
        return await db.Set<DataYear>().Where(y => y.Year == Year).Select(y => y.Version).SingleOrDefaultAsync();
    }

    private async Task<(Guid Version, List<string> Values)> SnapshotAsync()
    {
        await using var db = Factory.CreateDbContext();
        var version = await db.Set<DataYear>().Where(y => y.Year == Year).Select(y => y.Version).SingleAsync();
        var values = await db.Set<IndicatorValue>().Where(v => v.Year == Year)
            .Select(v => v.CityCode + ":" + v.IndicatorCode + "=" + v.Value + ":" + v.SourceNote).ToListAsync();
        return (version, [.. values.Order(StringComparer.Ordinal)]);
    }
}

[Collection(WebTestGroup.Name)]
public sealed class SqliteUploadFuzzTests(SqliteApp app) : UploadFuzzSuite(app, cases: 2000), IClassFixture<SqliteApp>;

[Collection(WebTestGroup.Name)]
public sealed class PostgresUploadFuzzTests(PostgresApp app) : UploadFuzzSuite(app, cases: 800), IClassFixture<PostgresApp>;
