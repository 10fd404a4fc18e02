namespace CityExchange.Core.Excel;

/// <summary>What an uploaded indicator file is, told by its content (the file name is not trusted, nor known in Core).</summary>
public enum UploadFormat
{
    /// <summary>Text: CSV, tab- or semicolon-separated.</summary>
    Csv,

    /// <summary>An Office Open XML workbook: .xlsx or .xlsm (values only: macros are never run), from Excel, WPS or LibreOffice.</summary>
    Xlsx,

    /// <summary>A legacy Excel 97–2003 workbook (BIFF8); its error cells read as missing.</summary>
    Xls,
}
