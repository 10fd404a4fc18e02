namespace CityExchange.Web.Explore;

/// <summary>Marker for the Explore feature's messages (API errors, warnings, view models): Resources/Explore/ExploreText.zh-CN.resx.</summary>
public sealed class ExploreText;
