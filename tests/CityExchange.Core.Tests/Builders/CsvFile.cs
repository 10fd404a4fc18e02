using System.Text;

namespace CityExchange.Core.Tests.Builders;

/// <summary>Builds CSV bytes from lines, in UTF-8 (optionally with BOM) or GB18030 as Excel on Chinese Windows writes it.</summary>
public static class CsvFile
{
    static CsvFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static byte[] Utf8(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    public static byte[] Utf8Bom(params string[] lines) => [0xEF, 0xBB, 0xBF, .. Utf8(lines)];

    public static byte[] Gb18030(params string[] lines) => Encoding.GetEncoding("GB18030").GetBytes(string.Join("\r\n", lines) + "\r\n");
}
