using BenchmarkDotNet.Running;
using CityExchange.Benchmarks;

// `export N PATH` writes the benchmarks' synthetic N-city data set as CSV (an indicator file: city codes c0…), for
// the pandas comparison and the scale test; `export-cities N PATH` writes the matching cities.csv (scripts/bench.sh).
if (args is ["export", var count, var path])
{
    File.WriteAllText(path, SyntheticData.ToCsv(SyntheticData.Matrix(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture))));
    return;
}

if (args is ["export-cities", var cityCount, var citiesPath])
{
    File.WriteAllText(citiesPath, SyntheticData.CitiesCsv(int.Parse(cityCount, System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

// `export-points N PATH` writes the N synthetic cities' domain scores (SyntheticData.DomainPoints) for SciPy;
// `cluster LINKAGE N` clusters them once (after a warm-up on 300 of them) and prints the time, for /usr/bin/time -v
// (scripts/bench-clustering.sh).
if (args is ["export-points", var pointCount, var pointsPath])
{
    File.WriteAllText(pointsPath, SyntheticData.PointsCsv(SyntheticData.DomainPoints(int.Parse(pointCount, System.Globalization.CultureInfo.InvariantCulture))));
    return;
}

if (args is ["cluster", var linkageCode, var clusterCount])
{
    var linkage = Enum.Parse<CityExchange.Core.Analysis.Linkage>(linkageCode, ignoreCase: true);
    var points = SyntheticData.DomainPoints(int.Parse(clusterCount, System.Globalization.CultureInfo.InvariantCulture));
    CityExchange.Core.Analysis.HierarchicalClustering.Cluster(points[..Math.Min(points.Count, 300)], linkage); // JIT warm-up
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    var tree = CityExchange.Core.Analysis.HierarchicalClustering.Cluster(points, linkage);
    var used = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
    Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{linkageCode} {points.Count} wall_s={clock.Elapsed.TotalSeconds:F3} cpu_s={used.TotalSeconds:F3} top={tree.Merges[^1].Height:F4}"));
    return;
}

// `xlsx-parse N` parses an N-city × 17 workbook five times (after a warm-up) and prints the median time and the
// memory it takes (ExcelParseBenchmark).
if (args is ["xlsx-parse", var workbookCities])
{
    ExcelParseBenchmark.Run(int.Parse(workbookCities, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

// `limits` times each analysis at its documented cost bound for 5,000 and 20,000 cities (LimitBenchmarks).
if (args is ["limits"])
{
    LimitBenchmarks.Print();
    return;
}

// `cputime` measures the process CPU time per operation (one thread), which a busy machine inflates much less than
// wall time: the figure scripts/bench.sh reports beside BenchmarkDotNet's wall-clock means.
if (args is ["cputime"])
{
    CpuTime.Run();
    return;
}

// `sensitivity-peer FRAMEWORK CITIES INDICATORS N OUT [REPEATS]`: the composite Sobol analysis, timed, with the files
// scripts/sensitivity_peer.sh compares with COINr's get_sensitivity (SensitivityPeer).
if (args is ["sensitivity-peer", var framework, var cities, var indicators, var samples, var output, .. var rest])
{
    var repeats = rest is [var r] ? int.Parse(r, System.Globalization.CultureInfo.InvariantCulture) : 21;
    SensitivityPeer.Run(framework, cities, indicators, int.Parse(samples, System.Globalization.CultureInfo.InvariantCulture), output, repeats);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ScoringBenchmarks).Assembly).Run(args);
