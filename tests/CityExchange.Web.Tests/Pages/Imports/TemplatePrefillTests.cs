using System.Net;
using System.Text;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Pages.Imports;

/// <summary>
/// Templates are never prefilled from demo values: from the latest year with real indicator values, or blank, and they
/// say which, on the page and in the file. The proposed year is the one after the latest stored year. A database of its
/// own: the test stores a real year that would change the other tests' templates.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class TemplatePrefillTests(IsolatedAppFixture app) : IClassFixture<IsolatedAppFixture>
{
    /// <summary>A city's data line with every cell blank: the code, the year, then 17 indicators and the source (18 commas).</summary>
    private static string Blank(string city, int year) => $"{city},{year}" + new string(',', 18);

    [Fact]
    public async Task Templates_AreBlankWhileEveryIndicatorYearIsDemoThenPrefillFromTheLatestRealYearAndSaySo()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(app.Factory);

        // The bundled data: 2013 published, 2014–2016 synthetic demo years. Nothing real to prefill from.
        var page = await browser.GetHtmlAsync("/Upload?culture=en");
        Assert.Contains("id=\"template-year\" name=\"year\" type=\"number\" min=\"1900\" max=\"2200\" step=\"1\" value=\"2017\"", page, StringComparison.Ordinal);
        Assert.Contains("No year up to 2017 has real (non-demo) indicator values, so templates are blank: demo values are never used to prefill them.", page, StringComparison.Ordinal);
        var (name, lines) = await TemplateAsync(browser, 2017, prefill: true);
        Assert.Equal("cityexchange-2017-template-blank.csv", name);
        Assert.Equal(Blank("beihai", 2017), lines[1]);
        Assert.All(lines[1..^1], line => Assert.EndsWith(",2017" + new string(',', 18), line, StringComparison.Ordinal));
        Assert.Equal("# Blank: no year up to 2017 has real (non-demo) indicator values to prefill from; demo values are never used. Lines starting with # are skipped on upload.", lines[^1]);
        // A demo year's own template is blank too.
        Assert.Equal(Blank("beijing", 2016), (await TemplateAsync(browser, 2016, prefill: true)).Lines.Single(l => l.StartsWith("beijing,", StringComparison.Ordinal)));

        // Real values for 2017: the next template takes them, and the page and the file say so.
        var put = await app.Factory.CreateClientWithToken().PutAsync(new Uri("/api/years/2017/indicators", UriKind.Relative), Csv.Content("city,consulates,sister_cities", "beijing,61,72"));
        put.EnsureSuccessStatusCode();
        page = await browser.GetHtmlAsync("/Upload?culture=en");
        Assert.Contains("value=\"2018\"", page, StringComparison.Ordinal);
        Assert.Contains("for 2018, those of 2017. Demo values are never used.", page, StringComparison.Ordinal);
        (name, lines) = await TemplateAsync(browser, 2018, prefill: true);
        Assert.Equal("cityexchange-2018-template-from-2017.csv", name);
        var header = lines[0].Split(',');
        var beijing = lines.Single(l => l.StartsWith("beijing,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(("2018", "61", "72"), (beijing[1], beijing[Array.IndexOf(header, "consulates")], beijing[Array.IndexOf(header, "sister_cities")]));
        Assert.Equal(Blank("shanghai", 2018), lines.Single(l => l.StartsWith("shanghai,", StringComparison.Ordinal)));
        Assert.Equal("# Prefilled with the indicator values of 2017: real data; demo values are never used. Lines starting with # are skipped on upload.", lines[^1]);

        // Up to 2016 there is still no real year: never the demo values.
        Assert.Equal(Blank("beijing", 2016), (await TemplateAsync(browser, 2016, prefill: true)).Lines.Single(l => l.StartsWith("beijing,", StringComparison.Ordinal)));
        // Asked blank, it is blank and says so.
        (name, lines) = await TemplateAsync(browser, 2018, prefill: false);
        Assert.Equal(("cityexchange-2018-template-blank.csv", "# Blank template. Lines starting with # are skipped on upload."), (name, lines[^1]));
    }

    [Fact]
    public async Task Template_CommentIsInTheReadersLanguage()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(app.Factory);

        var (_, lines) = await TemplateAsync(browser, 2030, prefill: false, culture: "zh-CN");

        Assert.Equal("# 空白模板。以 # 开头的行在上传时会被忽略。", lines[^1]);
    }

    private static async Task<(string Name, string[] Lines)> TemplateAsync(BrowserSession browser, int year, bool prefill, string culture = "en")
    {
        using var response = await browser.Client.GetAsync(new Uri($"/Upload?handler=Template&year={year}&prefill={(prefill ? "true" : "false")}&culture={culture}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition!.FileName!.Trim('"');
        return (name, Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }
}
