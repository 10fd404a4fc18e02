using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Web.Tests.Infrastructure;
using CityExchange.Web.Tests.Providers;

namespace CityExchange.Web.Tests.Pages.Explore;

/// <summary>
/// Sensitivity indices over the request budget run as background jobs: a synthetic year of 200 cities (its own
/// database), where N = 10,000 is 70,000 runs × (200 cities + 100 replicates) = 21,000,000 units of work, over the
/// 10,000,000 answered within a request and within Core's bound of 20,000,000 runs × cities (14,000,000).
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class SensitivityJobsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const int Year = 2181;
    private const int Cities = 200;

    private static readonly SyntheticYear Prepared = new();

    [Fact]
    public async Task ALargeAnalysis_Is202WithAStatusUrl_ThatReportsProgressThenTheResult_WhichIsThenKept()
    {
        await PrepareAsync();
        var client = app.Factory.CreateClient();

        using var accepted = await client.GetAsync(new Uri($"/api/sensitivity/{Year}/indices?samples=10000", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var location = accepted.Headers.Location!.ToString();
        Assert.Matches("^/api/sensitivity/jobs/[0-9a-f]{32}$", location);
        var job = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["id", "year", "state", "progress", "result", "error"], job.EnumerateObject().Select(p => p.Name));
        Assert.Equal(location[(location.LastIndexOf('/') + 1)..], job.GetProperty("id").GetString());
        Assert.Equal(Year, job.GetProperty("year").GetInt32());
        Assert.Contains(job.GetProperty("state").GetString(), new[] { "queued", "running" });
        Assert.InRange(job.GetProperty("progress").GetDouble(), 0, 1);
        Assert.Equal(JsonValueKind.Null, job.GetProperty("result").ValueKind);

        var done = await PollAsync(client, location);
        Assert.Equal(1, done.GetProperty("progress").GetDouble());
        var result = done.GetProperty("result");
        Assert.Equal(["year", "samples", "runs", "output", "inputs"], result.EnumerateObject().Select(p => p.Name));
        Assert.Equal(10000, result.GetProperty("samples").GetInt32());
        Assert.Equal(70000, result.GetProperty("runs").GetInt32());
        Assert.Equal(5, result.GetProperty("inputs").GetArrayLength());

        // Asked again: the kept result at once, the same numbers.
        using var again = await client.GetAsync(new Uri($"/api/sensitivity/{Year}/indices?samples=10000", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(result.GetRawText(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetRawText());
    }

    [Fact]
    public async Task AFullQueue_Is503WithRetryAfter()
    {
        await PrepareAsync();
        var client = app.Factory.CreateClient();

        // Eight distinct jobs at once (5,000 samples: 10,500,000 units each): one runs, four wait, the rest are refused.
        var responses = await Task.WhenAll(Enumerable.Range(100, 8).Select(seed =>
            client.GetAsync(new Uri($"/api/sensitivity/{Year}/indices?samples=5000&seed={seed}&culture=en", UriKind.Relative))));
        try
        {
            var refused = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
            Assert.NotEmpty(refused);
            Assert.Equal(TimeSpan.FromSeconds(10), refused[0].Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", refused[0].Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("4 large analyses are already waiting",
                (await refused[0].Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.All(responses.Except(refused), r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
            Assert.InRange(responses.Length - refused.Count, 1, 5);
        }
        finally
        {
            // Leave no work behind for the next test.
            foreach (var r in responses.Where(r => r.StatusCode == HttpStatusCode.Accepted))
            {
                await PollAsync(client, r.Headers.Location!.ToString());
            }

            foreach (var r in responses)
            {
                r.Dispose();
            }
        }
    }

    private static async Task<JsonElement> PollAsync(HttpClient client, string location)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var status = await client.GetFromJsonAsync<JsonElement>(location);
            var state = status.GetProperty("state").GetString();
            if (state == "done")
            {
                return status;
            }

            Assert.NotEqual("failed", state);
            Assert.True(DateTime.UtcNow < deadline, $"{location} still {state} after 120 s");
            await Task.Delay(200);
        }
    }

    private Task PrepareAsync() => Prepared.EnsureAsync(
        app.Factory,
        Year,
        [.. Enumerable.Range(1, Cities).Select(i => $"s{i:000}")],
        "city,consulates,passports,foreign_language,odi",
        (c, i) => string.Create(CultureInfo.InvariantCulture, $"{c},{Cities - i},{(i * 37) % Cities},{(i * 101) % Cities},{i}"));
}
