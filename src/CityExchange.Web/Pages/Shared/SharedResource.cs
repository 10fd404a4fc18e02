namespace CityExchange.Web.Pages.Shared;

/// <summary>Marker for strings shared by every page (layout, navigation, banners): SharedResource.zh-CN.resx beside it.</summary>
public sealed class SharedResource;
