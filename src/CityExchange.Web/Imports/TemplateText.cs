namespace CityExchange.Web.Imports;

/// <summary>Marker for the upload templates' strings (the comment line saying where the values come from): Resources/Imports/TemplateText.zh-CN.resx.</summary>
public sealed class TemplateText;
