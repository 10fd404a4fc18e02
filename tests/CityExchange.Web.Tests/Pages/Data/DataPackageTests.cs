using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using CityExchange.Web.Tests.Infrastructure;
using NJsonSchema;

namespace CityExchange.Web.Tests.Pages.Data;

/// <summary>
/// The whole dataset as a Frictionless Data Package: the descriptor validates against the official (vendored) Data
/// Package and Table Schema JSON Schemas, and every row of every CSV against its Table Schema — types, missing values,
/// primary keys, foreign keys. Demo rows say so; no e-mail leaves the site.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class DataPackageTests(CityExchangeFactory factory)
{
    private static readonly string[] Resources = ["framework", "cities", "indicator_values", "published_scores", "rankings", "imports"];

    [Fact]
    public async Task ThePackage_ValidatesAgainstTheDataPackageAndTableSchemaSchemas()
    {
        var (descriptor, _) = await DownloadAsync();

        var package = await JsonSchema.FromFileAsync(Schema("tabular-data-package.json"));
        Assert.Empty(package.Validate(descriptor.GetRawText()));
        // The schema is live: a resource without a path and with an invalid name is refused.
        Assert.NotEmpty(package.Validate("""{ "profile": "tabular-data-package", "resources": [ { "name": "Bad Name" } ] }"""));
        var table = await JsonSchema.FromFileAsync(Schema("table-schema.json"));
        foreach (var resource in descriptor.GetProperty("resources").EnumerateArray())
        {
            Assert.Empty(table.Validate(resource.GetProperty("schema").GetRawText()));
        }

        Assert.Equal(Resources, descriptor.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.Equal("cityexchange", descriptor.GetProperty("name").GetString());
        Assert.Equal("城市对外交往活力指数 / City International Exchange Vitality Index", descriptor.GetProperty("title").GetString());
        Assert.False(descriptor.TryGetProperty("licenses", out _));
        Assert.Matches("^[0-9a-f]{12}$", descriptor.GetProperty("version").GetString());
    }

    [Fact]
    public async Task EveryRow_MatchesItsTableSchema_KeysAreUnique_AndReferencesResolve()
    {
        var (descriptor, files) = await DownloadAsync();
        var tables = files.Where(f => f.Key.EndsWith(".csv", StringComparison.Ordinal)).ToDictionary(f => f.Key, f => Csv.ParseTable(f.Value));

        foreach (var resource in descriptor.GetProperty("resources").EnumerateArray())
        {
            var name = resource.GetProperty("name").GetString()!;
            var schema = resource.GetProperty("schema");
            var fields = schema.GetProperty("fields").EnumerateArray().Select(f => (Name: f.GetProperty("name").GetString()!, Type: f.GetProperty("type").GetString()!)).ToList();
            var (header, rows) = tables[$"data/{name}.csv"];
            Assert.Equal(fields.Select(f => f.Name), header);
            Assert.NotEmpty(rows);
            var keys = schema.GetProperty("primaryKey").EnumerateArray().Select(k => header.IndexOf(k.GetString()!)).ToList();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                Assert.Equal(fields.Count, row.Length);
                for (var i = 0; i < fields.Count; i++)
                {
                    Assert.True(row[i].Length == 0 ? !keys.Contains(i) : Typed(fields[i].Type, row[i]), $"{name}.{fields[i].Name} = '{row[i]}' is not a {fields[i].Type}");
                }

                Assert.True(seen.Add(string.Join('\u001f', keys.Select(k => row[k]))), $"{name}: the primary key repeats");
            }

            if (schema.TryGetProperty("foreignKeys", out var foreignKeys))
            {
                foreach (var key in foreignKeys.EnumerateArray())
                {
                    var column = header.IndexOf(key.GetProperty("fields").GetString()!);
                    var reference = key.GetProperty("reference");
                    var (targetHeader, targetRows) = tables[$"data/{reference.GetProperty("resource").GetString()}.csv"];
                    var target = targetHeader.IndexOf(reference.GetProperty("fields").GetString()!);
                    var known = targetRows.Select(r => r[target]).ToHashSet(StringComparer.Ordinal);
                    Assert.All(rows, r => Assert.Contains(r[column], known));
                }
            }
        }
    }

    [Fact]
    public async Task DemoRowsSaySo_PublishedScoresAreAsPrinted_AndNoEmailIsInTheHistory()
    {
        var (_, files) = await DownloadAsync();

        var (valueHeader, values) = Csv.ParseTable(files["data/indicator_values.csv"]);
        Assert.All(values.Where(v => v[0] == "2015"), v => Assert.Equal("true", v[valueHeader.IndexOf("demo")]));
        var (publishedHeader, published) = Csv.ParseTable(files["data/published_scores.csv"]);
        var beijing = published.Single(p => p[0] == "2013" && p[1] == "beijing");
        Assert.Equal("1", beijing[publishedHeader.IndexOf("overall_rank")]);
        var (rankingHeader, rankings) = Csv.ParseTable(files["data/rankings.csv"]);
        Assert.Equal("published", rankings.First(r => r[0] == "2013")[rankingHeader.IndexOf("method")]);
        Assert.Equal("minmax", rankings.First(r => r[0] == "2015")[rankingHeader.IndexOf("method")]);
        var (cityHeader, cities) = Csv.ParseTable(files["data/cities.csv"]);
        var beijingCity = cities.Single(c => c[0] == "beijing");
        Assert.Equal(("39.9075", "116.3972"), (beijingCity[cityHeader.IndexOf("lat")], beijingCity[cityHeader.IndexOf("lon")]));
        var (importHeader, imports) = Csv.ParseTable(files["data/imports.csv"]);
        Assert.DoesNotContain(imports, i => i[importHeader.IndexOf("user")].Contains('@', StringComparison.Ordinal));
        Assert.All(imports, i => Assert.Contains(i[importHeader.IndexOf("user")], new[] { "editor", "api", "seed", "report" }));
    }

    [Fact]
    public async Task TheCoordinates_CarryGeoNamesAttribution_AndOnlyTheCitiesResourceHasALicence()
    {
        var (descriptor, _) = await DownloadAsync();

        var resources = descriptor.GetProperty("resources").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        var licence = Assert.Single(resources["cities"].GetProperty("licenses").EnumerateArray());
        Assert.Equal("CC-BY-4.0", licence.GetProperty("name").GetString());
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", licence.GetProperty("path").GetString());
        Assert.Contains("GeoNames", resources["cities"].GetProperty("rights").GetString(), StringComparison.Ordinal);
        Assert.All(resources.Where(r => r.Key != "cities"), r => Assert.False(r.Value.TryGetProperty("licenses", out _), r.Key));
        Assert.Contains(descriptor.GetProperty("sources").EnumerateArray(), s => s.TryGetProperty("path", out var path) && path.GetString() == "https://www.geonames.org/");
    }

    [Fact]
    public async Task ThePageAndTheZip_ShareOneVersion_AndAnUploadMakesANewOne()
    {
        var page = Dom.Parse(await PageHtml.GetOkAsync(factory, "/data", "en"));
        var before = Zipped(await ZipNameAsync());
        Assert.Contains($"Version {before},", page.GetElementById("package-version")!.TextContent, StringComparison.Ordinal);

        using var upload = await factory.CreateClientWithToken().PutAsync(new Uri("/api/years/2151/indicators", UriKind.Relative), Csv.Content("city,consulates", "beijing,3", "shanghai,4"));
        upload.EnsureSuccessStatusCode();

        Assert.NotEqual(before, Zipped(await ZipNameAsync()));

        static string Zipped(string name) => name["cityexchange-datapackage-".Length..^".zip".Length];
    }

    private async Task<string> ZipNameAsync()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/api/datapackage.zip", UriKind.Relative));
        return response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition!.FileName!.Trim('"');
    }

    [Theory]
    [InlineData("zh-CN", "完整数据集", "下载数据包（.zip）")]
    [InlineData("en", "The whole dataset", "Download the data package (.zip)")]
    public async Task TheDataPage_ListsEveryResource_AndLinksThePackage_AndTheFooterLinksIt(string culture, string title, string download)
    {
        var page = Dom.Parse(await PageHtml.GetOkAsync(factory, "/data", culture));

        Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(download, page.GetElementById("download-package")!.TextContent.Trim());
        Assert.Equal("/api/datapackage.zip", page.GetElementById("download-package")!.GetAttribute("href"));
        Assert.Equal(Resources, page.QuerySelectorAll("#package-resources tbody tr").Select(r => r.GetAttribute("data-resource")));
        var home = Dom.Parse(await PageHtml.GetOkAsync(factory, "/", culture));
        Assert.Equal("/data", home.GetElementById("footer-data")!.GetAttribute("href"));
    }

    private static bool Typed(string type, string text) => type switch
    {
        "integer" => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "number" => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        "boolean" => text is "true" or "false",
        "datetime" => DateTime.TryParseExact(text, "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _),
        _ => true,
    };

    private static string Schema(string name) => Path.Combine(AppContext.BaseDirectory, "Pages", "Data", "Schemas", name);

    private async Task<(JsonElement Descriptor, Dictionary<string, string> Files)> DownloadAsync()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/api/datapackage.zip", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var files = zip.Entries.ToDictionary(e => e.FullName, e => new StreamReader(e.Open()).ReadToEnd());
        Assert.Equal(["datapackage.json", .. Resources.Select(r => $"data/{r}.csv")], files.Keys);
        Assert.False(files["data/cities.csv"].StartsWith('\uFEFF'));
        return (JsonDocument.Parse(files["datapackage.json"]).RootElement.Clone(), files);
    }
}
