using CityExchange.Core.Framework;
using CityExchange.Core.Published;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Published;

/// <summary>The report's printed ranks (Figures 3–7) against the ranks of its printed scores, on the bundled 2013 data.</summary>
public sealed class PrintedRankCheckTests
{
    private static readonly IReadOnlyList<PrintedRanks?> Printed =
        [.. Published2013.Codes.Select(code => PrintedRanks.From(TestData.Published.Single(p => p.CityCode == code)))];

    private static int IndexOf(string code) => Published2013.Codes.ToList().IndexOf(code);

    [Fact]
    public void DomainDisagreements_AreTheFiftyTwoPlacesWhereTheReportContradictsItsOwnDomainScores()
    {
        var sheet = Published2013.Sheet();

        var all = PrintedRankCheck.DomainDisagreements(sheet, Printed);

        Assert.Equal(52, all.Count);
        Assert.Equal([25, 8, 5, 14], Domains.All.Select(d => all.Count(x => x.Domain == d)));
    }

    [Fact]
    public void DomainDisagreements_FindGuangzhouAndNanningInPolitics()
    {
        // Figure 7 ranks Guangzhou 4th and Nanning 6th; the regional figures give Nanning 66.47 > Guangzhou 66.30.
        var sheet = Published2013.Sheet();
        var politics = PrintedRankCheck.Disagreements(sheet, Printed, Domain.Politics);

        Assert.Contains(new RankDisagreement(IndexOf("guangzhou"), Domain.Politics, 4, 5), politics);
        Assert.Contains(new RankDisagreement(IndexOf("nanning"), Domain.Politics, 6, 4), politics);
        Assert.True(PrintedRankCheck.Domain(sheet, Printed, Domain.Politics, IndexOf("guangzhou")).Disagrees);
        Assert.False(PrintedRankCheck.Domain(sheet, Printed, Domain.Politics, IndexOf("beijing")).Disagrees);
    }

    [Fact]
    public void DomainDisagreements_IncludeNantongsTiedSocialRankAsPrinted()
    {
        // Figure 4 prints 25 for Nantong (tied with Taiyuan); its social score, the lowest, ranks 46th.
        var rank = PrintedRankCheck.Domain(Published2013.Sheet(), Printed, Domain.Social, IndexOf("nantong"));

        Assert.Equal(new PrintedRank(25, 46), rank);
        Assert.True(rank.Disagrees);
    }

    [Fact]
    public void OverallDisagreements_AreThirtyOneCitiesWhoseFigure3RankIsNotTheRankOfTheEqualWeightMean()
    {
        var sheet = Published2013.Sheet();

        var overall = PrintedRankCheck.Disagreements(sheet, Printed, null);

        Assert.Equal(31, overall.Count);
        // Qingdao: 9th in Figure 3, 12th by the mean of its published domain scores.
        Assert.Contains(new RankDisagreement(IndexOf("qingdao"), null, 9, 12), overall);
        Assert.DoesNotContain(overall, x => x.City == IndexOf("beijing"));
    }

    [Theory]
    [InlineData(null, 3, false)]
    [InlineData(3, 0, false)]
    [InlineData(3, 3, false)]
    [InlineData(3, 4, true)]
    public void Disagrees_OnlyWhereBothRanksExistAndDiffer(int? printed, int ofScore, bool disagrees) =>
        Assert.Equal(disagrees, new PrintedRank(printed, ofScore).Disagrees);

    [Theory]
    [InlineData(null, 3, 3)]
    [InlineData(null, 0, 0)]
    [InlineData(25, 46, 25)]
    [InlineData(4, 0, 4)]
    public void Headline_IsThePrintedRankWhereThereIsOneElseTheRankOfTheScore(int? printed, int ofScore, int headline) =>
        Assert.Equal(headline, new PrintedRank(printed, ofScore).Headline);

    [Fact]
    public void Check_WithoutPrintedRanks_FindsNothing()
    {
        var sheet = Published2013.SheetOf([10, 20, 30, 40], [40, 30, 20, 10]);

        Assert.Empty(PrintedRankCheck.DomainDisagreements(sheet, [null, null]));
        Assert.Equal(new PrintedRank(null, 1), PrintedRankCheck.Overall(sheet, null, 0));
        Assert.Throws<ArgumentException>(() => PrintedRankCheck.Disagreements(sheet, [null], null));
    }
}
