namespace CityExchange.Web.Pages.Share;

/// <summary>The share cards' and share metadata's strings (ShareText.zh-CN.resx; the English text is the key).</summary>
public sealed class ShareText;
