using CityExchange.Core.Csv;

namespace CityExchange.Core.Excel;

/// <summary>One line of a table's "about" sheet (title, year, method and options, data version, demo flag, generated time, page URL, cite as).</summary>
public sealed record TableAboutItem(string Label, CsvCell Value);

/// <summary>
/// A downloadable table for <see cref="TableWorkbook"/>: the same header and cells as its CSV export (numbers stay
/// numbers), and what the about sheet says of it. <see cref="IsDemo"/> marks the data sheet as synthetic above the header.
/// </summary>
public sealed record TableWorkbookSpec(
    WorkbookLanguage Language,
    string Title,
    IReadOnlyList<string> Headers,
    IEnumerable<IReadOnlyList<CsvCell>> Rows,
    IReadOnlyList<TableAboutItem> About,
    bool IsDemo = false);
