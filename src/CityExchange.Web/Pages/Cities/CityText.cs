namespace CityExchange.Web.Pages.Cities;

/// <summary>Marker for the city search API's messages: CityText.zh-CN.resx beside it; the keys are the English text.</summary>
public sealed class CityText;
