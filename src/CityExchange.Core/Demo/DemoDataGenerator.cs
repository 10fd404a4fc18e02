using System.Globalization;
using CityExchange.Core.Framework;
using CityExchange.Core.Published;
using CsvHelper;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace CityExchange.Core.Demo;

/// <summary>
/// Makes SYNTHETIC raw indicator values for the demo years. Each value is the indicator's typical top-city value
/// scaled by the city's published 2013 score in that domain, grown a few percent a year and perturbed by
/// log-normal noise, so that the demo rankings look like the report's without pretending to be data.
/// Deterministic for a given seed.
/// </summary>
public static class DemoDataGenerator
{
    public const int DefaultSeed = 20150601;

    public static IReadOnlyList<int> DefaultYears { get; } = [2014, 2015, 2016];

    /// <summary>Roughly the largest city's value around 2013, and the number of decimals to keep.</summary>
    private static readonly Dictionary<string, (double Top, int Decimals)> Scales = new(StringComparer.Ordinal)
    {
        ["foreign_residents"] = (175_000, 0),
        ["intl_flights"] = (130, 0),
        ["intl_conferences"] = (200, 0),
        ["intl_exhibitions"] = (120, 0),
        ["passports"] = (3_500_000, 0),
        ["intl_performances"] = (1_500, 0),
        ["foreign_language"] = (2_500, 0),
        ["foreign_restaurants"] = (6_000, 0),
        ["trade_volume"] = (4_400, 1),
        ["foreign_firms"] = (70_000, 0),
        ["joint_ventures"] = (25_000, 0),
        ["foreign_tax"] = (1_500, 1),
        ["odi"] = (120, 2),
        ["leader_visits"] = (300, 0),
        ["consulates"] = (75, 0),
        ["intl_orgs"] = (40, 0),
        ["sister_cities"] = (80, 0),
    };

    /// <summary>Generates one year's values for every city with published scores: city code → indicator code → value (missing left out).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Generate(
        IndicatorFramework framework, IReadOnlyList<PublishedCityScore> anchors, int year, int seed = DefaultSeed)
    {
        var random = new MersenneTwister(seed + year, threadSafe: false);
        var noise = new Normal(0, 0.18, random);
        var result = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        var yearsOn = year - 2013;
        foreach (var anchor in anchors.OrderBy(a => a.CityCode, StringComparer.Ordinal))
        {
            // Each city grows at its own steady pace (2–9% a year), fixed by the seed, not by the year.
            var growth = 1.02 + (0.07 * new MersenneTwister(seed + anchor.CityCode.GetStableHash(), false).NextDouble());
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var indicator in framework.Indicators)
            {
                var u = random.NextDouble();
                var e = noise.Sample();
                // About 3% of cells are missing, as in real yearbooks.
                if (u < 0.03 && anchor.CityCode is not ("beijing" or "shanghai" or "guangzhou"))
                {
                    continue;
                }

                var (top, decimals) = Scales.TryGetValue(indicator.Code, out var s) ? s : (100, 0);
                var share = Math.Clamp((anchor.Score(indicator.Domain) ?? 20) / 100.0, 0, 1);
                var value = top * (0.01 + (0.99 * share)) * Math.Pow(growth, yearsOn) * Math.Exp(e);
                values[indicator.Code] = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
            }

            result[anchor.CityCode] = values;
        }

        return result;
    }

    /// <summary>Writes a year's values as an upload-ready CSV (city, year, indicator codes), the format users upload.</summary>
    public static string ToCsv(IndicatorFramework framework, int year, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> values)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            csv.WriteField("city");
            csv.WriteField("year");
            foreach (var indicator in framework.Indicators)
            {
                csv.WriteField(indicator.Code);
            }

            csv.NextRecord();
            foreach (var (city, row) in values)
            {
                csv.WriteField(city);
                csv.WriteField(year);
                foreach (var indicator in framework.Indicators)
                {
                    csv.WriteField(row.TryGetValue(indicator.Code, out var v) ? v.ToString("R", CultureInfo.InvariantCulture) : "NA");
                }

                csv.NextRecord();
            }
        }

        return text.ToString();
    }

    private static int GetStableHash(this string s)
    {
        // string.GetHashCode is randomised per process; demo data must not be.
        unchecked
        {
            var h = 17;
            foreach (var ch in s)
            {
                h = (h * 31) + ch;
            }

            return h & 0x7fffffff;
        }
    }
}
