namespace CityExchange.Web.Pages.Imports;

/// <summary>Marker for the upload templates' strings (the comment line saying where the values come from): TemplateText.zh-CN.resx beside it.</summary>
public sealed class TemplateText;
