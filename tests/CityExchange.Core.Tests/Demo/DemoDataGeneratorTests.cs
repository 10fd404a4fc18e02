using CityExchange.Core.Csv;
using CityExchange.Core.Demo;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Core.Tests.Builders;
using MathNet.Numerics.Statistics;

namespace CityExchange.Core.Tests.Demo;

public sealed class DemoDataGeneratorTests
{
    private static string Generate(int year) =>
        DemoDataGenerator.ToCsv(TestData.Framework, year, DemoDataGenerator.Generate(TestData.Framework, TestData.Published, year));

    /// <summary>
    /// The bundled demo files are exactly the generator's output, so nobody hand-edits synthetic data.
    /// Run with CITYEX_REGENERATE_DEMO=1 to rewrite them after changing the generator.
    /// </summary>
    [Theory]
    [InlineData(2014)]
    [InlineData(2015)]
    [InlineData(2016)]
    public void BundledDemoFile_IsTheGeneratorsOutput(int year)
    {
        var path = TestData.RepositoryDataPath(Path.Combine("demo", $"indicators_{year}.csv"));
        var expected = Generate(year);
        if (Environment.GetEnvironmentVariable("CITYEX_REGENERATE_DEMO") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        Assert.Equal(expected, File.ReadAllText(path));
    }

    [Fact]
    public void Generate_IsDeterministicForASeed()
    {
        Assert.Equal(Generate(2015), Generate(2015));
        Assert.NotEqual(
            DemoDataGenerator.ToCsv(TestData.Framework, 2015, DemoDataGenerator.Generate(TestData.Framework, TestData.Published, 2015, seed: 1)),
            Generate(2015));
    }

    [Fact]
    public void Generate_ParsesCleanlyAsAnUpload()
    {
        var parsed = new IndicatorCsvParser(TestData.Framework, TestData.Directory).Parse(System.Text.Encoding.UTF8.GetBytes(Generate(2014)), 2014);

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors.Select(e => e.Message)));
        Assert.Equal(46, parsed.Rows.Count);
    }

    [Fact]
    public void Generate_RanksLikeThePublishedYear()
    {
        var framework = TestData.Framework;
        var published = TestData.Published;
        var values = DemoDataGenerator.Generate(framework, published, 2014);
        var matrix = new IndicatorMatrix(framework, published.Count);
        for (var c = 0; c < published.Count; c++)
        {
            foreach (var (code, value) in values[published[c].CityCode])
            {
                matrix[framework.IndexOf(code), c] = value;
            }
        }

        var sheet = ScoringEngine.Score(matrix);
        var rho = Correlation.Spearman(sheet.OverallRanks.Select(r => (double)r), published.Select(p => (double)p.OverallRank!.Value));

        Assert.InRange(rho, 0.8, 0.995);
        Assert.All(sheet.Coverage, c => Assert.True(c > 0.7));
        Assert.Equal(Domains.Count, Domains.All.Count);
    }
}
