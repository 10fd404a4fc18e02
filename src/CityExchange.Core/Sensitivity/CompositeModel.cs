using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;

namespace CityExchange.Core.Sensitivity;

/// <summary>
/// The composite index as a model of its uncertain construction choices: input values (one per
/// <see cref="CompositeSensitivityOptions.Inputs"/> entry, each the index of an alternative) → the output.
/// The domain scores depend only on the indicator-level choices (method, aggregation, missing data, winsorisation, the
/// coverage threshold — a continuous input, but with one distinct screen per coverage value in its range), so
/// they are scored once per combination when the model is built (<see cref="ScoringEngine.Score(IndicatorMatrix, ScoringOptions?)"/>);
/// a run then only re-aggregates the domains with its weights and re-ranks, as <see cref="RankUncertainty"/> does —
/// with the engine's own aggregation kernels, so a run's ranks are those of a full scoring with the same options.
/// Not thread-safe: one instance per analysis.
/// </summary>
public sealed class CompositeModel
{
    private readonly CompositeSensitivityOptions _options;
    private readonly int _n;
    private readonly int _weightsPosition = -1;
    private readonly int[] _choicePositions;
    private readonly IReadOnlyList<ScoringAlternative>[] _choiceAlternatives;
    private readonly Combination[] _combinations;
    private readonly ScoringWeights _nominalScoringWeights;
    private readonly double[] _nominalWeights;
    private readonly int[] _nominalRanks;
    private readonly double[] _overall;
    private readonly int[] _ranks;
    private readonly int[] _order;

    // The coverage threshold input: its slot among the indicator-level choices (−1 when not varied), the cities'
    // distinct coverages ascending, the range, and how many coverages lie below its lower end.
    private readonly int _coverageSlot = -1;
    private readonly double[] _coverages = [];
    private readonly double _coverageLow;
    private readonly double _coverageHigh;
    private readonly int _coverageBelowLow;

    /// <summary>Builds the model, scoring every distinct construction once; <paramref name="cancellationToken"/> is checked before each.</summary>
    public CompositeModel(IndicatorMatrix matrix, CompositeSensitivityOptions options, CancellationToken cancellationToken = default)
    {
        _options = options;
        _n = matrix.CityCount;
        Validate(matrix, options);

        var framework = matrix.Framework;
        _nominalScoringWeights = options.Nominal.Weights ?? ScoringWeights.Equal(framework);
        _nominalWeights = [.. _nominalScoringWeights.Domain];
        WeightSets = options.Inputs.Contains(UncertainChoice.Weights)
            ? CompositeSensitivity.NoisyWeights(_nominalWeights, options.Spread, options.WeightSets, Seeds.Model(options.Sobol.Seed))
            : [];

        var inputs = new List<SensitivityInput>();
        var positions = new List<int>();
        var alternatives = new List<IReadOnlyList<ScoringAlternative>>();
        for (var p = 0; p < options.Inputs.Count; p++)
        {
            var choice = options.Inputs[p];
            if (choice == UncertainChoice.Weights)
            {
                _weightsPosition = p;
                inputs.Add(SensitivityInput.Discrete(choice.Code(), WeightSets.Count));
                continue;
            }

            if (choice == UncertainChoice.MinCoverage)
            {
                // A threshold t leaves out the cities with coverage < t, so only as many distinct screens exist as
                // coverages fall within the range: one alternative each, scored once, chosen per run from t.
                _coverageSlot = positions.Count;
                _coverageLow = options.CoverageLow;
                _coverageHigh = options.CoverageHigh;
                _coverages = [.. DataAvailability.Coverage(matrix).Distinct().Order()];
                _coverageBelowLow = CountBelow(_coverages, _coverageLow);
                positions.Add(p);
                alternatives.Add(CoverageAlternatives());
                inputs.Add(SensitivityInput.Continuous(choice.Code()));
                continue;
            }

            var list = options.Alternatives.TryGetValue(choice, out var given) ? given : CompositeSensitivity.DefaultAlternatives(choice);
            positions.Add(p);
            alternatives.Add(list);
            inputs.Add(SensitivityInput.Discrete(choice.Code(), list.Count));
        }

        Inputs = inputs;
        _choicePositions = [.. positions];
        _choiceAlternatives = [.. alternatives];

        // Every combination of the indicator-level alternatives, scored once; combinations that resolve to the same
        // options (geometric with z-scores) share one sheet.
        var count = _choiceAlternatives.Aggregate(1, (product, list) => product * list.Count);
        _combinations = new Combination[count];
        var sheets = new Dictionary<ScoringOptions, Combination>();
        var picked = new int[_choiceAlternatives.Length];
        for (var key = 0; key < count; key++)
        {
            Decode(key, picked);
            var resolved = Apply(picked);
            if (!sheets.TryGetValue(resolved, out var combination))
            {
                cancellationToken.ThrowIfCancellationRequested();
                combination = new Combination(resolved, ScoringEngine.Score(matrix, resolved).DomainScores);
                sheets.Add(resolved, combination);
            }

            _combinations[key] = combination;
        }

        _nominalRanks = [.. ScoringEngine.Score(matrix, options.Nominal).OverallRanks];
        _overall = new double[_n];
        _ranks = new int[_n];
        _order = new int[_n];
    }

    public IReadOnlyList<SensitivityInput> Inputs { get; }

    /// <summary>The renormalised domain weight vectors the weights input chooses among; empty when weights are not varied.</summary>
    public IReadOnlyList<double[]> WeightSets { get; }

    public IReadOnlyList<int> NominalRanks => _nominalRanks;

    /// <summary>The number of distinct indicator-level constructions scored.</summary>
    public int DistinctConstructions => _combinations.Distinct().Count();

    /// <summary>The ranks of the last <see cref="Evaluate"/> (0 = unranked).</summary>
    internal ReadOnlySpan<int> LastRanks => _ranks;

    /// <summary>The full scoring options of one run (its domain weights included), as <see cref="ScoringEngine"/> would take them.</summary>
    public ScoringOptions OptionsFor(ReadOnlySpan<double> input)
    {
        var combination = _combinations[Key(input)].Options;
        return combination with { Weights = new ScoringWeights(DomainWeights(input).ToArray(), _nominalScoringWeights.Indicator) };
    }

    /// <summary>One run: the output for the alternatives in <paramref name="input"/> (NaN when it is undefined, e.g. the city is unranked).</summary>
    public double Evaluate(ReadOnlySpan<double> input)
    {
        if (input.Length != Inputs.Count)
        {
            throw new ArgumentException("Give one value per input.", nameof(input));
        }

        var combination = _combinations[Key(input)];
        var weights = DomainWeights(input);
        if (combination.Options.Aggregation == AggregationMethod.Arithmetic)
        {
            ScoreKernels.WeightedMeans(combination.DomainScores, _n, weights, _overall);
        }
        else
        {
            for (var c = 0; c < _n; c++)
            {
                _overall[c] = ScoringEngine.AggregateDomains(combination.DomainScores, _n, c, weights, combination.Options.Aggregation);
            }
        }

        CompetitionRanker.RankDescending(_overall, _ranks, _order);
        if (_options.Output == SensitivityOutput.CityRank)
        {
            var rank = _ranks[_options.City];
            return rank > 0 ? rank : double.NaN;
        }

        long shift = 0;
        var ranked = 0;
        for (var c = 0; c < _n; c++)
        {
            if (_ranks[c] > 0 && _nominalRanks[c] > 0)
            {
                shift += Math.Abs(_ranks[c] - _nominalRanks[c]);
                ranked++;
            }
        }

        return ranked > 0 ? (double)shift / ranked : double.NaN;
    }

    private ReadOnlySpan<double> DomainWeights(ReadOnlySpan<double> input) =>
        _weightsPosition < 0 ? _nominalWeights : WeightSets[(int)input[_weightsPosition]];

    private int Key(ReadOnlySpan<double> input)
    {
        var key = 0;
        for (var s = 0; s < _choicePositions.Length; s++)
        {
            var value = input[_choicePositions[s]];
            var alternative = s == _coverageSlot ? CoverageLevel(value) : (int)value;
            key = (key * _choiceAlternatives[s].Count) + alternative;
        }

        return key;
    }

    /// <summary>The screen a uniform draw u stands for: t = low + u·(high − low) leaves out the coverages below t.</summary>
    private int CoverageLevel(double u)
    {
        var t = _coverageLow + (u * (_coverageHigh - _coverageLow));
        return Math.Min(CountBelow(_coverages, t) - _coverageBelowLow, _choiceAlternatives[_coverageSlot].Count - 1);
    }

    /// <summary>
    /// One alternative per distinct screen within [low, high]: q = number of coverages below the threshold runs from
    /// its value at low to its value at high, each with the smallest threshold in range that gives it.
    /// </summary>
    private List<ScoringAlternative> CoverageAlternatives()
    {
        var high = CountBelow(_coverages, _coverageHigh);
        var list = new List<ScoringAlternative>(high - _coverageBelowLow + 1);
        for (var q = _coverageBelowLow; q <= high; q++)
        {
            var threshold = q == _coverageBelowLow ? _coverageLow : q == high ? _coverageHigh : _coverages[q];
            list.Add(new ScoringAlternative(threshold.ToString("R", System.Globalization.CultureInfo.InvariantCulture), o => o with { MinCoverage = threshold }));
        }

        return list;
    }

    private static int CountBelow(double[] sorted, double x)
    {
        var index = Array.BinarySearch(sorted, x);
        return index >= 0 ? index : ~index;
    }

    private void Decode(int key, int[] choice)
    {
        for (var s = choice.Length - 1; s >= 0; s--)
        {
            var m = _choiceAlternatives[s].Count;
            choice[s] = key % m;
            key /= m;
        }
    }

    private ScoringOptions Apply(int[] choice)
    {
        var options = _options.Nominal;
        for (var s = 0; s < choice.Length; s++)
        {
            options = _choiceAlternatives[s][choice[s]].Apply(options);
        }

        return CompositeSensitivity.Resolve(options);
    }

    private static void Validate(IndicatorMatrix matrix, CompositeSensitivityOptions options)
    {
        if (options.Inputs.Count == 0 || options.Inputs.Distinct().Count() != options.Inputs.Count)
        {
            throw new ArgumentException("Give at least one uncertain choice, each at most once.", nameof(options));
        }

        if (options.Alternatives.ContainsKey(UncertainChoice.Weights))
        {
            throw new ArgumentException("The weights input takes its alternatives from Spread and WeightSets.", nameof(options));
        }

        if (options.Alternatives.ContainsKey(UncertainChoice.MinCoverage))
        {
            throw new ArgumentException("The coverage input takes its range from CoverageLow and CoverageHigh.", nameof(options));
        }

        if (options.Inputs.Contains(UncertainChoice.MinCoverage) && !(options.CoverageLow >= 0 && options.CoverageLow <= options.CoverageHigh && options.CoverageHigh <= 1))
        {
            throw new ArgumentException("The coverage range must satisfy 0 ≤ low ≤ high ≤ 1.", nameof(options));
        }

        if (options.Alternatives.Values.Any(list => list.Count == 0))
        {
            throw new ArgumentException("Every choice needs at least one alternative.", nameof(options));
        }

        if (options.Inputs.Contains(UncertainChoice.Weights) && (!(options.Spread >= 0 && options.Spread <= 1) || options.WeightSets < 1))
        {
            throw new ArgumentException("The weight spread must lie in [0, 1] and there must be at least one weight set.", nameof(options));
        }

        if (options.Output == SensitivityOutput.CityRank && (options.City < 0 || options.City >= matrix.CityCount))
        {
            throw new ArgumentException("The city must be one of the matrix's cities.", nameof(options));
        }

        if (matrix.CityCount < 2)
        {
            throw new ArgumentException("A ranking needs at least two cities.", nameof(matrix));
        }
    }

    private sealed record Combination(ScoringOptions Options, double[] DomainScores);
}
