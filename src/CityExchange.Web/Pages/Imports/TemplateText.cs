namespace CityExchange.Web.Pages.Imports;

/// <summary>Marker for the upload templates' strings (the comment line saying where the values come from): Resources/Pages/Imports/TemplateText.zh-CN.resx.</summary>
public sealed class TemplateText;
