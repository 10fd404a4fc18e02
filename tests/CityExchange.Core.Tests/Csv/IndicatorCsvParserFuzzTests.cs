using System.Text;
using CityExchange.Core.Csv;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Csv;

/// <summary>
/// Thousands of random and mutated files, from a seeded generator: the parser never throws, and every problem it
/// reports is located (a row within the file and a localised message). Failures print the seed and case to replay.
/// </summary>
public sealed class IndicatorCsvParserFuzzTests
{
    private const int Seed = 20251123;
    private const string MutationBytes = ",\"\n\r;-.0";
    private static readonly IndicatorCsvParser Parser = new(TestData.Framework, TestData.Directory);

    private static readonly string[] Tokens =
    [
        "city", "year", "source", "source:odi", "consulates", "odi", "sister_cities", "beijing", "上海", "Guangzhou", "Gotham",
        "2020", "1,318", "\"1,318,437\"", "-3", "NA", "—", "", " ", "\"", "\"\"", ",", ";", "\t", "\r\n", "\n", "\r", "=cmd()",
        "1e308", "1e999", "NaN", "0", "12.5", "３", "\u0000", "\uFEFF", "北京市", "城市", "领事馆数量",
    ];

    [Fact]
    public void Parse_RandomTokenSoupNeverThrowsAndLocatesEveryError()
    {
        var random = new Random(Seed);
        for (var i = 0; i < 3000; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 60);
            for (var t = 0; t < length; t++)
            {
                text.Append(Tokens[random.Next(Tokens.Length)]);
                if (random.NextDouble() < 0.4)
                {
                    text.Append(',');
                }
            }

            var bytes = random.NextDouble() < 0.2
                ? CsvFile.Gb18030(text.ToString().Replace("\u0000", string.Empty, StringComparison.Ordinal))
                : Encoding.UTF8.GetBytes(text.ToString());
            AssertWellBehaved(bytes, i);
        }
    }

    [Fact]
    public void Parse_MutatedValidFilesNeverThrowAndLocateEveryError()
    {
        var random = new Random(Seed + 1);
        var valid = File.ReadAllBytes(TestData.DataPath(Path.Combine("demo", "indicators_2014.csv")));
        for (var i = 0; i < 2000; i++)
        {
            var bytes = (byte[])valid.Clone();
            var mutations = random.Next(1, 12);
            for (var m = 0; m < mutations; m++)
            {
                var at = random.Next(bytes.Length);
                switch (random.Next(4))
                {
                    case 0: bytes[at] = (byte)random.Next(256); break;
                    case 1: bytes[at] = (byte)MutationBytes[random.Next(MutationBytes.Length)]; break;
                    case 2: bytes = [.. bytes[..at], .. bytes[Math.Min(bytes.Length, at + random.Next(1, 40))..]]; break;
                    default: bytes = [.. bytes[..at], .. Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]), .. bytes[at..]]; break;
                }
            }

            AssertWellBehaved(bytes, i);
        }
    }

    [Fact]
    public void Parse_RandomBinaryNeverThrows()
    {
        var random = new Random(Seed + 2);
        for (var i = 0; i < 500; i++)
        {
            var bytes = new byte[random.Next(0, 4096)];
            random.NextBytes(bytes);
            AssertWellBehaved(bytes, i);
        }
    }

    private static void AssertWellBehaved(byte[] bytes, int caseNumber)
    {
        IndicatorCsv result;
        try
        {
            result = Parser.Parse(bytes, 2020);
        }
        catch (Exception ex)
        {
            Assert.Fail($"Case {caseNumber} (seed {Seed}) threw {ex.GetType().Name}: {ex.Message}\n{Convert.ToBase64String(bytes)}");
            return;
        }

        var lines = Math.Max(1, bytes.Count(b => b == (byte)'\n') + bytes.Count(b => b == (byte)'\r') + 1);
        foreach (var error in result.Errors)
        {
            Assert.True(error.Row >= 1 && error.Row <= lines, $"Case {caseNumber}: row {error.Row} outside the file ({lines} lines): {error.Message}");
            Assert.False(string.IsNullOrWhiteSpace(error.Message), $"Case {caseNumber}: empty message for {error.Code}");
            Assert.False(string.IsNullOrWhiteSpace(error.Code));
        }

        if (result.IsValid)
        {
            Assert.NotEmpty(result.Values);
            Assert.All(result.Values, v => Assert.True(v.Value is >= 0 and <= CsvNumbers.MaxMagnitude, $"Case {caseNumber}: bad value {v.Value}"));
        }
    }
}
