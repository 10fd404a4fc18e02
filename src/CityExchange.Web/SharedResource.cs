namespace CityExchange.Web;

/// <summary>Marker for strings shared by every page (layout, navigation, banners): Resources/SharedResource.zh-CN.resx.</summary>
public sealed class SharedResource;
