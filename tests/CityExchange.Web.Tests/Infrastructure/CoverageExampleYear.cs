using System.Net;
using System.Runtime.CompilerServices;

namespace CityExchange.Web.Tests.Infrastructure;

/// <summary>
/// Year 2171 of the coverage-threshold tests: the methodology's worked example plus wuhan with one value of 17
/// (coverage 5.9 %) far above the others, which sets the consulates goalpost unless a threshold leaves it out.
/// Uploaded once per app (each test class that uses it has an app of its own).
/// </summary>
public static class CoverageExampleYear
{
    public const int Year = 2171;

    private static readonly ConditionalWeakTable<CityExchangeFactory, Lazy<Task>> Uploads = [];

    public static Task UploadAsync(CityExchangeFactory factory) =>
        Uploads.GetValue(factory, f => new Lazy<Task>(() => PutAsync(f))).Value;

    private static async Task PutAsync(CityExchangeFactory factory)
    {
        var values = await factory.CreateClientWithToken().PutAsync(new Uri($"/api/years/{Year}/indicators", UriKind.Relative), Csv.Content(
            "city,consulates,sister_cities,trade_volume,intl_flights",
            "beijing,10,20,100,5", "shanghai,30,20,300,", "guangzhou,20,40,200,15", "chengdu,30,0,,10", "wuhan,1000,,,"));
        Assert.Equal(HttpStatusCode.OK, values.StatusCode);
    }
}
