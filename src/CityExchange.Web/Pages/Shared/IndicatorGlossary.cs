namespace CityExchange.Web.Pages.Shared;

/// <summary>
/// Marker for the English definitions and typical sources of the indicators (framework.csv has them in Chinese only):
/// IndicatorGlossary.resx beside it, keys <c>{code}.Definition</c> and <c>{code}.Source</c>.
/// </summary>
public sealed class IndicatorGlossary;
