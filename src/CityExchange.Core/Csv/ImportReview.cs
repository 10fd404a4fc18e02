using CityExchange.Core.Framework;
using CityExchange.Core.Resources;
using CityExchange.Core.Scoring;

namespace CityExchange.Core.Csv;

public enum ValueChangeKind
{
    Added,
    Changed,
    Removed,
}

/// <summary>One difference between a file and the year's stored values; <see cref="Old"/> or <see cref="New"/> is null when absent.</summary>
public sealed record ValueChange(ValueChangeKind Kind, string CityCode, string IndicatorCode, double? Old, double? New);

/// <summary>What confirming a file would do to the year's stored values.</summary>
public sealed record ValueDiff(IReadOnlyList<ValueChange> Changes, int Unchanged)
{
    public int Added => Changes.Count(c => c.Kind == ValueChangeKind.Added);

    public int Changed => Changes.Count(c => c.Kind == ValueChangeKind.Changed);

    public int Removed => Changes.Count(c => c.Kind == ValueChangeKind.Removed);
}

/// <summary>A stored value of an earlier year, to compare a new value with.</summary>
public sealed record PreviousValue(int Year, string CityCode, string IndicatorCode, double Value);

/// <summary>
/// Something in a valid file worth a second look before it is stored. <see cref="Code"/> is <c>jump</c> (more than 10×
/// or less than 1/10 of the city's previous value), <c>constant</c> or <c>too_few_values</c> (the indicator would be
/// left out of the year's scoring), or <c>low_coverage</c> (a city with values for fewer than half the indicators).
/// </summary>
public sealed record ImportWarning(string Code, string? CityCode, string? IndicatorCode, string Message);

/// <summary>
/// The warnings of a file: the first <see cref="CsvIssueLimit.MaxReported"/> (those about whole indicators first) and
/// <see cref="WarningCount"/>, how many there are in all.
/// </summary>
public sealed record ImportWarnings(IReadOnlyList<ImportWarning> Warnings, int WarningCount);

/// <summary>The checks shown on the upload preview: the diff against stored data and the warnings.</summary>
public static class ImportReview
{
    public const double JumpFactor = 10;
    public const double MinimumCoverage = 0.5;

    public const string Jump = "jump";
    public const string Constant = "constant";
    public const string TooFewValues = "too_few_values";
    public const string LowCoverage = "low_coverage";

    /// <summary>Values added, changed (old → new) and removed, ordered by city then indicator.</summary>
    public static ValueDiff Diff(IEnumerable<ParsedValue> incoming, IEnumerable<ParsedValue> stored)
    {
        var before = stored.ToDictionary(v => (v.CityCode, v.IndicatorCode), v => v.Value);
        var after = incoming.ToDictionary(v => (v.CityCode, v.IndicatorCode), v => v.Value);
        var changes = new List<ValueChange>();
        var unchanged = 0;
        foreach (var ((city, indicator), value) in after)
        {
            if (!before.TryGetValue((city, indicator), out var old))
            {
                changes.Add(new ValueChange(ValueChangeKind.Added, city, indicator, null, value));
            }
            else if (old.Equals(value))
            {
                unchanged++;
            }
            else
            {
                changes.Add(new ValueChange(ValueChangeKind.Changed, city, indicator, old, value));
            }
        }

        changes.AddRange(before.Where(b => !after.ContainsKey(b.Key))
            .Select(b => new ValueChange(ValueChangeKind.Removed, b.Key.CityCode, b.Key.IndicatorCode, b.Value, null)));
        return new ValueDiff(
            [.. changes.OrderBy(c => c.CityCode, StringComparer.Ordinal).ThenBy(c => c.IndicatorCode, StringComparer.Ordinal)],
            unchanged);
    }

    /// <summary>
    /// Indicators the scoring would drop (at most two warnings per indicator, so never among those left out), then jumps
    /// against the latest earlier year with a value for the same city and indicator (only when that value is positive),
    /// then cities below 50% coverage of the framework. Only the first <see cref="CsvIssueLimit.MaxReported"/> get a message.
    /// </summary>
    public static ImportWarnings Review(IndicatorFramework framework, IReadOnlyList<ParsedValue> incoming, IEnumerable<PreviousValue> previous)
    {
        var warnings = new List<ImportWarning>();
        var count = 0;
        void Add(Func<ImportWarning> warning)
        {
            if (count++ < CsvIssueLimit.MaxReported)
            {
                warnings.Add(warning());
            }
        }

        var cities = incoming.Select(v => v.CityCode).Distinct().Order(StringComparer.Ordinal).ToList();
        if (cities.Count > 0)
        {
            var column = cities.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
            var matrix = new IndicatorMatrix(framework, cities.Count);
            foreach (var v in incoming)
            {
                var row = framework.IndexOf(v.IndicatorCode);
                if (row >= 0)
                {
                    matrix[row, column[v.CityCode]] = v.Value;
                }
            }

            foreach (var warning in ScoringEngine.Score(matrix).Warnings)
            {
                Add(() => warning.Kind == ScoringWarningKind.Constant
                    ? new ImportWarning(Constant, null, warning.IndicatorCode, Messages.Format(MessageKey.Constant, warning.IndicatorCode, warning.ValueCount))
                    : new ImportWarning(TooFewValues, null, warning.IndicatorCode, Messages.Format(MessageKey.TooFewValues, warning.IndicatorCode, warning.ValueCount)));
            }
        }

        var latest = previous
            .GroupBy(p => (p.CityCode, p.IndicatorCode))
            .ToDictionary(g => g.Key, g => g.MaxBy(p => p.Year)!);
        foreach (var value in incoming.OrderBy(v => v.CityCode, StringComparer.Ordinal).ThenBy(v => framework.IndexOf(v.IndicatorCode)))
        {
            if (latest.TryGetValue((value.CityCode, value.IndicatorCode), out var before) && before.Value > 0)
            {
                if (value.Value > before.Value * JumpFactor)
                {
                    Add(() => new ImportWarning(Jump, value.CityCode, value.IndicatorCode,
                        Messages.Format(MessageKey.ValueJumpUp, value.Value, before.Value, before.Year)));
                }
                else if (value.Value < before.Value / JumpFactor)
                {
                    Add(() => new ImportWarning(Jump, value.CityCode, value.IndicatorCode,
                        Messages.Format(MessageKey.ValueJumpDown, value.Value, before.Value, before.Year)));
                }
            }
        }

        foreach (var group in incoming.GroupBy(v => v.CityCode).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var present = group.Select(v => v.IndicatorCode).Distinct().Count();
            if (present < framework.Count * MinimumCoverage)
            {
                Add(() => new ImportWarning(LowCoverage, group.Key, null,
                    Messages.Format(MessageKey.LowCoverage, present, framework.Count, (double)present / framework.Count)));
            }
        }

        return new ImportWarnings(warnings, count);
    }

    /// <summary>The first <see cref="CsvIssueLimit.MaxReported"/> warnings of <see cref="Review"/>, without their count.</summary>
    public static IReadOnlyList<ImportWarning> Warnings(IndicatorFramework framework, IReadOnlyList<ParsedValue> incoming, IEnumerable<PreviousValue> previous) =>
        Review(framework, incoming, previous).Warnings;
}
