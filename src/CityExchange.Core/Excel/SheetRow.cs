using CityExchange.Core.Csv;

namespace CityExchange.Core.Excel;

/// <summary>One cell with content as a workbook reader found it: its column (0 = A), its text, and what else it was.</summary>
internal readonly record struct SheetCell(int Column, string Text, CellMark Mark);

/// <summary>A row of a worksheet with its Excel row number and its cells with content, in column order.</summary>
internal sealed record SheetRow(int Number, List<SheetCell> Cells);

/// <summary>Merged cells, by their corners (columns from 0, rows from 1).</summary>
internal readonly record struct MergedRange(int FromColumn, int FromRow, int ToColumn, int ToRow)
{
    public override string ToString() => CellReferences.Format(FromColumn, FromRow) + ":" + CellReferences.Format(ToColumn, ToRow);
}

/// <summary>The chosen sheet of a workbook, row by row.</summary>
internal interface ISheetReader
{
    /// <summary>The rows with content, streamed; the sequence ends early (<see cref="Stopped"/>) at a limit, its error added.</summary>
    IEnumerable<SheetRow> Rows();

    /// <summary>The sheet's merged cells: complete once <see cref="Rows"/> has been read to its end.</summary>
    IReadOnlyList<MergedRange> Merges { get; }

    bool Stopped { get; }
}
