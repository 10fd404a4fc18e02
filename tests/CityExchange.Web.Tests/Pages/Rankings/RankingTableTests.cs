using System.Globalization;
using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Web.Pages.Shared;
using CityExchange.Web.Pages.Rankings;
using static CityExchange.Web.Tests.Infrastructure.YearScoreBuilders;

namespace CityExchange.Web.Tests.Pages.Rankings;

public sealed class RankingTableTests
{
    private static readonly City[] Cities =
    [
        City("alpha", region: "东北", level: CityLevels.Municipality, eastWest: "east", northSouth: "north", nameEn: "Alpha", nameZh: "甲城"),
        City("bravo", level: CityLevels.Capital, eastWest: "west", nameEn: "Bravo", nameZh: "乙城"),
        City("charlie", eastWest: null, nameEn: "Charlie", nameZh: "丙城"),
    ];

    // Overall: alpha (80+60+40+20)/4 = 50; bravo (90+NaN+30+60)/3 = 60; charlie 10 each = 10.
    private static readonly Web.Scoring.YearScores Year2042 = PublishedYear(2042, Cities, [80, 60, 40, 20], [90, double.NaN, 30, 60], [10, 10, 10, 10]);

    [Fact]
    public void Build_OrdersByRankAndContributionsAddUpToTheOverallScore()
    {
        var rows = RankingTable.Build(Year2042, null, null);

        Assert.Equal(["bravo", "alpha", "charlie"], rows.Select(r => r.City.Code));
        Assert.Equal([1, 2, 3], rows.Select(r => r.Rank));
        // Bravo has three domains: each brings a third of its score, the missing one nothing.
        Assert.Equal([30, 0, 10, 20], rows[0].Contributions.Select(c => Math.Round(c, 9)));
        Assert.Equal([20, 15, 10, 5], rows[1].Contributions);
        Assert.All(rows, r => Assert.Equal(r.Overall, r.Contributions.Sum(), 9));
    }

    [Fact]
    public void Build_DomainRankingUsesTheDomainsRanksAndScores()
    {
        var rows = RankingTable.Build(Year2042, null, Domain.Politics);

        Assert.Equal(["bravo", "alpha", "charlie"], rows.Select(r => r.City.Code));
        Assert.Equal([60, 20, 10], rows.Select(r => r.Score));

        var culture = RankingTable.Build(Year2042, null, Domain.Culture);
        Assert.Equal(["alpha", "charlie", "bravo"], culture.Select(r => r.City.Code));
        Assert.Equal(0, culture[2].Rank);
    }

    [Fact]
    public void Build_MovementComparesWithThePreviousYearAndMarksNewCities()
    {
        // 2041: only alpha (rank 2) and charlie (rank 1).
        var previous = PublishedYear(2041, [Cities[0], Cities[2]], [10, 10, 10, 10], [50, 50, 50, 50]);

        var rows = RankingTable.Build(Year2042, previous, null).ToDictionary(r => r.City.Code);

        Assert.Equal(0, rows["alpha"].Movement.Change);
        Assert.Equal(-2, rows["charlie"].Movement.Change);
        Assert.True(rows["bravo"].Movement.IsNew);
        Assert.Null(rows["bravo"].Movement.Change);
        Assert.False(RankingTable.Build(Year2042, null, null)[0].Movement.Compared);
    }

    [Fact]
    public void Build_AfterAnUploadIntoThePreviousYear_MovesAgainstTheNewOne_AndTheRowsWithoutMovementStayAsTheyWere()
    {
        // The rows of a scored year are kept with it; their movements follow whichever previous year is asked for.
        var before = PublishedYear(2041, [Cities[0], Cities[2]], [10, 10, 10, 10], [50, 50, 50, 50]);
        var after = PublishedYear(2041, [Cities[0], Cities[1]], [90, 90, 90, 90], [5, 5, 5, 5]);

        Assert.Equal(-2, RankingTable.Build(Year2042, before, null).Single(r => r.City.Code == "charlie").Movement.Change);
        var moved = RankingTable.Build(Year2042, after, null).ToDictionary(r => r.City.Code);
        // 2041 after the upload: alpha 1, bravo 2; 2042: bravo 1, alpha 2, charlie 3 (new).
        Assert.Equal(-1, moved["alpha"].Movement.Change);
        Assert.Equal(1, moved["bravo"].Movement.Change);
        Assert.True(moved["charlie"].Movement.IsNew);
        Assert.Equal(-2, RankingTable.Build(Year2042, before, null).Single(r => r.City.Code == "charlie").Movement.Change);
        Assert.All(RankingTable.Build(Year2042, null, null), r => Assert.False(r.Movement.Compared));
        Assert.Equal(1, RankingTable.Build(Year2042, after, Domain.Politics).Single(r => r.City.Code == "bravo").Movement.Rank);
    }

    [Fact]
    public void Sort_ByRank_OfRowsAlreadyInThatOrder_KeepsThem_AndSortsRowsThatAreNot()
    {
        var rows = RankingTable.Build(Year2042, null, null);

        Assert.Equal(["bravo", "alpha", "charlie"], RankingTable.Sort(rows, RankingSort.Rank, descending: false, StringComparer.Ordinal).Select(r => r.City.Code));
        Assert.Equal(["bravo", "alpha", "charlie"], RankingTable.Sort(rows.Reverse().ToList(), RankingSort.Rank, descending: false, StringComparer.Ordinal).Select(r => r.City.Code));
        Assert.Equal(["charlie", "alpha", "bravo"], RankingTable.Sort(rows, RankingSort.Rank, descending: true, StringComparer.Ordinal).Select(r => r.City.Code));
    }

    [Fact]
    public void Sort_PutsCitiesWithoutAValueLastInEitherDirection()
    {
        var rows = RankingTable.Build(Year2042, null, null);

        var ascending = RankingTable.Sort(rows, RankingSort.Culture, descending: false, StringComparer.Ordinal);
        var descending = RankingTable.Sort(rows, RankingSort.Culture, descending: true, StringComparer.Ordinal);

        Assert.Equal(["charlie", "alpha", "bravo"], ascending.Select(r => r.City.Code));
        Assert.Equal(["alpha", "charlie", "bravo"], descending.Select(r => r.City.Code));
    }

    [Fact]
    public void Sort_ByNameUsesTheDisplayedName()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            var rows = RankingTable.Build(Year2042, null, null);

            var sorted = RankingTable.Sort(rows, RankingSort.Name, descending: true, RankingTable.NameComparer(CultureInfo.CurrentUICulture));

            Assert.Equal(["charlie", "bravo", "alpha"], sorted.Select(r => r.City.Code));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData("东北", null, null, new[] { "alpha" })]
    [InlineData("East China", null, null, new[] { "bravo", "charlie" })]
    [InlineData(null, "west", null, new[] { "bravo" })]
    [InlineData(null, "east", null, new[] { "alpha" })]
    [InlineData(null, "north", null, new[] { "alpha" })]
    [InlineData(null, "capital", null, new[] { "bravo" })]
    [InlineData(null, "no-such-group", null, new[] { "bravo", "alpha", "charlie" })]
    [InlineData(null, null, "丙", new[] { "charlie" })]
    [InlineData(null, null, "BRAVO", new[] { "bravo" })]
    [InlineData("华东", "south", "char", new[] { "charlie" })]
    public void Filter_KeepsTheRegionGroupAndSearchMatches(string? region, string? group, string? search, string[] expected)
    {
        var rows = RankingTable.Build(Year2042, null, null);

        Assert.Equal(expected, RankingTable.Filter(rows, region, group, search).Select(r => r.City.Code));
    }

    [Theory]
    [InlineData(null, 1, 10)]
    [InlineData(2, 2, 10)]
    [InlineData(5, 5, 6)]
    [InlineData(99, 5, 6)]
    [InlineData(-3, 1, 10)]
    public void Paginate_SplitsIntoPagesAndClampsThePage(int? page, int expectedPage, int expectedCount)
    {
        var rows = Enumerable.Range(1, 46).ToList();

        var (items, current, pageCount) = RankingTable.Paginate(rows, page, pageSize: 10);

        Assert.Equal(5, pageCount);
        Assert.Equal(expectedPage, current);
        Assert.Equal(expectedCount, items.Count);
        Assert.Equal(((expectedPage - 1) * 10) + 1, items[0]);
    }

    [Fact]
    public void Paginate_OneHundredCitiesFitOnOnePage()
    {
        Assert.Equal(1, RankingTable.Paginate(Enumerable.Range(1, 100).ToList(), null).PageCount);
        Assert.Equal(2, RankingTable.Paginate(Enumerable.Range(1, 101).ToList(), null).PageCount);
    }

    [Theory]
    [InlineData("social", RankingSort.Social)]
    [InlineData("MOVEMENT", RankingSort.Movement)]
    [InlineData("3", RankingSort.Rank)]
    [InlineData("drop table", RankingSort.Rank)]
    [InlineData(null, RankingSort.Rank)]
    public void ParseSort_FallsBackToRankForAnythingUnknown(string? code, RankingSort expected) =>
        Assert.Equal(expected, RankingSorts.Parse(code));

    [Fact]
    public void Regions_FollowTheReportsOrder()
    {
        var regions = RankingsHandler.Regions([City("x", region: "西北"), City("y", region: "东北"), City("z", region: "华北"), City("w", region: "东北")]);

        Assert.Equal(["东北", "华北", "西北"], regions.Select(r => r.Key));
    }
}
