namespace CityExchange.Core.Resources;

/// <summary>Keys of the localised messages in Messages.resx; also the machine-readable error codes.</summary>
public static class MessageKey
{
    public const string EmptyFile = nameof(EmptyFile);

    public const string HeaderOnly = nameof(HeaderOnly);

    public const string BinaryFile = nameof(BinaryFile);

    public const string ExcelFile = nameof(ExcelFile);

    public const string Undecodable = nameof(Undecodable);

    public const string MissingCityColumn = nameof(MissingCityColumn);

    public const string UnknownColumn = nameof(UnknownColumn);

    public const string DuplicateColumn = nameof(DuplicateColumn);

    public const string EmptyColumnName = nameof(EmptyColumnName);

    public const string NoIndicatorColumns = nameof(NoIndicatorColumns);

    public const string SourceForUnknownIndicator = nameof(SourceForUnknownIndicator);

    public const string UnknownCity = nameof(UnknownCity);

    public const string MissingCity = nameof(MissingCity);

    public const string DuplicateCity = nameof(DuplicateCity);

    public const string NotANumber = nameof(NotANumber);

    public const string Negative = nameof(Negative);

    public const string RaggedRow = nameof(RaggedRow);

    public const string YearMismatch = nameof(YearMismatch);

    public const string YearInvalid = nameof(YearInvalid);

    public const string YearMissing = nameof(YearMissing);

    public const string BadQuote = nameof(BadQuote);

    public const string TooManyRows = nameof(TooManyRows);

    public const string SourceTooLong = nameof(SourceTooLong);

    public const string MissingValue = nameof(MissingValue);

    public const string InvalidCode = nameof(InvalidCode);

    public const string InvalidValue = nameof(InvalidValue);

    public const string DuplicateCode = nameof(DuplicateCode);

    public const string MissingColumn = nameof(MissingColumn);

    public const string TooFewValues = nameof(TooFewValues);

    public const string Constant = nameof(Constant);

    public const string NoValues = nameof(NoValues);

    public const string TooLong = nameof(TooLong);

    public const string UnknownCityColumn = nameof(UnknownCityColumn);

    public const string CoordinateOutOfRange = nameof(CoordinateOutOfRange);

    public const string CoordinateHalf = nameof(CoordinateHalf);

    public const string ValueJumpUp = nameof(ValueJumpUp);

    public const string ValueJumpDown = nameof(ValueJumpDown);

    public const string LowCoverage = nameof(LowCoverage);

    public const string FullWidthNormalised = nameof(FullWidthNormalised);

    public const string ValueTooLarge = nameof(ValueTooLarge);

    public const string ControlCharacter = nameof(ControlCharacter);

    public const string InvisibleCharacterRemoved = nameof(InvisibleCharacterRemoved);

    public const string AmbiguousCity = nameof(AmbiguousCity);

    public const string DuplicateName = nameof(DuplicateName);

    public const string NameCollision = nameof(NameCollision);

    public const string NameTaken = nameof(NameTaken);

    public const string WorkbookUnreadable = nameof(WorkbookUnreadable);

    public const string WorkbookEncrypted = nameof(WorkbookEncrypted);

    public const string WorkbookTooLarge = nameof(WorkbookTooLarge);

    public const string WorkbookTooManyParts = nameof(WorkbookTooManyParts);

    public const string NotAWorkbook = nameof(NotAWorkbook);

    public const string ChartSheetsOnly = nameof(ChartSheetsOnly);

    public const string HiddenSheetsOnly = nameof(HiddenSheetsOnly);

    public const string TooManyColumns = nameof(TooManyColumns);

    public const string MergedHeader = nameof(MergedHeader);

    public const string OutsideTable = nameof(OutsideTable);

    public const string DateWhereNumber = nameof(DateWhereNumber);

    public const string CellError = nameof(CellError);

    public const string FormulaWithoutValue = nameof(FormulaWithoutValue);

    public const string NotAvailableReadAsMissing = nameof(NotAvailableReadAsMissing);

    public const string XlsErrorsReadAsMissing = nameof(XlsErrorsReadAsMissing);

    /// <summary>Message fragments, not error codes: one candidate city, and the separators of a list ending in "or".</summary>
    public const string CandidateCity = nameof(CandidateCity);

    public const string ListSeparator = nameof(ListSeparator);

    public const string ListLastSeparator = nameof(ListLastSeparator);
}
