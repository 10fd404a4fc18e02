using System.Text;

namespace CityExchange.Web.Tests.Infrastructure;

/// <summary>CSV file bytes as editors' tools write them: UTF-8 with BOM (Excel "CSV UTF-8") or GB18030 (Excel on Chinese Windows).</summary>
public static class Encoded
{
    static Encoded() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static byte[] Utf8(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    public static byte[] Utf8Bom(params string[] lines) => [0xEF, 0xBB, 0xBF, .. Utf8(lines)];

    public static byte[] Gb18030(params string[] lines) => Encoding.GetEncoding("GB18030").GetBytes(string.Join("\r\n", lines) + "\r\n");
}
