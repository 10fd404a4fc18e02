namespace CityExchange.Web.Pages.Cite;

/// <summary>Resource anchor for the citation download's messages (<c>CiteText.zh-CN.resx</c>).</summary>
public sealed class CiteText;
