using System.Text.Json;
using System.Text.Json.Nodes;
using CityExchange.Core.Analysis.Audit;
using CityExchange.Core.Csv;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Analysis.Audit;

/// <summary>
/// The whole audit against numpy/scipy (make_fixtures.py) and COINr (make_fixtures.R) on three data sets: a hand-made
/// year with missing values, ties and degenerate indicators, the bundled 2015 demo year, and the published 2013 domain
/// scores. Every statistic agrees to 1e-9 (<see cref="Close"/>).
/// </summary>
public sealed class StatisticalAuditFixtureTests
{
    public static TheoryData<string> DataSets => ["handmade", "demo2015", "published2013"];

    [Theory]
    [MemberData(nameof(DataSets))]
    public void Indicators_MatchScipy(string name)
    {
        var (fixture, report) = Run(name);
        var expected = fixture.Expected["indicators"]!.AsArray();

        Assert.Equal(expected.Count, report.Indicators.Count);
        foreach (var (row, actual) in expected.Zip(report.Indicators))
        {
            var code = (string)row!["code"]!;
            Assert.Equal(code, actual.Code);
            Assert.Equal((string)row["domain"]!, actual.Domain.Code());
            Assert.Equal((int)row["n"]!, actual.N);
            Assert.Equal((int)row["missing"]!, actual.Missing);
            AssertDescriptives(row, "kurtosis", actual);
            Assert.Equal((bool?)row["outlier"], actual.Outlier);
            Close.Equal(AuditFixture.Number(row["withDomain"]), actual.WithDomain, $"{code} withDomain");
            Close.Equal(AuditFixture.Number(row["withOverall"]), actual.WithOverall, $"{code} withOverall");
            Assert.Equal(row["flags"]!.AsArray().Select(f => (string)f!), actual.Flags.Select(Json));
        }
    }

    [Theory]
    [MemberData(nameof(DataSets))]
    public void Correlations_MatchScipy(string name)
    {
        var (fixture, report) = Run(name);
        var expected = fixture.Expected["correlations"]!;
        var table = report.Correlations;

        Assert.Equal(expected["codes"]!.AsArray().Select(c => (string)c!), table.Codes);
        Assert.Equal(expected["n"]!.AsArray().Select(r => r!.AsArray().Select(x => (int)x!).ToArray()).ToArray(), table.N);
        Close.Equal(AuditFixture.Matrix2(expected["pearson"]), table.Pearson, "pearson");
        Close.Relative(AuditFixture.Matrix2(expected["pearsonP"]), table.PearsonP, "pearsonP");
        Close.Equal(AuditFixture.Matrix2(expected["spearman"]), table.Spearman, "spearman");
        Close.Relative(AuditFixture.Matrix2(expected["spearmanP"]), table.SpearmanP, "spearmanP");
    }

    [Theory]
    [MemberData(nameof(DataSets))]
    public void Cronbach_MatchesScipyAndCoinr(string name)
    {
        var (fixture, report) = Run(name);

        foreach (var source in new[] { fixture.Expected["cronbach"]!, fixture.Coinr["cronbach"]! })
        {
            foreach (var domain in Domains.All)
            {
                Close.Equal(AuditFixture.Number(source[domain.Code()]), report.Cronbach.Of(domain), $"alpha {domain}");
            }

            Close.Equal(AuditFixture.Number(source["overall"]), report.Cronbach.Overall, "alpha overall");
        }
    }

    [Theory]
    [MemberData(nameof(DataSets))]
    public void Pca_MatchesNumpySvdAndCoinr(string name)
    {
        var (fixture, report) = Run(name);

        foreach (var source in new[] { fixture.Expected["pca"]!, fixture.Coinr["pca"]! })
        {
            var expected = source.AsObject();
            Assert.Equal(expected.Select(p => p.Key), report.Pca.Keys);
            foreach (var (domain, component) in expected)
            {
                var actual = report.Pca[domain];
                Close.Equal(AuditFixture.Number(component!["firstShare"]), actual.FirstShare, $"{domain} share");
                Assert.Equal(component["loadings"]!.AsObject().Select(l => l.Key), actual.Loadings.Keys);
                foreach (var (code, loading) in component["loadings"]!.AsObject())
                {
                    Close.Equal(AuditFixture.Number(loading), actual.Loadings[code], $"{domain} loading {code}");
                }

                if (component["cases"] is { } cases)
                {
                    Assert.Equal((int)cases, actual.Cases);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(DataSets))]
    public void Coverage_MatchesScipyAndCoinr(string name)
    {
        var (fixture, report) = Run(name);
        var expected = fixture.Expected["coverage"]!.AsArray();
        var coinr = AuditFixture.Numbers(fixture.Coinr["coverage"]);

        Assert.Equal(expected.Count, report.Coverage.Count);
        for (var c = 0; c < expected.Count; c++)
        {
            Assert.Equal((string)expected[c]!["code"]!, report.Coverage[c].Code);
            Close.Equal(AuditFixture.Number(expected[c]!["coverage"]), report.Coverage[c].Coverage, $"coverage {c}");
            Close.Equal(coinr[c], report.Coverage[c].Coverage, $"COINr Dat_Avail {c}");
            Assert.Equal(expected[c]!["missing"]!.AsArray().Select(m => (string)m!), report.Coverage[c].Missing);
        }
    }

    [Theory]
    [MemberData(nameof(DataSets))]
    public void Findings_MatchScipy(string name)
    {
        var (fixture, report) = Run(name);

        Assert.Equal(
            fixture.Expected["findings"]!.AsArray().Select(f => $"{f!["finding"]} {f["first"]} {f["second"]}"),
            report.Findings.Select(f => $"{Json(f.Finding)} {f.First} {f.Second}"));
    }

    /// <summary>COINr's get_stats() and check_SkewKurt() (its Pass is the complement of the outlier verdict).</summary>
    [Theory]
    [MemberData(nameof(DataSets))]
    public void Statistics_MatchCoinr(string name)
    {
        var (fixture, report) = Run(name);

        foreach (var actual in report.Indicators)
        {
            var s = fixture.Coinr["stats"]![actual.Code]!;
            Assert.Equal((int)s["n"]!, actual.N);
            AssertDescriptives(s, "kurt", actual);
            Assert.Equal(!(bool?)s["checkPass"], actual.Outlier);
        }
    }

    /// <summary>R's cor(use = "pairwise.complete.obs") and cor.test() p-values; COINr's get_pvals() where it runs.</summary>
    [Theory]
    [MemberData(nameof(DataSets))]
    public void Correlations_MatchR(string name)
    {
        var (fixture, report) = Run(name);
        var table = report.Correlations;

        Close.Equal(AuditFixture.Matrix2(fixture.Coinr["pearson"]), table.Pearson, "R pearson");
        Close.Equal(AuditFixture.Matrix2(fixture.Coinr["spearman"]), table.Spearman, "R spearman");
        Close.Relative(AuditFixture.Matrix2(fixture.Coinr["pearsonP"]), table.PearsonP, "cor.test pearson");
        Close.Relative(AuditFixture.Matrix2(fixture.Coinr["spearmanP"]), table.SpearmanP, "cor.test spearman");
        if (fixture.Coinr["getPvals"] is { } pvals)
        {
            Close.Relative(AuditFixture.Matrix2(pvals), table.PearsonP, "get_pvals");
        }
    }

    /// <summary>COINr's Screen(unit_screen = "byNA") at several thresholds leaves out exactly the same cities.</summary>
    [Theory]
    [MemberData(nameof(DataSets))]
    public void Screen_MatchesCoinr(string name)
    {
        var fixture = AuditFixture.Named(name);

        foreach (var screen in fixture.Coinr["screen"]!.AsArray())
        {
            var threshold = (double)screen!["threshold"]!;
            var result = CoverageScreen.Apply(fixture.Matrix, fixture.Cities, threshold);
            Assert.Equal(screen["removed"]!.AsArray().Select(c => (string)c!), result.Excluded.Select(e => e.Code));
        }
    }

    /// <summary>COINr's Treat() with its defaults on every indicator of the data set.</summary>
    [Theory]
    [MemberData(nameof(DataSets))]
    public void ConditionalWinsorisation_MatchesCoinrTreat(string name)
    {
        var fixture = AuditFixture.Named(name);
        var result = ConditionalWinsorisation.Treat(fixture.Matrix);

        for (var j = 0; j < fixture.Framework.Count; j++)
        {
            var code = fixture.Framework.Indicators[j].Code;
            Assert.Equal(code, result.Indicators[j].Code);
            ConditionalWinsorisationTests.AssertAsCoinr(fixture.Coinr["treat"]![code]!, result.Treated.Column(j).ToArray(), result.Indicators[j].Report, code);
        }
    }

    [Fact]
    public void HandmadeScores_AreTheEnginesDefaultScores()
    {
        var fixture = AuditFixture.Handmade;
        var sheet = ScoringEngine.Score(fixture.Matrix);

        Close.Equal(fixture.DomainScores, sheet.DomainScores, "domain scores");
        Close.Equal(fixture.Overall, sheet.Overall, "overall");
    }

    [Fact]
    public void DemoFixture_HoldsTheBundledFile()
    {
        var fixture = AuditFixture.Demo2015;
        var (matrix, codes) = Demo2015();

        Assert.Equal(fixture.Cities, codes);
        Assert.Equal(fixture.Framework.Indicators.Select(i => i.Code), matrix.Framework.Indicators.Select(i => i.Code));
        Assert.Equal(fixture.Matrix.Values, matrix.Values);
    }

    private static void AssertDescriptives(JsonNode expected, string kurtosisKey, IndicatorAudit actual)
    {
        Close.Equal(AuditFixture.Number(expected["min"]), actual.Min, $"{actual.Code} min");
        Close.Equal(AuditFixture.Number(expected["max"]), actual.Max, $"{actual.Code} max");
        Close.Equal(AuditFixture.Number(expected["mean"]), actual.Mean, $"{actual.Code} mean");
        Close.Equal(AuditFixture.Number(expected["median"]), actual.Median, $"{actual.Code} median");
        Close.Equal(AuditFixture.Number(expected["sd"]), actual.Sd, $"{actual.Code} sd");
        Close.Equal(AuditFixture.Number(expected["skew"]), actual.Skew, $"{actual.Code} skew");
        Close.Equal(AuditFixture.Number(expected[kurtosisKey]), actual.Kurtosis, $"{actual.Code} kurtosis");
    }

    private static (AuditFixture Fixture, AuditReport Report) Run(string name)
    {
        var fixture = AuditFixture.Named(name);
        var input = name switch
        {
            // The demo year as the app would audit it: parsed from the bundled file, scored by the engine.
            "demo2015" => Scored(),
            "published2013" => AuditInput.DomainScoresOf(2013, Builders.Published2013.Sheet(), Builders.Published2013.Codes),
            _ => new AuditInput(2015, fixture.Matrix, fixture.Cities) { DomainScores = fixture.DomainScores, Overall = fixture.Overall },
        };
        return (fixture, StatisticalAudit.Run(input));

        static AuditInput Scored()
        {
            var (matrix, codes) = Demo2015();
            return AuditInput.Scored(2015, matrix, codes, ScoringEngine.Score(matrix));
        }
    }

    private static (IndicatorMatrix Matrix, IReadOnlyList<string> Codes) Demo2015()
    {
        var parsed = new IndicatorCsvParser(TestData.Framework, TestData.Directory)
            .Parse(File.ReadAllBytes(TestData.DataPath(Path.Combine("demo", "indicators_2015.csv"))), 2015);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors.Select(e => e.Message)));
        var codes = parsed.Rows.Select(r => r.City!.Code).ToList();
        var matrix = new IndicatorMatrix(TestData.Framework, codes.Count);
        for (var c = 0; c < codes.Count; c++)
        {
            foreach (var cell in parsed.Rows[c].Cells)
            {
                matrix[TestData.Framework.IndexOf(cell.IndicatorCode), c] = cell.Value ?? double.NaN;
            }
        }

        return (matrix, codes);
    }

    private static string Json(AuditFinding finding) => JsonNamingPolicy.CamelCase.ConvertName(finding.ToString());
}
