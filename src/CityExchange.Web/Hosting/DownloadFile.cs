namespace CityExchange.Web.Hosting;

/// <summary>A downloaded file: its bytes and name.</summary>
public sealed record DownloadFile(byte[] Content, string ContentType, string FileName);

public static class DownloadAddresses
{
    /// <summary>
    /// The address of the page a download handler belongs to: the request's path and query without <c>handler</c>
    /// (written into a workbook's about sheet, where the page, not the download, is the thing to cite).
    /// </summary>
    public static string PageOf(HttpRequest request) =>
        request.Path + QueryString.Create(request.Query.Where(q => q.Key != "handler").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))));
}
