namespace CityExchange.Web.Pages.Imports;

/// <summary>Marker for the import API's messages: ImportText.zh-CN.resx beside it; the keys are the English text.</summary>
public sealed class ImportText;
