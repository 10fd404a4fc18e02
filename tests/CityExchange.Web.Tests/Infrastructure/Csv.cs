using System.Net.Http.Headers;
using System.Text;

namespace CityExchange.Web.Tests.Infrastructure;

public static class Csv
{
    public static ByteArrayContent Content(params string[] lines) => Bytes(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));

    public static ByteArrayContent Bytes(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        return content;
    }
}
