using System.Net;

namespace CityExchange.Web.Tests.Infrastructure;

/// <summary>
/// A year of many synthetic cities in a database of its own (the large-year tests): the cities (named "城{code}" and
/// "City {code}", all in East China) and then their values, each upload asserted, once per fixture however many tests
/// ask for it.
/// </summary>
public sealed class SyntheticYear : IDisposable
{
    private readonly SemaphoreSlim _setup = new(1, 1);
    private bool _prepared;

    public async Task EnsureAsync(CityExchangeFactory factory, int year, IReadOnlyList<string> codes, string valueHeader, Func<string, int, string> valueRow)
    {
        await _setup.WaitAsync();
        try
        {
            if (_prepared)
            {
                return;
            }

            var client = factory.CreateClientWithToken();
            var cities = Csv.Content([
                "code,name_zh,name_en,province_zh,province_en,region_zh,region_en,level,east_west,north_south",
                .. codes.Select(c => $"{c},城{c},City {c},省,Province,华东,East China,other,east,south")]);
            Assert.Equal(HttpStatusCode.OK, (await client.PutAsync(new Uri("/api/cities", UriKind.Relative), cities)).StatusCode);
            var values = Csv.Content([valueHeader, .. codes.Select(valueRow)]);
            Assert.Equal(HttpStatusCode.OK, (await client.PutAsync(new Uri($"/api/years/{year}/indicators", UriKind.Relative), values)).StatusCode);
            _prepared = true;
        }
        finally
        {
            _setup.Release();
        }
    }

    public void Dispose() => _setup.Dispose();
}
