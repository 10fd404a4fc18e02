using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Core.Sensitivity;

namespace CityExchange.Core.Analysis;

/// <summary>What a scenario changes against the nominal construction.</summary>
public enum ScenarioKind
{
    /// <summary>One construction choice set to one of its alternatives (<see cref="CompositeSensitivity.DefaultAlternatives"/>).</summary>
    Alternative,

    /// <summary>The weights of a weighting preset (equal, entropy, CRITIC, PCA) instead of the nominal weights.</summary>
    Preset,

    /// <summary>One indicator left out (its weight set to 0; the others of its domain keep theirs).</summary>
    WithoutIndicator,

    /// <summary>One domain left out (its weight set to 0).</summary>
    WithoutDomain,
}

/// <summary>
/// One scenario: what it changes (<paramref name="Choice"/> is the choice's code — <c>method</c>, <c>weights</c>,
/// <c>indicator</c>, <c>domain</c> — and <paramref name="Alternative"/> the value it takes), each city's overall rank
/// under it (0: not ranked), and the mean absolute rank shift against the nominal ranks over the cities ranked in
/// both (null when none is). <paramref name="IsNominal"/>: the alternative is the nominal construction's own value.
/// </summary>
public sealed record Scenario(ScenarioKind Kind, string Choice, string Alternative, bool IsNominal, IReadOnlyList<int> Ranks, double? MeanAbsoluteShift);

/// <summary>The nominal ranks and every scenario, in a stable order: alternatives by choice, presets, indicators in framework order, domains.</summary>
public sealed record ScenarioTable(IReadOnlyList<int> Nominal, IReadOnlyList<Scenario> Scenarios);

/// <summary>
/// The scenario analysis of a year (issue 17): each city's rank under every alternative of the construction choices
/// and under each weighting preset, and with each indicator and each domain left out in turn — which choices and
/// which indicators the ranking really rests on. Each scenario is one run of <see cref="ScoringEngine"/> on the
/// nominal options with one thing changed (z-scores with a geometric mean are taken as arithmetic, as in
/// <see cref="CompositeSensitivity.Resolve"/>).
/// </summary>
public static class ScenarioAnalysis
{
    /// <summary>The indicator-level choices whose alternatives are scenarios (the weights are the presets').</summary>
    public static IReadOnlyList<UncertainChoice> Choices { get; } = [.. UncertainChoices.Default.Where(c => c != UncertainChoice.Weights)];

    public static ScenarioTable Run(IndicatorMatrix matrix, ScoringOptions nominal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(nominal);
        var framework = matrix.Framework;
        var nominalRanks = ScoringEngine.Score(matrix, CompositeSensitivity.Resolve(nominal)).OverallRanks;
        var scenarios = new List<Scenario>();

        void Add(ScenarioKind kind, string choice, string alternative, bool isNominal, ScoringOptions options)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ranks = ScoringEngine.Score(matrix, CompositeSensitivity.Resolve(options)).OverallRanks;
            scenarios.Add(new Scenario(kind, choice, alternative, isNominal, ranks, MeanAbsoluteShift(nominalRanks, ranks)));
        }

        foreach (var choice in Choices)
        {
            foreach (var alternative in CompositeSensitivity.DefaultAlternatives(choice))
            {
                var options = alternative.Apply(nominal);
                // Group-median imputation needs the cities' groups; a matrix without them has no such scenario.
                if (options.Missing == MissingDataTreatment.GroupMedian && matrix.Groups is null)
                {
                    continue;
                }

                Add(ScenarioKind.Alternative, choice.Code(), alternative.Code, options == nominal, options);
            }
        }

        foreach (var preset in WeightingPresets.All)
        {
            Add(ScenarioKind.Preset, "weights", preset.Code(), false, nominal with { Weights = WeightingPresets.Compute(matrix, preset) });
        }

        var weights = nominal.Weights ?? ScoringWeights.Equal(framework);
        for (var i = 0; i < framework.Count; i++)
        {
            var indicator = weights.Indicator.ToArray();
            indicator[i] = 0;
            Add(ScenarioKind.WithoutIndicator, "indicator", framework.Indicators[i].Code, false, nominal with { Weights = weights with { Indicator = indicator } });
        }

        foreach (var domain in Domains.All)
        {
            var domainWeights = weights.Domain.ToArray();
            domainWeights[(int)domain] = 0;
            Add(ScenarioKind.WithoutDomain, "domain", domain.Code(), false, nominal with { Weights = weights with { Domain = domainWeights } });
        }

        return new ScenarioTable(nominalRanks, scenarios);
    }

    /// <summary>The mean of |rank − nominal rank| over the cities ranked in both (rank &gt; 0); null when none is.</summary>
    public static double? MeanAbsoluteShift(IReadOnlyList<int> nominal, IReadOnlyList<int> ranks)
    {
        ArgumentNullException.ThrowIfNull(nominal);
        ArgumentNullException.ThrowIfNull(ranks);
        var (sum, count) = (0L, 0);
        for (var c = 0; c < nominal.Count; c++)
        {
            if (nominal[c] > 0 && ranks[c] > 0)
            {
                sum += Math.Abs(ranks[c] - nominal[c]);
                count++;
            }
        }

        return count == 0 ? null : (double)sum / count;
    }
}
