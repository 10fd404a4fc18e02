namespace CityExchange.Web.Pages.Explore;

/// <summary>Marker for the Explore feature's messages (API errors, warnings, view models): Resources/Pages/Explore/ExploreText.zh-CN.resx.</summary>
public sealed class ExploreText;
