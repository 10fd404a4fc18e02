namespace CityExchange.Web.Pages.Explore;

/// <summary>Marker for the Explore feature's messages (API errors, warnings, view models): ExploreText.zh-CN.resx beside it.</summary>
public sealed class ExploreText;
