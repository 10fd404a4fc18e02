using System.Text;
using CityExchange.Core.Resources;

namespace CityExchange.Core.Csv;

/// <summary>The text of an uploaded file, or why it is not text.</summary>
public sealed record DecodedText(string? Text, string EncodingName, string? ErrorKey)
{
    public bool IsText => Text is not null;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static DecodedText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// Strict UTF-8 first (with or without BOM), then GB18030 (what Excel writes on Chinese Windows); never asks.
    /// Excel workbooks renamed to .csv and other binary files (a NUL byte) are recognised and refused. Control
    /// characters in the text are not refused here but by <see cref="CsvTable"/>, cell by cell and in every encoding alike.
    /// </summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return new DecodedText(null, "binary", MessageKey.ExcelFile);
        }

        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            // UTF-16 (Excel's "Unicode text"): BOM-marked, unambiguous.
            var utf16 = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return new DecodedText(utf16.GetString(bytes[2..]), utf16.WebName, null);
        }

        if (bytes.Contains((byte)0))
        {
            return new DecodedText(null, "binary", MessageKey.BinaryFile);
        }

        try
        {
            return new DecodedText(StrictUtf8.GetString(bytes), "utf-8", null);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: fall through to GB18030.
        }

        try
        {
            var gb = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return new DecodedText(gb.GetString(bytes), "gb18030", null);
        }
        catch (DecoderFallbackException)
        {
            return new DecodedText(null, "binary", MessageKey.Undecodable);
        }
    }
}
