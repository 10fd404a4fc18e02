namespace CityExchange.Web.Pages.Charts;

/// <summary>Marker for the chart-table endpoint's messages: TableText.zh-CN.resx beside it; the keys are the English text.</summary>
public sealed class TableText;
