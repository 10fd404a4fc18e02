using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CityExchange.Core.Analysis;

namespace CityExchange.Benchmarks;

/// <summary>
/// Hierarchical clustering of synthetic cities on their four domain scores (<see cref="SyntheticData.DomainPoints"/>),
/// one thread, each run from the points to the dendrogram. Runs last seconds, so few and monitored:
/// <c>--filter '*ClusteringBenchmarks*'</c>. Peak RSS of one run: <c>cluster LINKAGE N</c> under <c>/usr/bin/time -v</c>
/// (scripts/bench-clustering.sh, which also times SciPy on the same points).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ClusteringBenchmarks
{
    private List<double[]> _points = [];

    [Params(5_000, 20_000)]
    public int Cities { get; set; }

    [GlobalSetup]
    public void Setup() => _points = SyntheticData.DomainPoints(Cities);

    [Benchmark(Baseline = true)]
    public Dendrogram Ward() => HierarchicalClustering.Cluster(_points, Linkage.Ward);

    [Benchmark]
    public Dendrogram Centroid() => HierarchicalClustering.Cluster(_points, Linkage.Centroid);

    [Benchmark]
    public Dendrogram SingleLinkage() => HierarchicalClustering.Cluster(_points, Linkage.Single);
}

/// <summary>Average and complete linkage at their size limit (<see cref="HierarchicalClustering.PairwiseLimit"/> points).</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class PairwiseClusteringBenchmarks
{
    private List<double[]> _points = [];

    [GlobalSetup]
    public void Setup() => _points = SyntheticData.DomainPoints(HierarchicalClustering.PairwiseLimit);

    [Benchmark]
    public Dendrogram Average() => HierarchicalClustering.Cluster(_points, Linkage.Average);

    [Benchmark]
    public Dendrogram Complete() => HierarchicalClustering.Cluster(_points, Linkage.Complete);
}
