using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Core.Sensitivity;

namespace CityExchange.Benchmarks;

/// <summary>
/// The analyses at their documented cost bounds (<see cref="UncertaintyLimits"/>), at 5,000 and 20,000 synthetic
/// cities: each request allowed at that size should stay under about 2 s of CPU. Runs last about a second, so few and
/// monitored: <c>--filter '*LimitBenchmarks*'</c>; <c>limits</c> prints the CPU seconds of the same operations.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class LimitBenchmarks
{
    private LimitCase _case = null!;

    [Params(5_000, 20_000)]
    public int Cities { get; set; }

    [GlobalSetup]
    public void Setup() => _case = new LimitCase(Cities);

    /// <summary>The finest weight grid over [0, 1] that the bound allows (7,770 points at 5,000 cities, 1,771 at 20,000).</summary>
    [Benchmark]
    public RankBounds BoundsArithmetic() => _case.Bounds(AggregationMethod.Arithmetic);

    [Benchmark]
    public RankBounds BoundsGeometric() => _case.Bounds(AggregationMethod.Geometric);

    /// <summary><see cref="UncertaintyLimits.MaxSamplesFor"/> samples: 6,000 at 5,000 cities, 1,500 at 20,000.</summary>
    [Benchmark]
    public RankInterval[] MonteCarloArithmetic() => _case.MonteCarlo(AggregationMethod.Arithmetic);

    [Benchmark]
    public RankInterval[] MonteCarloGeometric() => _case.MonteCarlo(AggregationMethod.Geometric);

    /// <summary>The composite sensitivity analysis over its five choices with the most base samples the bound allows.</summary>
    [Benchmark]
    public CompositeSensitivityResult Sensitivity() => _case.Sensitivity();

    /// <summary>"What would it take" for the middle city to reach the top tenth, every indicator (no bound of its own).</summary>
    [Benchmark]
    public IReadOnlyList<IndicatorTarget> Targets() => _case.Targets();

    /// <summary>
    /// <c>limits</c>: for each size and operation, one warm-up and five timed calls on one thread; prints the median CPU
    /// seconds, wall seconds and allocated MB per call, with the work each call did.
    /// </summary>
    public static void Print()
    {
        foreach (var cities in new[] { 5_000, 20_000 })
        {
            var limit = new LimitCase(cities);
            Measure(cities, $"bounds arithmetic, {limit.GridPoints} points", () => limit.Bounds(AggregationMethod.Arithmetic));
            Measure(cities, $"bounds geometric, {limit.GridPoints} points", () => limit.Bounds(AggregationMethod.Geometric));
            Measure(cities, $"monte carlo arithmetic, {limit.Samples} samples", () => limit.MonteCarlo(AggregationMethod.Arithmetic));
            Measure(cities, $"monte carlo geometric, {limit.Samples} samples", () => limit.MonteCarlo(AggregationMethod.Geometric));
            Measure(cities, $"sensitivity, N = {limit.SensitivitySamples} ({limit.SensitivitySamples * 7} runs)", limit.Sensitivity);
            Measure(cities, "targets, 17 indicators", limit.Targets);
        }
    }

    private static void Measure(int cities, string name, Func<object> operation)
    {
        operation();
        var process = Process.GetCurrentProcess();
        var cpu = new double[5];
        var wall = new double[5];
        var allocated = new double[5];
        for (var i = 0; i < cpu.Length; i++)
        {
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            operation();
            clock.Stop();
            process.Refresh();
            cpu[i] = (process.TotalProcessorTime - cpuStart).TotalSeconds;
            wall[i] = clock.Elapsed.TotalSeconds;
            allocated[i] = (GC.GetAllocatedBytesForCurrentThread() - bytes) / 1e6;
        }

        Array.Sort(cpu);
        Array.Sort(wall);
        Array.Sort(allocated);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cities} | {name} | cpu_s={cpu[2]:F3} wall_s={wall[2]:F3} allocated_mb={allocated[2]:F1}"));
    }

    /// <summary>One size's inputs and the largest request of each kind that its bounds allow.</summary>
    private sealed class LimitCase
    {
        private static readonly double[] EqualWeights = [0.25, 0.25, 0.25, 0.25];

        private readonly IndicatorMatrix _matrix;
        private readonly double[] _domainScores;
        private readonly int _cities;
        private readonly double _step;

        public LimitCase(int cities)
        {
            _cities = cities;
            _matrix = SyntheticData.GroupedMatrix(cities);
            _domainScores = ScoringEngine.Score(_matrix).DomainScores;
            // The smallest step 1/u whose grid over [0, 1] fits: C(u + 3, 3) points.
            var units = 4;
            while (UncertaintyLimits.BoundsPoints(0, 1, 1.0 / (units + 1)) <= UncertaintyLimits.MaxBoundsPointsFor(cities))
            {
                units++;
            }

            _step = 1.0 / units;
            GridPoints = UncertaintyLimits.BoundsPoints(0, 1, _step);
            Samples = UncertaintyLimits.MaxSamplesFor(cities);
            SensitivitySamples = (int)(UncertaintyLimits.MaxSensitivityRunCityProduct / cities / (UncertainChoices.Default.Count + 2));
        }

        public long GridPoints { get; }

        public int Samples { get; }

        public int SensitivitySamples { get; }

        public RankBounds Bounds(AggregationMethod aggregation) =>
            RankUncertainty.Bounds(_domainScores, _cities, aggregation, 0, 1, _step);

        public RankInterval[] MonteCarlo(AggregationMethod aggregation) =>
            RankUncertainty.Run([_domainScores], _cities, EqualWeights, aggregation, new UncertaintyOptions { Samples = Samples, Seed = 7 });

        public CompositeSensitivityResult Sensitivity() =>
            CompositeSensitivity.Run(_matrix, new CompositeSensitivityOptions { Sobol = new SobolOptions { Samples = SensitivitySamples } });

        public IReadOnlyList<IndicatorTarget> Targets()
        {
            var sheet = ScoringEngine.Score(_matrix);
            var city = Array.IndexOf(sheet.OverallRanks, sheet.OverallRanks.Where(r => r > 0).Order().ElementAt(_cities / 2));
            return TargetFinder.Find(_matrix, city, _cities / 10, m => ScoringEngine.Score(m));
        }
    }
}
