using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CityExchange.Web.Pages.Explore;

/// <summary>
/// The body of <c>POST /api/rankings/{year}/whatif</c> (docs/api.md): the overrides and the scoring parameters, which
/// are strings as in the query (a number or true/false is read as its text). <see cref="Weights"/> is a string in the
/// query syntax or an object <c>{ "social": 0.4 }</c>; anything else does not bind.
/// </summary>
public sealed record WhatIfRequest(
    IReadOnlyList<WhatIfOverride>? Overrides,
    [property: JsonConverter(typeof(WeightsTextConverter))] string? Weights,
    [property: JsonConverter(typeof(ScalarTextConverter))] string? Method,
    [property: JsonConverter(typeof(ScalarTextConverter))] string? Aggregation,
    [property: JsonConverter(typeof(ScalarTextConverter))] string? Scale,
    [property: JsonConverter(typeof(ScalarTextConverter))] string? Missing,
    [property: JsonConverter(typeof(ScalarTextConverter))] string? Winsorise,
    [property: JsonConverter(typeof(ScalarTextConverter))] string? Winsorize,
    [property: JsonConverter(typeof(ScalarTextConverter))] string? Preset,
    [property: JsonConverter(typeof(ScalarTextConverter))] string? WinMax = null,
    [property: JsonConverter(typeof(ScalarTextConverter))] string? MinCoverage = null)
{
    /// <summary>Property names in any case, numbers only as JSON numbers (<c>"value": "12"</c> does not bind).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.Strict };

    /// <summary>The scoring parameters, as <see cref="ExploreService.ParseAsync"/> reads them.</summary>
    public string? Parameter(string key) => key switch
    {
        "weights" => Weights,
        "method" => Method,
        "aggregation" => Aggregation,
        "scale" => Scale,
        "missing" => Missing,
        "winsorise" => Winsorise,
        "winsorize" => Winsorize,
        "preset" => Preset,
        "winmax" => WinMax,
        "minCoverage" => MinCoverage,
        _ => null,
    };

    public IReadOnlyList<OverrideInput> OverrideInputs() => [.. (Overrides ?? []).Select(o => new OverrideInput(o.City, o.Indicator, o.Value))];
}

/// <summary>One replaced value; <see cref="Value"/> must be a JSON number (checked for ≥ 0 by the service).</summary>
public sealed record WhatIfOverride(string? City, string? Indicator, double? Value);

/// <summary>A string, or a number or true/false as its JSON text; objects and arrays do not bind.</summary>
internal sealed class ScalarTextConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => Encoding.UTF8.GetString(reader.ValueSpan),
        _ => throw new JsonException("Expected a string, a number or true/false."),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary><c>"social:0.4,consulates:3"</c>, or <c>{ "social": 0.4 }</c> turned into that syntax; nothing else binds.</summary>
internal sealed class WeightsTextConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.StartObject:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    return string.Join(',', document.RootElement.EnumerateObject().Select(p => string.Create(CultureInfo.InvariantCulture,
                        $"{p.Name}:{(p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetRawText() : p.Value.ToString())}")));
                }

            default:
                throw new JsonException("weights must be a string or an object.");
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
