using System.Text.Json.Nodes;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;

namespace CityExchange.Core.Tests.Analysis.Audit;

/// <summary>
/// A data set of Fixtures/ with its expected values: <c>&lt;name&gt;.json</c> (inputs and the numpy/scipy audit, from
/// make_fixtures.py) and <c>&lt;name&gt;.coinr.json</c> (COINr 1.1.14 on the same inputs, from make_fixtures.R).
/// </summary>
public sealed class AuditFixture
{
    private AuditFixture(string name)
    {
        Scipy = Read($"{name}.json");
        Coinr = Read($"{name}.coinr.json");
        var framework = Scipy["framework"]!.AsArray();
        Framework = new IndicatorFramework(framework.Select((f, i) => new Indicator(
            (string)f!["code"]!, Domains.Parse((string)f["domain"]!), (string)f["code"]!, (string)f["code"]!, "unit",
            (int)f["polarity"]!, "", "", i)));
        Cities = [.. Scipy["cities"]!.AsArray().Select(c => (string)c!)];
        Matrix = new IndicatorMatrix(Framework, Cities.Count);
        for (var j = 0; j < Framework.Count; j++)
        {
            var values = Numbers(Scipy["values"]![Framework.Indicators[j].Code]);
            for (var c = 0; c < Cities.Count; c++)
            {
                Matrix[j, c] = values[c];
            }
        }

        DomainScores = [.. Domains.All.SelectMany(d => Numbers(Scipy["domainScores"]![d.Code()]))];
        Overall = Numbers(Scipy["overall"]);
    }

    public static AuditFixture Handmade { get; } = new("handmade");

    public static AuditFixture Demo2015 { get; } = new("demo2015");

    public static AuditFixture Published2013 { get; } = new("published2013");

    public JsonNode Scipy { get; }

    public JsonNode Coinr { get; }

    public JsonNode Expected => Scipy["expected"]!;

    public IndicatorFramework Framework { get; }

    public IReadOnlyList<string> Cities { get; }

    public IndicatorMatrix Matrix { get; }

    /// <summary>The fixture's domain scores, domain-major (the engine's default method, computed by make_fixtures.py).</summary>
    public double[] DomainScores { get; }

    public double[] Overall { get; }

    public static AuditFixture Named(string name) => name switch
    {
        "handmade" => Handmade,
        "demo2015" => Demo2015,
        "published2013" => Published2013,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    public static JsonNode Read(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Analysis", "Audit", "Fixtures", file)))!;

    /// <summary>A JSON number, or NaN for null.</summary>
    public static double Number(JsonNode? node) => node is null ? double.NaN : (double)node;

    public static double[] Numbers(JsonNode? node) => [.. node!.AsArray().Select(Number)];

    public static double[][] Matrix2(JsonNode? node) => [.. node!.AsArray().Select(Numbers)];
}
