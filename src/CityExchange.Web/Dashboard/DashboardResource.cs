namespace CityExchange.Web.Dashboard;

/// <summary>Marker for the dashboard services' strings (CSV headers, units): Resources/Dashboard/DashboardResource.zh-CN.resx.</summary>
public sealed class DashboardResource;

/// <summary>
/// Marker for the English definitions and typical sources of the indicators (framework.csv has them in Chinese only):
/// Resources/Dashboard/IndicatorGlossary.resx, keys <c>{code}.Definition</c> and <c>{code}.Source</c>.
/// </summary>
public sealed class IndicatorGlossary;
