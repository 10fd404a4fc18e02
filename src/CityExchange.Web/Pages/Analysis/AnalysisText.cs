namespace CityExchange.Web.Pages.Analysis;

/// <summary>Marker for the analysis API's messages: AnalysisText.zh-CN.resx beside it; the keys are the English text.</summary>
public sealed class AnalysisText;
