using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Core.Tests.Builders;
using MathNet.Numerics.Statistics;

namespace CityExchange.Core.Tests.Scoring;

/// <summary>The bundled 2013 year: the report's domain scores, aggregated by the engine.</summary>
public sealed class PublishedYearTests
{
    private static ScoreSheet Score2013(out List<string> codes)
    {
        var published = TestData.Published;
        codes = [.. published.Select(p => p.CityCode)];
        var n = published.Count;
        var domains = new double[4 * n];
        for (var c = 0; c < n; c++)
        {
            foreach (var d in Domains.All)
            {
                domains[((int)d * n) + c] = published[c].Score(d) ?? double.NaN;
            }
        }

        return ScoringEngine.FromDomainScores(n, domains);
    }

    [Fact]
    public void Published2013_BeijingShanghaiGuangzhouLead()
    {
        var sheet = Score2013(out var codes);

        var top = Enumerable.Range(0, codes.Count).OrderBy(i => sheet.OverallRanks[i]).Take(3).Select(i => codes[i]);

        Assert.Equal(["beijing", "shanghai", "guangzhou"], top);
    }

    [Fact]
    public void Published2013_RankingAgreesWithFigure3()
    {
        var sheet = Score2013(out _);
        var published = TestData.Published;

        var rho = Correlation.Spearman(
            sheet.OverallRanks.Select(r => (double)r),
            published.Select(p => (double)p.OverallRank!.Value));

        Assert.True(rho >= 0.99, $"Spearman rho {rho:F4} < 0.99");
    }

    [Fact]
    public void Published2013_AllFortySixCitiesHaveFullCoverage()
    {
        var sheet = Score2013(out var codes);

        Assert.Equal(46, codes.Count);
        Assert.All(sheet.Coverage, c => Assert.Equal(1.0, c));
    }
}
