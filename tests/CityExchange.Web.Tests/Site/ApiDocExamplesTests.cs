using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Site;

/// <summary>
/// docs/api.md runs: every <c>GET</c> heading is requested as written (placeholders filled with 2015, beijing and a real
/// import, the first of each <c>a|b</c> choice, empty parameters left out) and answers 200; where a JSON example follows
/// it, the answer has every property the example shows, at the same place; the what-if example body is posted as it is.
/// Writes (<c>PUT</c>, restore) are tested elsewhere with their own years.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed partial class ApiDocExamplesTests(CityExchangeFactory factory)
{
    /// <summary>Headings whose parameters the prose gives without values: the values of the example under them.</summary>
    private static readonly Dictionary<string, string> Filled = new(StringComparer.Ordinal)
    {
        ["/api/targets/{year}?city=&rank="] = "/api/targets/2015?city=fuzhou&rank=19",
        // Only a published year has the report's weights.
        ["/api/analysis/{year}/published-weights"] = "/api/analysis/2013/published-weights",
    };

    public static TheoryData<string> GetHeadings() => [.. Sections().Where(s => s.Method == "GET").Select(s => s.Path)];

    [Theory]
    [MemberData(nameof(GetHeadings))]
    public async Task EveryGetExample_Answers200_WithTheShapeItShows(string heading)
    {
        var section = Sections().Single(s => s.Method == "GET" && s.Path == heading);
        var client = factory.CreateClientWithToken();
        var url = await UrlAsync(client, heading);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        if (section.Example is { } example)
        {
            using var actual = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            AssertShape(JsonDocument.Parse(example).RootElement, actual.RootElement, url);
        }
    }

    [Fact]
    public async Task TheWhatIfExampleBody_IsAcceptedAsItIs()
    {
        var section = Sections().Single(s => s.Method == "POST" && s.Path.EndsWith("/whatif", StringComparison.Ordinal));

        using var response = await factory.CreateClient().PostAsync(
            new Uri("/api/rankings/2015/whatif", UriKind.Relative), new StringContent(section.Example!, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void TheDocumentHasItsExamples()
    {
        // A parse that found nothing would make the theory above vacuous.
        Assert.InRange(Sections().Count(s => s.Method == "GET"), 16, 100);
        Assert.InRange(Sections().Count(s => s.Example is not null), 10, 100);
    }

    /// <summary>Every property of <paramref name="example"/> is in <paramref name="actual"/>; arrays by their first item.</summary>
    private static void AssertShape(JsonElement example, JsonElement actual, string where)
    {
        switch (example.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.True(actual.ValueKind == JsonValueKind.Object, $"{where}: an object was documented");
                foreach (var property in example.EnumerateObject())
                {
                    Assert.True(actual.TryGetProperty(property.Name, out var value), $"{where}: no '{property.Name}'");
                    AssertShape(property.Value, value, $"{where}.{property.Name}");
                }

                break;
            case JsonValueKind.Array:
                Assert.True(actual.ValueKind == JsonValueKind.Array, $"{where}: an array was documented");
                if (example.GetArrayLength() > 0 && actual.GetArrayLength() > 0)
                {
                    AssertShape(example[0], actual[0], $"{where}[0]");
                }

                break;
        }
    }

    private static async Task<string> UrlAsync(HttpClient client, string heading)
    {
        if (Filled.TryGetValue(heading, out var filled))
        {
            return filled;
        }

        var path = heading.Replace("{year}", "2015", StringComparison.Ordinal).Replace("{city}", "beijing", StringComparison.Ordinal);
        if (path.Contains("{id}", StringComparison.Ordinal))
        {
            var imports = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/imports", UriKind.Relative))).RootElement;
            path = path.Replace("{id}", imports[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return path;
        }

        var parameters = path[(query + 1)..].Split('&')
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2 && p[1].Length > 0)
            .Select(p => $"{p[0]}={p[1].Split('|')[0]}");
        return path[..query] + (parameters.Any() ? "?" + string.Join('&', parameters) : "");
    }

    private static List<Section> Sections()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "api.md"));
        var headings = Heading().Matches(text).ToList();
        var sections = new List<Section>();
        for (var i = 0; i < headings.Count; i++)
        {
            var end = i + 1 < headings.Count ? headings[i + 1].Index : text.Length;
            var body = text[headings[i].Index..end];
            var json = JsonBlock().Match(body);
            sections.Add(new Section(headings[i].Groups[1].Value, headings[i].Groups[2].Value, json.Success ? json.Groups[1].Value : null));
        }

        return sections;
    }

    private sealed record Section(string Method, string Path, string? Example);

    [GeneratedRegex(@"^## `(GET|POST|PUT|DELETE) ([^`]+)`\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"```json\s*\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
