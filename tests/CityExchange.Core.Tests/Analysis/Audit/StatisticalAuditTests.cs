using CityExchange.Core.Analysis.Audit;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Analysis.Audit;

/// <summary>The audit's own rules on small hand-made years (the statistics themselves: StatisticalAuditFixtureTests).</summary>
public sealed class StatisticalAuditTests
{
    private const double N = double.NaN;

    private static readonly string[] Cities = ["a", "b", "c", "d", "e", "f"];

    /// <summary>
    /// s1 and s2 rise together (r = 0.99); t1 is s1 and t2 runs against it (r = −1); politics has one indicator with
    /// a gap. Culture is empty.
    /// </summary>
    private static IndicatorMatrix Matrix(int t2Polarity = 1)
    {
        var framework = new FrameworkBuilder().Social("s1").Social("s2").Trade("t1").Trade("t2", t2Polarity).Politics("p").Build();
        return new IndicatorMatrix(framework, 6,
        [
            1, 2, 3, 4, 5, 6,
            1, 2, 3, 4, 5, 7,
            1, 2, 3, 4, 5, 6,
            6, 5, 4, 3, 2, 1,
            3, 1, 2, N, 5, 4,
        ]);
    }

    [Fact]
    public void Run_FlagsNegativeAndCollinearPairsWithinADomain()
    {
        var report = StatisticalAudit.Run(new AuditInput(2015, Matrix(), Cities));

        Assert.Equal(
            ["collinear s1 s2", "negativeWithinDomain t1 t2", "collinear t1 t2"],
            report.Findings.Select(f => $"{Camel(f.Finding)} {f.First} {f.Second}"));
        Assert.Equal([AuditFinding.Collinear], report.Indicators[0].Flags);
        Assert.Equal([AuditFinding.NegativeWithinDomain, AuditFinding.Collinear], report.Indicators[3].Flags);
        Assert.Empty(report.Indicators[4].Flags);
    }

    [Fact]
    public void Run_AppliesPolarityBeforeCorrelating()
    {
        var report = StatisticalAudit.Run(new AuditInput(2015, Matrix(t2Polarity: -1), Cities));

        Assert.Equal(1, report.Correlations.Pearson[2][3], 14);
        Assert.DoesNotContain(report.Findings, f => f.Finding == AuditFinding.NegativeWithinDomain);
        // the raw values are described as they are
        Assert.Equal(6, report.Indicators[3].Max);
    }

    [Fact]
    public void Run_CanFlagCollinearPairsAcrossDomains()
    {
        var within = StatisticalAudit.Run(new AuditInput(2015, Matrix(), Cities));
        var across = StatisticalAudit.Run(new AuditInput(2015, Matrix(), Cities), new AuditOptions(CollinearWithinDomainOnly: false));

        Assert.DoesNotContain(within.Findings, f => f is { First: "s1", Second: "t1" });
        Assert.Contains(across.Findings, f => f is { Finding: AuditFinding.Collinear, First: "s1", Second: "t1", Pearson: 1 });
    }

    [Fact]
    public void Run_FlagsInsignificantWithinDomainByPAboveTheLevel()
    {
        var framework = new FrameworkBuilder().Culture("x").Culture("y").Build();
        // r = 0.8, n = 4: p = 0.2 (PairwiseCorrelationsTests)
        var matrix = new IndicatorMatrix(framework, 4, [1, 2, 3, 4, 1, 3, 2, 4]);

        var byDefault = StatisticalAudit.Run(new AuditInput(2015, matrix, ["a", "b", "c", "d"]));
        var below = StatisticalAudit.Run(new AuditInput(2015, matrix, ["a", "b", "c", "d"]), new AuditOptions(SignificanceLevel: 0.2 - 1e-9));
        var above = StatisticalAudit.Run(new AuditInput(2015, matrix, ["a", "b", "c", "d"]), new AuditOptions(SignificanceLevel: 0.2 + 1e-9));

        Assert.Equal([AuditFinding.InsignificantWithinDomain], byDefault.Findings.Select(f => f.Finding));
        Assert.Equal([AuditFinding.InsignificantWithinDomain], below.Findings.Select(f => f.Finding));
        Assert.Empty(above.Findings);
    }

    /// <summary>The issue's thresholds: p above 0.05 is insignificant, |r| above 0.92 collinear, within a domain.</summary>
    [Fact]
    public void Options_DefaultToTheIssuesThresholds()
    {
        Assert.Equal(new AuditOptions(0.05, 0.92, CollinearWithinDomainOnly: true), AuditOptions.Default);
    }

    /// <summary>
    /// |r| must exceed the threshold: s1 and s2 (r = 0.98974, scipy) are collinear at 0.9897, not at 0.9898; s1 and
    /// t1 (the same values, r = 1) are not collinear at a threshold of 1.
    /// </summary>
    [Fact]
    public void Run_FlagsCollinearityStrictlyAboveTheThreshold()
    {
        var at9897 = StatisticalAudit.Run(new AuditInput(2015, Matrix(), Cities), new AuditOptions(CollinearThreshold: 0.9897));
        var at9898 = StatisticalAudit.Run(new AuditInput(2015, Matrix(), Cities), new AuditOptions(CollinearThreshold: 0.9898));

        Assert.Contains(at9897.Findings, f => f is { Finding: AuditFinding.Collinear, First: "s1", Second: "s2" });
        Assert.DoesNotContain(at9898.Findings, f => f is { First: "s1", Second: "s2" });
        var atOne = StatisticalAudit.Run(new AuditInput(2015, Matrix(), Cities), new AuditOptions(CollinearThreshold: 1, CollinearWithinDomainOnly: false));
        Assert.Equal(1, atOne.Correlations.Pearson[0][2]);
        Assert.DoesNotContain(atOne.Findings, f => f.Finding == AuditFinding.Collinear);
    }

    [Fact]
    public void Run_CorrelatesEachIndicatorWithItsDomainAndTheOverallScore()
    {
        var matrix = Matrix();
        var sheet = ScoringEngine.Score(matrix);

        var report = StatisticalAudit.Run(AuditInput.Scored(2015, matrix, Cities, sheet));

        var social = sheet.DomainScores.AsSpan((int)Domain.Social * 6, 6).ToArray();
        Assert.Equal(PairwiseCorrelations.Pearson(matrix.Column(1), social), report.Indicators[1].WithDomain);
        Assert.Equal(PairwiseCorrelations.Pearson(matrix.Column(4), sheet.Overall), report.Indicators[4].WithOverall);
        Assert.InRange(report.Indicators[1].WithDomain, 0.99, 1);
    }

    [Fact]
    public void Run_WithoutScoresLeavesTheScoreCorrelationsNaN()
    {
        var report = StatisticalAudit.Run(new AuditInput(2015, Matrix(), Cities));

        Assert.All(report.Indicators, i => Assert.True(double.IsNaN(i.WithDomain) && double.IsNaN(i.WithOverall)));
    }

    [Fact]
    public void Run_HasAPcaForEachDomainWithValuesAndCronbachWhereDefined()
    {
        var report = StatisticalAudit.Run(new AuditInput(2015, Matrix(), Cities));

        Assert.Equal(["social", "trade", "politics"], report.Pca.Keys);
        Assert.Equal(5, report.Pca["politics"].Cases);
        Assert.True(double.IsNaN(report.Cronbach.Culture));
        Assert.True(double.IsNaN(report.Cronbach.Politics));
        Assert.Equal(2015, report.Year);
    }

    [Fact]
    public void Run_ListsEachCitysCoverageAndMissingIndicators()
    {
        var report = StatisticalAudit.Run(new AuditInput(2015, Matrix(), Cities));

        Assert.Equal(("d", 0.8), (report.Coverage[3].Code, report.Coverage[3].Coverage));
        Assert.Equal(["p"], report.Coverage[3].Missing);
        Assert.Equal(1, report.Coverage[0].Coverage);
    }

    [Fact]
    public void DomainScoresOf_AuditsThePublishedDomainScores()
    {
        var sheet = Published2013.Sheet();

        var input = AuditInput.DomainScoresOf(2013, sheet, Published2013.Codes);

        Assert.Equal(["social", "culture", "trade", "politics"], input.Values.Framework.Indicators.Select(i => i.Code));
        Assert.Equal(sheet.DomainScores, input.Values.Values);
        var report = StatisticalAudit.Run(input);
        Assert.All(report.Indicators, i => Assert.Equal(1, i.WithDomain, 14));
    }

    [Fact]
    public void AuditInput_RejectsScoresOfTheWrongLength()
    {
        Assert.Throws<ArgumentException>(() => new AuditInput(2015, Matrix(), Cities) { Overall = [1, 2] });
        Assert.Throws<ArgumentException>(() => new AuditInput(2015, Matrix(), Cities) { DomainScores = new double[6] });
        Assert.Throws<ArgumentException>(() => StatisticalAudit.Run(new AuditInput(2015, Matrix(), ["a"])));
    }

    private static string Camel(AuditFinding finding) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(finding.ToString());
}
