namespace CityExchange.Web.Pages.Imports;

/// <summary>A yearly indicator file to import. The content is parsed from memory, never written under the client's file name.</summary>
public sealed record ImportRequest(int Year, byte[] Content, string FileName, string User, bool IsDemo = false, bool ReplacePublished = false);
