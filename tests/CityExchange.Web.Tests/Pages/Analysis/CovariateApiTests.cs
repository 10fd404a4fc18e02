using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Web.Store;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Tests.Pages.Analysis;

[Collection(WebTestGroup.Name)]
public sealed class CovariateApiTests(CityExchangeFactory factory)
{
    private static Uri Covariates(int year) => new($"/api/years/{year}/covariates", UriKind.Relative);

    private async Task<List<CovariateValue>> StoredAsync(int year)
    {
        await using var db = factory.CreateDbContext();
        return await db.Set<CovariateValue>().Where(v => v.Year == year).OrderBy(v => v.CityCode).ThenBy(v => v.Code).ToListAsync();
    }

    [Fact]
    public async Task Put_ValidFileReplacesTheYearsCovariates()
    {
        var client = factory.CreateClientWithToken();

        var first = await client.PutAsync(Covariates(2051), Csv.Content("city,gdp,population", "beijing,19800.8,2115", "上海,21602.1,2415", "Guangzhou,15420.1,NA"));
        var summary = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(["year", "cities", "values", "covariates"], summary.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2051, summary.GetProperty("year").GetInt32());
        Assert.Equal(3, summary.GetProperty("cities").GetInt32());
        Assert.Equal(5, summary.GetProperty("values").GetInt32());
        Assert.Equal(["gdp", "population"], summary.GetProperty("covariates").EnumerateArray().Select(c => c.GetString()));

        (await client.PutAsync(Covariates(2051), Csv.Content("city,GDP", "beijing,20000", "wuhan,9051.3"))).EnsureSuccessStatusCode();

        var stored = await StoredAsync(2051);
        Assert.Equal([("beijing", "gdp", 20000.0), ("wuhan", "gdp", 9051.3)], stored.Select(v => (v.CityCode, v.Code, v.Value)));
        Assert.All(stored, v => Assert.False(v.IsDemo));
    }

    [Fact]
    public async Task Put_InvalidFileIsRefusedWithLocatedErrorsAndStoresNothing()
    {
        var client = factory.CreateClientWithToken();
        (await client.PutAsync(Covariates(2052), Csv.Content("city,gdp", "beijing,1"))).EnsureSuccessStatusCode();

        var response = await client.PutAsync(Covariates(2052), Csv.Content("city,gdp", "shanghai,2", "atlantis,3", "wuhan,lots"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = body.GetProperty("errors").EnumerateArray().ToList();
        Assert.All(errors, e => Assert.Equal(["row", "column", "value", "message", "code", "sheet", "cell"], e.EnumerateObject().Select(p => p.Name)));
        Assert.Equal([(3, "city", "atlantis", "UnknownCity"), (4, "gdp", "lots", "NotANumber")],
            errors.Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("value").GetString(), e.GetProperty("code").GetString())));
        Assert.Equal([("beijing", 1.0)], (await StoredAsync(2052)).Select(v => (v.CityCode, v.Value)));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-token", HttpStatusCode.Unauthorized)]
    public async Task Put_NeedsTheBearerToken(string? token, HttpStatusCode expected)
    {
        var response = await factory.CreateClientWithToken(token).PutAsync(Covariates(2053), Csv.Content("city,gdp", "beijing,1"));

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(await StoredAsync(2053));
    }

    [Fact]
    public async Task DemoYears_HaveSyntheticGdpSeeded()
    {
        var stored = await StoredAsync(2015);

        Assert.Equal(46, stored.Count);
        Assert.All(stored, v => Assert.True(v.IsDemo && v.Code == "gdp"));
        Assert.Empty(await StoredAsync(2013));
    }
}
