using System.Globalization;
using CityExchange.Core.Framework;
using CityExchange.Core.Published;
using CsvHelper;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace CityExchange.Core.Demo;

/// <summary>
/// Makes a SYNTHETIC GDP (100 million yuan) per city for the demo years, so that the regression page has something
/// to show. It is not real: it grows exponentially with the city's published 2013 overall score, a steady 4–8 % a
/// year, with log-normal noise (σ = 0.3). Deterministic for a given seed. No real GDP was published with the report.
/// </summary>
public static class DemoCovariateGenerator
{
    public const int DefaultSeed = 20150602;

    public const string Gdp = "gdp";

    /// <summary>Generates one year's synthetic GDP for every city with published scores: city code → value.</summary>
    public static IReadOnlyDictionary<string, double> GenerateGdp(IReadOnlyList<PublishedCityScore> anchors, int year, int seed = DefaultSeed)
    {
        var random = new MersenneTwister(seed + year, threadSafe: false);
        var noise = new Normal(0, 0.3, random);
        var growthRandom = new MersenneTwister(seed, threadSafe: false);
        var result = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var anchor in anchors.OrderBy(a => a.CityCode, StringComparer.Ordinal))
        {
            var growth = 1.04 + (0.04 * growthRandom.NextDouble());
            var scores = Domains.All.Select(anchor.Score).Where(s => s.HasValue).Select(s => s!.Value).ToList();
            var overall = scores.Count == 0 ? 20 : scores.Average();
            var value = 1000 * Math.Exp(3.2 * overall / 100) * Math.Pow(growth, year - 2013) * Math.Exp(noise.Sample());
            result[anchor.CityCode] = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        }

        return result;
    }

    /// <summary>Writes a year's values as an upload-ready covariate CSV (city, year, gdp).</summary>
    public static string ToCsv(int year, IReadOnlyDictionary<string, double> gdp)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            csv.WriteField("city");
            csv.WriteField("year");
            csv.WriteField(Gdp);
            csv.NextRecord();
            foreach (var (city, value) in gdp)
            {
                csv.WriteField(city);
                csv.WriteField(year);
                csv.WriteField(value.ToString("R", CultureInfo.InvariantCulture));
                csv.NextRecord();
            }
        }

        return text.ToString();
    }
}
