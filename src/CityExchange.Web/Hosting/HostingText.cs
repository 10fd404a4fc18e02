namespace CityExchange.Web.Hosting;

/// <summary>
/// Marker for the messages every endpoint can answer with (429, 503, 413): HostingText.zh-CN.resx beside it; the keys
/// are the English text.
/// </summary>
public sealed class HostingText;
