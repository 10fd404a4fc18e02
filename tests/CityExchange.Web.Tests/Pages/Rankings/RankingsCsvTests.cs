using System.Globalization;
using System.Text;
using CityExchange.Core.Scoring;
using CityExchange.Web.Pages.Shared;
using CityExchange.Web.Pages.Rankings;
using CityExchange.Web.Tests.Infrastructure;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using static CityExchange.Web.Tests.Infrastructure.YearScoreBuilders;

namespace CityExchange.Web.Tests.Pages.Rankings;

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
            var file = scope.ServiceProvider.GetRequiredService<RankingsExport>().Create(view);
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
        Assert.Equal(
            ["Year", "Demo data", "Rank (as published)", "City code", "City (Chinese)", "City (English)", "Region", "Score (derived: mean of the domain scores)", "Rank by score (derived)"],
            records[0][..9]);
        Assert.Equal(["Social", "Social rank (as published)", "Social rank by score (derived)"], records[0][9..12]);
        Assert.Equal(["2041", "no", "1", "evil", "evil市", "'=HYPERLINK(\"http://example.invalid\",\"x\")", "'@SUM(A1)", "65.0", "1"], records[1][..9]);
        Assert.Equal(["50.0", "1", "1", "60.0", "1", "1", "70.0", "1", "1", "80.0", "1", "1", "100"], records[1][9..]);
    }

    [Fact]
    public async Task Csv_OfThePublishedYearHeadlinesTheReportsRankWithTheDerivedScoreAndRankBesideIt()
    {
        var records = await DownloadAsync("/Rankings?handler=Csv&year=2013&culture=en", "cityexchange-rankings-2013-published.csv");

        Assert.Equal(["Year", "Demo data", "Rank (as published)", "City code", "City (Chinese)", "City (English)", "Region", "Score (derived: mean of the domain scores)", "Rank by score (derived)"], records[0][..9]);
        // In the report's order (Figure 3): Qingdao 9th and Shenzhen 10th, though their means rank 12th and 9th.
        Assert.Equal(["beijing", "shanghai", "guangzhou", "wuhan", "chongqing", "hangzhou", "tianjin", "chengdu", "qingdao", "shenzhen"], records.Skip(1).Take(10).Select(r => r[3]));
        var qingdao = records.Single(r => r[3] == "qingdao");
        Assert.Equal(["2013", "no", "9", "qingdao", "青岛", "Qingdao", "East China", "56.2", "12"], qingdao[..9]);
        // Guangzhou's politics: printed 4th (Figure 7), its printed score 66.30 ranks 5th.
        var politics = Array.IndexOf(records[0], "Politics");
        Assert.Equal(["66.3", "4", "5"], records.Single(r => r[3] == "guangzhou")[politics..(politics + 3)]);
        Assert.Equal(31, records.Skip(1).Count(r => r[2] != r[8]));
    }

    [Fact]
    public async Task Csv_OfADemoYearSaysSoOnEveryRowAndInItsNameWithBothCityNames()
    {
        var records = await DownloadAsync("/Rankings?handler=Csv&year=2016&culture=zh-CN", "cityexchange-rankings-2016-minmax-demo.csv");

        Assert.Equal(["年份", "演示数据", "排名", "城市代码", "城市（中文）", "城市（英文）", "地区", "得分"], records[0][..8]);
        Assert.Equal(46, records.Count - 1);
        Assert.All(records.Skip(1), r => Assert.Equal(("2016", "是"), (r[0], r[1])));
        Assert.Contains(records, r => r[3] == "beijing" && r[4] == "北京" && r[5] == "Beijing");
    }

    private async Task<List<string[]>> DownloadAsync(string url, string fileName)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var reader = new StringReader(new UTF8Encoding(false).GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));
        using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
        var records = new List<string[]>();
        while (await csv.ReadAsync())
        {
            records.Add(csv.Record!);
        }

        return records;
    }
}
