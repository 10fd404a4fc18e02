namespace CityExchange.Core.Csv;

/// <summary>How many issues of one kind (errors, notices, warnings) one file reports with their messages.</summary>
public static class CsvIssueLimit
{
    /// <summary>
    /// The first 1,000 are kept and the rest only counted: a 4 MB file of junk rows once gave a 190 MB error body,
    /// and nobody reads past the first screenful of one mistake repeated.
    /// </summary>
    public const int MaxReported = 1000;
}

/// <summary>
/// The issues of one kind found in one file: the first <see cref="CsvIssueLimit.MaxReported"/> by row (in the order
/// found within a row) and the <see cref="Count"/> of all of them. A message is formatted only for an issue that is kept,
/// so a file with an error in every cell costs about as much as a file with a thousand. An issue about the whole file
/// (too many rows) is pinned: kept wherever it is, in place of the latest of the others.
/// </summary>
public sealed class CsvIssueList
{
    // A max-heap on (row, order found): its root is the latest issue kept, the one to drop for an earlier one. The CSV
    // reader's issues (bad quoting, too many rows) arrive before the cell checks of earlier rows, so "first" is by row.
    private static readonly Comparer<(int Row, long Order)> Latest = Comparer<(int Row, long Order)>.Create((a, b) => b.CompareTo(a));

    private readonly PriorityQueue<CsvIssue, (int Row, long Order)> _kept = new(Latest);
    private readonly List<(CsvIssue Element, (int Row, long Order) Priority)> _pinned = [];
    private readonly int _limit;
    private long _order;

    public CsvIssueList(int limit = CsvIssueLimit.MaxReported)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        _limit = limit;
    }

    /// <summary>Every issue added, kept or not.</summary>
    public int Count { get; private set; }

    public void Add(CsvIssue issue)
    {
        Count++;
        var key = (issue.Row, _order++);
        if (_kept.Count + _pinned.Count < _limit)
        {
            _kept.Enqueue(issue, key);
        }
        else if (_kept.Count > 0)
        {
            // Drops the latest of the kept ones and the new one: the new one itself when it is the latest.
            _kept.EnqueueDequeue(issue, key);
        }
    }

    /// <summary>Adds an issue about the whole file, kept whatever its row (at most <c>limit</c> of them).</summary>
    public void AddPinned(CsvIssue issue)
    {
        Count++;
        var key = (issue.Row, _order++);
        if (_pinned.Count < _limit)
        {
            if (_kept.Count + _pinned.Count >= _limit)
            {
                _kept.Dequeue();
            }

            _pinned.Add((issue, key));
        }
    }

    /// <summary>Adds the issue <paramref name="key"/> located at <paramref name="row"/>, formatting its message only if it is kept.</summary>
    internal void Add(int row, string? column, string? value, string key, params object?[] args)
    {
        if (!WouldKeep(row))
        {
            Count++;
            _order++;
            return;
        }

        Add(CsvTable.Issue(row, column, value, key, args));
    }

    /// <summary>As <see cref="Add(int, string?, string?, string, object?[])"/>, for an issue about the workbook cell <paramref name="cell"/> (<c>C5</c>).</summary>
    internal void AddAt(string? cell, int row, string? column, string? value, string key, params object?[] args)
    {
        if (!WouldKeep(row))
        {
            Count++;
            _order++;
            return;
        }

        Add(CsvTable.Issue(row, column, value, key, args) with { Cell = cell });
    }

    /// <summary>The issues kept, by row and then in the order found.</summary>
    public IReadOnlyList<CsvIssue> ToList() =>
        [.. _kept.UnorderedItems.Concat(_pinned).OrderBy(item => item.Priority).Select(item => item.Element)];

    private bool WouldKeep(int row) => _kept.Count + _pinned.Count < _limit || (_kept.TryPeek(out _, out var latest) && row < latest.Row);
}
