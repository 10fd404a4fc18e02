using System.Diagnostics;
using System.Globalization;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Core.Sensitivity;

namespace CityExchange.Benchmarks;

/// <summary>
/// CPU time per operation of the main benchmarks: after a warm-up, 15 rounds, each timing enough operations to run
/// about 0.2 s of CPU; prints "name cpu_ms wall_ms" with the median round of each. Process CPU time counts only the
/// time the process ran (its garbage collections included), not the time it waited for a core.
/// </summary>
public static class CpuTime
{
    private const int Rounds = 15;

    public static void Run()
    {
        var big = SyntheticData.Matrix(10_000);
        var small = SyntheticData.Matrix(46);
        var rank = new ScoringOptions(NormalisationMethod.Rank);
        var random = new Random(20150601);
        double[] domainScores = [.. Enumerable.Range(0, Domains.Count * 46).Select(_ => random.NextDouble() * 100)];
        var uncertainty = new UncertaintyOptions { Seed = 7 };

        Measure("MinMax/10000", () => ScoringEngine.Score(big));
        Measure("RankScore/10000", () => ScoringEngine.Score(big, rank));
        Measure("MinMax/46", () => ScoringEngine.Score(small));
        Measure("Dirichlet1000", () => RankUncertainty.Run([domainScores], 46, [0.25, 0.25, 0.25, 0.25], AggregationMethod.Arithmetic, uncertainty));
        var auditMatrix = SyntheticData.Matrix(5_000);
        var audit = new CityExchange.Core.Analysis.Audit.AuditInput(2030, auditMatrix, [.. Enumerable.Range(0, 5_000).Select(c => $"c{c}")]);
        Measure("Audit/5000", () => CityExchange.Core.Analysis.Audit.StatisticalAudit.Run(audit));
        var grouped46 = SyntheticData.GroupedMatrix(46);
        Measure("Sobol1000/46", () => CompositeSensitivity.Run(grouped46));
        Measure("Scenarios/46", () => CityExchange.Core.Analysis.ScenarioAnalysis.Run(grouped46, ScoringOptions.Default));
        var grouped5000 = SyntheticData.GroupedMatrix(5_000);
        Measure("Scenarios/5000", () => CityExchange.Core.Analysis.ScenarioAnalysis.Run(grouped5000, ScoringOptions.Default));
    }

    private static void Measure(string name, Func<object> operation)
    {
        var process = Process.GetCurrentProcess();
        var perRound = 1;
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 300)
        {
            operation();
        }

        // Operations per round: about 0.2 s of CPU each.
        process.Refresh();
        var before = process.TotalProcessorTime;
        var probe = 0;
        do
        {
            operation();
            probe++;
            process.Refresh();
        }
        while ((process.TotalProcessorTime - before).TotalMilliseconds < 50);
        perRound = Math.Max(1, probe * 4);

        var cpu = new double[Rounds];
        var wall = new double[Rounds];
        for (var r = 0; r < Rounds; r++)
        {
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < perRound; i++)
            {
                operation();
            }

            clock.Stop();
            process.Refresh();
            cpu[r] = (process.TotalProcessorTime - cpuStart).TotalMilliseconds / perRound;
            wall[r] = clock.Elapsed.TotalMilliseconds / perRound;
        }

        Array.Sort(cpu);
        Array.Sort(wall);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {cpu[Rounds / 2]:F4} {wall[Rounds / 2]:F4}"));
    }
}
