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
