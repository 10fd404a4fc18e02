using System.Text;
using BenchmarkDotNet.Attributes;
using CityExchange.Core.Cities;
using CityExchange.Core.Csv;

namespace CityExchange.Benchmarks;

/// <summary>Parsing and validating a yearly upload of 5,000 cities.</summary>
[MemoryDiagnoser]
public class CsvBenchmarks
{
    private byte[] _file = [];
    private IndicatorCsvParser _parser = null!;

    [GlobalSetup]
    public void Setup()
    {
        const int cities = 5_000;
        _file = Encoding.UTF8.GetBytes(SyntheticData.ToCsv(SyntheticData.Matrix(cities)));
        var directory = new CityDirectory(Enumerable.Range(0, cities).Select(c => new City($"c{c}", $"城市{c}", $"City {c}", "", "", "", "", "other", null, null)));
        _parser = new IndicatorCsvParser(SyntheticData.Framework, directory);
    }

    [Benchmark]
    public int Parse5000Cities() => _parser.Parse(_file, 2020).Rows.Count;
}
