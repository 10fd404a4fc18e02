using BenchmarkDotNet.Attributes;
using CityExchange.Core.Analysis.Audit;
using CityExchange.Core.Scoring;

namespace CityExchange.Benchmarks;

/// <summary>
/// The requirement: the statistical audit of 5,000 cities × 17 indicators in well under 1 s. The synthetic
/// matrix has about 3% missing values, so nearly every pair of indicators loses different cities and Spearman ranks
/// each pair's complete cases afresh (the slow path). The scores are computed once in the setup, as the page would
/// have them already.
/// </summary>
[MemoryDiagnoser]
public class AuditBenchmarks
{
    private AuditInput _input = null!;
    private IndicatorMatrix _matrix = null!;

    [Params(46, 5000)]
    public int Cities { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _matrix = SyntheticData.Matrix(Cities);
        _input = AuditInput.Scored(2030, _matrix, [.. Enumerable.Range(0, Cities).Select(c => $"c{c}")], ScoringEngine.Score(_matrix));
    }

    [Benchmark]
    public AuditReport Audit() => StatisticalAudit.Run(_input);

    [Benchmark]
    public ConditionalWinsorisationResult ConditionalWinsorisation() => Core.Scoring.ConditionalWinsorisation.Treat(_matrix);
}
