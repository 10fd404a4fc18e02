using CityExchange.Core.Analysis;
using CityExchange.Core.Demo;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Demo;

public sealed class DemoCovariateGeneratorTests
{
    private static string Generate(int year) => DemoCovariateGenerator.ToCsv(year, DemoCovariateGenerator.GenerateGdp(TestData.Published, year));

    /// <summary>
    /// The bundled synthetic GDP files are exactly the generator's output, so nobody hand-edits synthetic data.
    /// Run with CITYEX_REGENERATE_DEMO=1 to rewrite them after changing the generator.
    /// </summary>
    [Theory]
    [InlineData(2014)]
    [InlineData(2015)]
    [InlineData(2016)]
    public void BundledDemoCovariateFile_IsTheGeneratorsOutput(int year)
    {
        var path = TestData.RepositoryDataPath(Path.Combine("demo", $"covariates_{year}.csv"));
        var expected = Generate(year);
        if (Environment.GetEnvironmentVariable("CITYEX_REGENERATE_DEMO") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.Equal(expected, File.ReadAllText(path));
    }

    [Fact]
    public void GenerateGdp_IsDeterministicAndParsesAsACovariateUpload()
    {
        Assert.Equal(Generate(2015), Generate(2015));
        Assert.NotEqual(DemoCovariateGenerator.ToCsv(2015, DemoCovariateGenerator.GenerateGdp(TestData.Published, 2015, seed: 1)), Generate(2015));

        var parsed = new CovariateCsvParser(TestData.Directory).Parse(System.Text.Encoding.UTF8.GetBytes(Generate(2014)), 2014);

        Assert.True(parsed.IsValid);
        Assert.Equal(46, parsed.Values.Count);
        Assert.All(parsed.Values, v => Assert.True(v.Value > 0));
    }
}
