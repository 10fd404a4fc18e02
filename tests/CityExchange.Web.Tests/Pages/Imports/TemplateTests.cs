using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CityExchange.Web.Store;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Tests.Pages.Imports;

/// <summary>The downloads of the upload page: the yearly template and the indicator dictionary.</summary>
[Collection(WebTestGroup.Name)]
public sealed class TemplateTests(CityExchangeFactory factory)
{
    [Fact]
    public async Task Template_IsUtf8WithBomHasEveryCityAndUploadsBackToTheSameValues()
    {
        // A real (non-demo) year of this test's own: templates prefill from real values only (TemplatePrefillTests).
        var api = factory.CreateClientWithToken();
        (await api.PutAsync(new Uri("/api/years/2061/indicators", UriKind.Relative), Csv.Content(
            "city,consulates,sister_cities,trade_volume", "beijing,61,72,3240.5", "shanghai,75,,4338"))).EnsureSuccessStatusCode();
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);

        using var response = await browser.Client.GetAsync(new Uri("/Upload?handler=Template&year=2061&prefill=true&culture=en", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("city,year,foreign_residents,intl_flights,", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",sister_cities,source", lines[0], StringComparison.Ordinal);
        // The header, 46 cities, and the comment saying where the values come from.
        Assert.Equal(48, lines.Length);
        Assert.Equal("beihai,2061" + new string(',', 18), lines[1]);
        var header = lines[0].Split(',');
        var beijing = lines.Single(l => l.StartsWith("beijing,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(("61", "72", "3240.5"), (beijing[Array.IndexOf(header, "consulates")], beijing[Array.IndexOf(header, "sister_cities")], beijing[Array.IndexOf(header, "trade_volume")]));
        Assert.StartsWith("# Prefilled with the indicator values of 2061", lines[^1], StringComparison.Ordinal);

        // The template is the upload format: re-uploaded as 2062, it stores exactly 2061's values.
        var put = await api.PutAsync(new Uri("/api/years/2062/indicators", UriKind.Relative), Csv.Bytes(bytes));
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("YearMismatch", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var blank = Encoding.UTF8.GetString(await browser.Client.GetByteArrayAsync(new Uri("/Upload?handler=Template&year=2062&prefill=false", UriKind.Relative)));
        Assert.Equal("beihai,2062" + new string(',', 18), blank.Split("\r\n")[1]);
        // The first ",2061," of each data line is its year cell (city codes hold no comma); the comment line stays.
        var renamed = Encoding.UTF8.GetBytes(string.Join("\r\n", lines.Select((line, i) =>
        {
            var at = line.IndexOf(",2061,", StringComparison.Ordinal);
            return i == 0 || at < 0 ? line : line[..at] + ",2062," + line[(at + 6)..];
        })));
        (await api.PutAsync(new Uri("/api/years/2062/indicators", UriKind.Relative), Csv.Bytes(renamed))).EnsureSuccessStatusCode();
        await using var db = factory.CreateDbContext();
        var original = await db.Set<IndicatorValue>().Where(v => v.Year == 2061).OrderBy(v => v.CityCode).ThenBy(v => v.IndicatorCode).Select(v => v.Value).ToListAsync();
        var copy = await db.Set<IndicatorValue>().Where(v => v.Year == 2062).OrderBy(v => v.CityCode).ThenBy(v => v.IndicatorCode).Select(v => v.Value).ToListAsync();
        Assert.Equal([61, 72, 3240.5, 75, 4338], original);
        Assert.Equal(original, copy);
    }

    [Fact]
    public async Task Dictionary_ListsEveryIndicatorInBothLanguagesWithNumericPolarity()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);

        var bytes = await browser.Client.GetByteArrayAsync(new Uri("/Upload?handler=Dictionary", UriKind.Relative));

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("code,domain,domain_zh,domain_en,name_zh,name_en,unit,polarity,definition_zh,typical_source_zh", lines[0]);
        Assert.Equal(18, lines.Length);
        Assert.StartsWith("foreign_residents,social,社会领域,Social,外籍人员居民人数,Foreign residents,persons,1,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_YearOutOfRangeIs400()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);

        using var response = await browser.Client.GetAsync(new Uri("/Upload?handler=Template&year=99999&prefill=true", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
