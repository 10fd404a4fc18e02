using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Pages.Imports;

/// <summary>
/// What a city office does: download the Excel template, fill it in, upload it as it is — and see it ranked, or every
/// mistake located by sheet and cell with nothing stored. The workbook is filled with the Open XML SDK (as Excel would
/// save it: numbers as numbers, text as shared strings). Years 2141–2143.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class WorkbookRoundTripTests(CityExchangeFactory factory)
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Theory]
    [InlineData("en", 2141, "indicators")]
    [InlineData("zh-CN", 2142, "指标")]
    public async Task TheTemplateFilledIn_UploadsAsItIs_AndIsRanked(string culture, int year, string sheet)
    {
        var template = await factory.CreateClient().GetByteArrayAsync(new Uri($"/api/years/{year}/template?format=xlsx&fill=blank&culture={culture}", UriKind.Relative));
        var filled = WorkbookFiller.Fill(template, sheet, ("beijing", "E", "120"), ("beijing", "S", "9"), ("shanghai", "E", "80"), ("shanghai", "S", "7"), ("guangzhou", "S", "3"));

        using var response = await PutAsync(year, filled);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, summary.GetProperty("cities").GetInt32());
        Assert.Equal(5, summary.GetProperty("values").GetInt32());
        var ranking = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/rankings/{year}");
        Assert.Equal("beijing", ranking.GetProperty("cities")[0].GetProperty("code").GetString());
        using var history = await factory.CreateClientWithToken().GetAsync(new Uri($"/api/imports?year={year}", UriKind.Relative));
        Assert.Equal($"api-{year}.xlsx", (await history.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task AMistakeInTheWorkbook_IsLocatedBySheetAndCell_AndNothingIsStored()
    {
        const int year = 2143;
        var template = await factory.CreateClient().GetByteArrayAsync(new Uri($"/api/years/{year}/template?format=xlsx&fill=blank&culture=en", UriKind.Relative));
        var filled = WorkbookFiller.Fill(template, "indicators", ("beijing", "E", "120"), ("shanghai", "E", "lots"));

        using var response = await PutAsync(year, filled);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal("NotANumber", error.GetProperty("code").GetString());
        Assert.Equal("indicators", error.GetProperty("sheet").GetString());
        var row = error.GetProperty("row").GetInt32();
        Assert.Equal($"E{row}", error.GetProperty("cell").GetString());
        Assert.Equal("Foreign residents (foreign_residents)", error.GetProperty("column").GetString());
        Assert.Equal("lots", error.GetProperty("value").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(new Uri($"/api/rankings/{year}", UriKind.Relative))).StatusCode);
    }

    private async Task<HttpResponseMessage> PutAsync(int year, byte[] workbook)
    {
        var content = new ByteArrayContent(workbook);
        content.Headers.ContentType = new MediaTypeHeaderValue(XlsxType);
        return await factory.CreateClientWithToken().PutAsync(new Uri($"/api/years/{year}/indicators", UriKind.Relative), content);
    }
}
