using System.Globalization;
using System.Text;
using CityExchange.Core.Scoring;
using CityExchange.Web.Dashboard;
using CityExchange.Web.Tests.Infrastructure;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using static CityExchange.Web.Tests.Dashboard.DashboardBuilders;

namespace CityExchange.Web.Tests.Dashboard;

[Collection(WebTestGroup.Name)]
public sealed class RankingsCsvTests(CityExchangeFactory factory)
{
    [Fact]
    public void Create_NeutralisesFormulaLikeTextAndKeepsNumbersAsNumbers()
    {
        var evil = City("evil", nameEn: "=HYPERLINK(\"http://example.invalid\",\"x\")", region: "华东") with { RegionEn = "@SUM(A1)" };
        var year = PublishedYear(2041, [evil, City("plain")], [50, 60, 70, 80], [10, 20, 30, 40]);
        var rows = RankingTable.Build(year, null, null);
        var view = new RankingsView(Context(2041), new RankingsQuery(2041), null, RankingSort.Rank, false, rows, 2, 2, 1, 1, [], []);

        var before = CultureInfo.CurrentUICulture;
        List<string[]> records;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            using var scope = factory.Services.CreateScope();
            var file = scope.ServiceProvider.GetRequiredService<RankingsCsv>().Create(view);
            Assert.Equal("cityexchange-rankings-2041-published.csv", file.FileName);
            using var reader = new StringReader(new UTF8Encoding(false).GetString(file.Content).TrimStart('\uFEFF'));
            using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
            records = [];
            while (csv.Read())
            {
                records.Add(csv.Record!);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        Assert.Equal(3, records.Count);
        Assert.Equal(["1", "evil", "'=HYPERLINK(\"http://example.invalid\",\"x\")", "'@SUM(A1)", "65.0"], records[1][..5]);
        Assert.Equal(["50.0", "1", "60.0", "1", "70.0", "1", "80.0", "1", "100", ""], records[1][5..]);
        Assert.Equal("Rank in the report", records[0][^1]);
    }
}
