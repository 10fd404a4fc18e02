using BenchmarkDotNet.Attributes;
using CityExchange.Core.Scoring;

namespace CityExchange.Benchmarks;

/// <summary>The scoring engine, single thread: normalise, domain means, overall, competition ranks.</summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private IndicatorMatrix _matrix = null!;
    private readonly ScoringOptions _rank = new(NormalisationMethod.Rank);

    [Params(46, 10_000)]
    public int Cities { get; set; }

    [GlobalSetup]
    public void Setup() => _matrix = SyntheticData.Matrix(Cities);

    [Benchmark(Baseline = true)]
    public ScoreSheet MinMax() => ScoringEngine.Score(_matrix);

    [Benchmark]
    public ScoreSheet RankScore() => ScoringEngine.Score(_matrix, _rank);
}
