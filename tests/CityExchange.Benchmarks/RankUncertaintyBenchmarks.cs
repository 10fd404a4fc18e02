using BenchmarkDotNet.Attributes;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;

namespace CityExchange.Benchmarks;

/// <summary>
/// The speed requirement: 1,000 Monte Carlo samples of domain weights for 46 cities "well under a second"
/// (the design target is a few milliseconds: domain scores precomputed, only re-aggregation per sample).
/// </summary>
[MemoryDiagnoser]
public class RankUncertaintyBenchmarks
{
    private const int Cities = 46;

    private double[] _domainScores = [];
    private double[] _rankScores = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20150601);
        _domainScores = [.. Enumerable.Range(0, Domains.Count * Cities).Select(_ => random.NextDouble() * 100)];
        _rankScores = [.. Enumerable.Range(0, Domains.Count * Cities).Select(_ => random.NextDouble() * 100)];
    }

    [Benchmark]
    public RankInterval[] Dirichlet1000() =>
        RankUncertainty.Run([_domainScores], Cities, [0.25, 0.25, 0.25, 0.25], AggregationMethod.Arithmetic, new UncertaintyOptions { Seed = 7 });

    [Benchmark]
    public RankInterval[] Uniform1000TwoMethods() =>
        RankUncertainty.Run([_domainScores, _rankScores], Cities, [0.4, 0.2, 0.2, 0.2], AggregationMethod.Arithmetic,
            new UncertaintyOptions { Seed = 7, Sampling = WeightSampling.Uniform });

    [Benchmark]
    public RankInterval[] Dirichlet1000Geometric() =>
        RankUncertainty.Run([_domainScores], Cities, [0.25, 0.25, 0.25, 0.25], AggregationMethod.Geometric, new UncertaintyOptions { Seed = 7 });

    [Benchmark]
    public RankBounds BoundsGrid() => RankUncertainty.Bounds(_domainScores, Cities, AggregationMethod.Arithmetic, 0.1, 0.4);
}
