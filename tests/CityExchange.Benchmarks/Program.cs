using BenchmarkDotNet.Running;
using CityExchange.Benchmarks;

// `export N PATH` writes the benchmarks' synthetic N-city data set as CSV, for the pandas comparison.
if (args is ["export", var count, var path])
{
    File.WriteAllText(path, SyntheticData.ToCsv(SyntheticData.Matrix(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture))));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ScoringBenchmarks).Assembly).Run(args);
