using BenchmarkDotNet.Attributes;
using CityExchange.Core.Scoring;
using CityExchange.Core.Sensitivity;

namespace CityExchange.Benchmarks;

/// <summary>
/// The speed goals for global sensitivity: N = 1,000 base samples over the five construction choices
/// (7,000 model runs, 100 bootstrap replicates) on 46 cities in under 1 s, and on 2,000 cities in under 30 s.
/// Building the model (scoring each of the 20 distinct constructions once) is part of what is timed.
/// </summary>
[MemoryDiagnoser]
public class SensitivityBenchmarks
{
    private IndicatorMatrix _matrix = null!;

    [Params(46, 2_000)]
    public int Cities { get; set; }

    [GlobalSetup]
    public void Setup() => _matrix = SyntheticData.GroupedMatrix(Cities);

    [Benchmark]
    public CompositeSensitivityResult FiveInputs1000() => CompositeSensitivity.Run(_matrix);

    [Benchmark]
    public CompositeSensitivityResult CityRank1000() =>
        CompositeSensitivity.Run(_matrix, new CompositeSensitivityOptions { Output = SensitivityOutput.CityRank, City = 0 });
}
