namespace CityExchange.Web.Hosting;

/// <summary>A downloaded file: its bytes and name.</summary>
public sealed record DownloadFile(byte[] Content, string ContentType, string FileName);
