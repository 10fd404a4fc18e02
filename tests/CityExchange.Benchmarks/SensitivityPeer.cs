using System.Diagnostics;
using System.Globalization;
using System.Text;
using CityExchange.Core.Cities;
using CityExchange.Core.Csv;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Core.Sensitivity;

namespace CityExchange.Benchmarks;

/// <summary>
/// The C# side of scripts/sensitivity_peer.sh: the composite sensitivity analysis on a year's CSV, timed, with the files
/// the COINr run (scripts/coinr_sensitivity.R) reads or is compared with:
/// weights.csv (the noisy domain weight vectors the weights input chooses among, which COINr then chooses among too),
/// csharp_indices.csv, csharp_time.txt ("wall_ms cpu_ms repeats", medians) and csharp_scores.csv (every city's overall
/// score under each of the 24 indicator-level constructions and under the first weight vectors, to check that both
/// tools compute the same model).
/// </summary>
public static class SensitivityPeer
{
    private static readonly IReadOnlyList<ScoringAlternative> PeerWinsorise =
        [.. CompositeSensitivity.DefaultAlternatives(UncertainChoice.Winsorise).Where(a => a.Code is "false" or "true")];

    public static void Run(string frameworkPath, string citiesPath, string indicatorsPath, int samples, string outputFolder, int repeats)
    {
        var framework = new IndicatorFramework(Read(frameworkPath, ReferenceCsv.ReadFramework));
        var directory = new CityDirectory(Read(citiesPath, ReferenceCsv.ReadCities));
        var content = File.ReadAllBytes(indicatorsPath);
        // A file without a year column (the benchmarks' export) is taken as the synthetic year 2030, as scripts/bench.sh uploads it.
        var hasYear = Encoding.UTF8.GetString(content).Split('\n')[0].Split(',').Any(h => h.Trim() == "year");
        var parsed = new IndicatorCsvParser(framework, directory).Parse(content, hasYear ? null : 2030, 1_000_000);
        if (!parsed.IsValid)
        {
            throw new InvalidDataException($"{indicatorsPath}: {parsed.Errors.Count} errors, the first: {parsed.Errors[0].Message} (row {parsed.Errors[0].Row}).");
        }

        var cities = parsed.Rows.Select(r => r.City!).ToList();
        var matrix = new IndicatorMatrix(framework, cities.Count) { Groups = [.. cities.Select(c => c.RegionEn)] };
        var index = cities.Select((c, i) => (c.Code, i)).ToDictionary(p => p.Code, p => p.i);
        foreach (var value in parsed.Values)
        {
            matrix[framework.IndexOf(value.IndicatorCode), index[value.CityCode]] = value.Value;
        }

        // The peer's design (scripts/coinr_sensitivity.R): winsorise is none or the percentile clip; COINr's own
        // conditional treatment is not one of its alternatives there.
        var options = new CompositeSensitivityOptions
        {
            Sobol = new SobolOptions { Samples = samples },
            Alternatives = new Dictionary<UncertainChoice, IReadOnlyList<ScoringAlternative>> { [UncertainChoice.Winsorise] = PeerWinsorise },
        };
        var result = CompositeSensitivity.Run(matrix, options);
        var process = Process.GetCurrentProcess();
        var wall = new double[repeats];
        var cpu = new double[repeats];
        for (var r = 0; r < repeats; r++)
        {
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            result = CompositeSensitivity.Run(matrix, options);
            wall[r] = clock.Elapsed.TotalMilliseconds;
            process.Refresh();
            cpu[r] = (process.TotalProcessorTime - cpuStart).TotalMilliseconds;
        }

        Array.Sort(wall);
        Array.Sort(cpu);
        Directory.CreateDirectory(outputFolder);
        File.WriteAllText(Path.Combine(outputFolder, "csharp_time.txt"), Invariant($"{wall[repeats / 2]:F3} {cpu[repeats / 2]:F3} {repeats}\n"));

        var weights = new StringBuilder("set,").AppendJoin(',', Domains.All.Select(d => d.Code())).Append('\n');
        for (var s = 0; s < result.WeightSets.Count; s++)
        {
            weights.Append(CultureInfo.InvariantCulture, $"{s + 1}").Append(',').AppendJoin(',', result.WeightSets[s].Select(R)).Append('\n');
        }

        File.WriteAllText(Path.Combine(outputFolder, "weights.csv"), weights.ToString());

        var indices = new StringBuilder("input,first,total,firstLow,firstHigh,totalLow,totalHigh\n");
        foreach (var i in result.Indices.Inputs)
        {
            indices.Append(i.Name).Append(',').AppendJoin(',', new[] { i.First, i.Total, i.FirstLow, i.FirstHigh, i.TotalLow, i.TotalHigh }.Select(R)).Append('\n');
        }

        File.WriteAllText(Path.Combine(outputFolder, "csharp_indices.csv"), indices.ToString());
        File.WriteAllText(Path.Combine(outputFolder, "csharp_scores.csv"), Scores(matrix, cities, result.WeightSets));
    }

    /// <summary>Overall scores per construction: the 24 indicator-level combinations with nominal weights, then weight vectors 1–3 with the nominal construction.</summary>
    private static string Scores(IndicatorMatrix matrix, IReadOnlyList<City> cities, IReadOnlyList<double[]> weightSets)
    {
        var text = new StringBuilder("method,aggregation,missing,winsorise,weights,city,overall\n");
        var equal = ScoringWeights.Equal(matrix.Framework);
        void Add(ScoringOptions options, string weightsLabel)
        {
            var sheet = ScoringEngine.Score(matrix, CompositeSensitivity.Resolve(options));
            for (var c = 0; c < matrix.CityCount; c++)
            {
                text.Append(Invariant($"{options.Method.Code()},{options.Aggregation.Code()},{options.Missing.Code()},{options.Winsorise.Code()},{weightsLabel},{cities[c].Code},{R(sheet.Overall[c])}\n"));
            }
        }

        foreach (var method in CompositeSensitivity.DefaultAlternatives(UncertainChoice.Method))
        {
            foreach (var aggregation in CompositeSensitivity.DefaultAlternatives(UncertainChoice.Aggregation))
            {
                foreach (var missing in CompositeSensitivity.DefaultAlternatives(UncertainChoice.Missing))
                {
                    foreach (var winsorise in PeerWinsorise)
                    {
                        Add(winsorise.Apply(missing.Apply(aggregation.Apply(method.Apply(ScoringOptions.Default)))), "nominal");
                    }
                }
            }
        }

        for (var s = 0; s < Math.Min(3, weightSets.Count); s++)
        {
            Add(ScoringOptions.Default with { Weights = new ScoringWeights(weightSets[s], equal.Indicator) }, (s + 1).ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static IReadOnlyList<T> Read<T>(string path, Func<TextReader, IReadOnlyList<T>> read)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return read(reader);
    }
}
