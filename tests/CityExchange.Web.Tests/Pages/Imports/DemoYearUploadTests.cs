using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Web.Store;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Tests.Pages.Imports;

/// <summary>
/// A year that holds demo data never silently becomes a real year: uploading real values over it removes the demo
/// label, and the preview (page) or the answer (API) says so. A database of its own: the bundled demo years change.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class DemoYearUploadTests(IsolatedAppFixture app) : IClassFixture<IsolatedAppFixture>
{
    [Fact]
    public async Task PageUploadOverADemoYear_PreviewSaysTheDemoLabelGoesAndConfirmingRemovesIt()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(app.Factory);
        // One value the same as the demo value it replaces (data/demo/indicators_2015.csv), one different.
        var demo = PageHtml.DemoValues(2015)["consulates"]["shanghai"];
        var file = Encoded.Utf8("city,consulates", $"shanghai,{demo.ToString(System.Globalization.CultureInfo.InvariantCulture)}", "beijing,1");

        var (path, _) = await browser.PreviewAsync(file, 2015, "real-2015.csv");
        var html = WebUtility.HtmlDecode(await browser.GetHtmlAsync(path + "?culture=en"));

        Assert.Contains("id=\"demo-cleared\"", html, StringComparison.Ordinal);
        Assert.Contains("Year 2015 holds synthetic demo data. Confirming replaces all of it with this file's values and removes the demo label: 2015 is then shown as real data.", html, StringComparison.Ordinal);
        Assert.Contains("1 of the file's values are identical to the demo values they replace", html, StringComparison.Ordinal);
        Assert.Contains("Confirm: replace the demo values of 2015 and remove the demo label", html, StringComparison.Ordinal);
        Assert.True(await IsDemoAsync(2015));

        using var confirmed = await browser.ConfirmAsync(path, html);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.False(await IsDemoAsync(2015));
        await using var db = app.Factory.CreateDbContext();
        Assert.False((await db.Set<ImportRecord>().SingleAsync(i => i.FileName == "real-2015.csv")).IsDemo);
        Assert.DoesNotContain("demo-banner", await browser.GetHtmlAsync("/Rankings?year=2015"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageUploadOfANewYear_SaysNothingAboutDemoData()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(app.Factory);

        var (path, _) = await browser.PreviewAsync(Encoded.Utf8("city,consulates", "beijing,1"), 2019, "new-2019.csv");
        var html = await browser.GetHtmlAsync(path + "?culture=en");

        Assert.DoesNotContain("id=\"demo-cleared\"", html, StringComparison.Ordinal);
        Assert.Contains("Confirm: replace the values of 2019", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiUploadOverADemoYear_AnswersThatTheDemoLabelWasRemoved()
    {
        var api = app.Factory.CreateClientWithToken();
        Assert.True(await IsDemoAsync(2016));

        var first = await (await api.PutAsync(new Uri("/api/years/2016/indicators", UriKind.Relative), Csv.Content("city,consulates", "beijing,3"))).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await api.PutAsync(new Uri("/api/years/2016/indicators", UriKind.Relative), Csv.Content("city,consulates", "beijing,4"))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(first.GetProperty("demoCleared").GetBoolean());
        Assert.False(second.GetProperty("demoCleared").GetBoolean());
        Assert.False(await IsDemoAsync(2016));
    }

    private async Task<bool> IsDemoAsync(int year)
    {
        await using var db = app.Factory.CreateDbContext();
        return (await db.Set<DataYear>().SingleAsync(y => y.Year == year)).IsDemo;
    }
}
