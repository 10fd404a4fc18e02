using System.Globalization;
using CityExchange.Core.Scoring;

namespace CityExchange.Web.Hosting;

/// <summary>
/// A query parameter as the OpenAPI document shows it. Many handlers read their query from <c>HttpRequest</c>, which
/// ApiExplorer cannot see, so the endpoint carries these as metadata and <see cref="OpenApiSetup"/>'s operation
/// transformer writes them (replacing what ApiExplorer inferred for a bound parameter of the same name).
/// <see cref="Type"/> is a JSON Schema type: <c>string</c>, <c>integer</c>, <c>number</c> or <c>boolean</c>.
/// </summary>
public sealed record ApiQueryParameter(
    string Name,
    string Description,
    string Type = "string",
    string? Default = null,
    double? Minimum = null,
    double? Maximum = null,
    IReadOnlyList<string>? Enum = null,
    bool Required = false,
    bool ExclusiveMinimum = false);

/// <summary>A request body read from the request stream by the handler: its media types and, for JSON, its shape.</summary>
public sealed record ApiRequestBody(string Description, IReadOnlyList<string> ContentTypes, Type? JsonType = null);

/// <summary>The query parameters several endpoints share (docs/api.md), in one place.</summary>
public static class OpenApiParameters
{
    public const string Csv = "text/csv";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Xls = "application/vnd.ms-excel";

    private static readonly string MaxWeight = ScoringWeights.MaxWeight.ToString("0", CultureInfo.InvariantCulture);

    /// <summary>The ranking options of <c>GET /api/rankings/{year}</c>, accepted as well by targets, sensitivity, bounds and rank change.</summary>
    public static IReadOnlyList<ApiQueryParameter> Scoring { get; } =
    [
        new("method", "Normalisation: min–max (the report's), rank, or z-score (sample SD; not on the 0–100 scale).", Default: "minmax", Enum: ["minmax", "rank", "zscore"]),
        new("aggregation", "How domain and overall scores combine: arithmetic mean, or geometric (on 1 + score; not with zscore).", Default: "arithmetic", Enum: ["arithmetic", "geometric"]),
        new("scale", "Goalposts of the normalisation: the year's own, or over all indicator years (panel).", Default: "year", Enum: ["year", "panel"]),
        new("missing", "Missing values: the mean of the indicators the city has (available), or the region's median imputed.", Default: "available", Enum: ["available", "median"]),
        new("winsorise", "Outliers before normalising: false (none), true (clip at the 5th/95th percentiles of the observed values), or conditional (COINr's Treat: winsorise while |skew| ≥ 2 and kurtosis ≥ 3.5, up to winmax points, else log-transform).", Default: "false", Enum: ["false", "true", "conditional"]),
        new("winmax", "With winsorise=conditional: the most points winsorised per indicator before the log transform.", "integer", "5", 1, 20),
        new("minCoverage", "Data-availability threshold: cities with a smaller share of the indicators are left out before normalisation and listed in excluded (0: every city).", "number", "0", 0, 1),
        new("preset", "Weights: equal, or data-driven weights of the year (entropy, CRITIC, PCA; not for a published year).", Default: "equal", Enum: ["equal", "entropy", "critic", "pca"]),
        new("weights", $"Weights as key:value pairs, e.g. social:0.4,consulates:3. Keys are domain or indicator codes; each value is a number from 0 to {MaxWeight}; keys left out keep their default (domain 0.25, indicator 1, or the preset's)."),
    ];

    /// <summary>The Monte Carlo parameters of <c>GET /api/sensitivity/{year}</c>.</summary>
    public static IReadOnlyList<ApiQueryParameter> MonteCarlo { get; } =
    [
        new("samples", $"Random weight vectors drawn; samples × cities is at most {UncertaintyLimits.MaxSampleCityProduct.ToString("N0", CultureInfo.InvariantCulture)}.", "integer", "1000", 1, UncertaintyLimits.MaxSamples),
        new("seed", "Random seed; the same seed gives the same answer.", "integer", "1"),
        new("sampling", "Dirichlet weights around the chosen ones, or uniform (each weight ± spread).", Default: "dirichlet", Enum: ["dirichlet", "uniform"]),
        new("concentration", "Dirichlet concentration κ (any positive number).", "number", "35", 0, ExclusiveMinimum: true),
        new("spread", "Half-width of uniform sampling, relative to each weight.", "number", "0.5", 0, 1, ExclusiveMinimum: true),
        new("vary", "Also sample the normalisation method.", "boolean", "false"),
    ];

    /// <summary>The weight grid of <c>GET /api/sensitivity/{year}/bounds</c>: 0 ≤ min ≤ 0.25 ≤ max ≤ 1, 0 &lt; step ≤ 0.25.</summary>
    public static IReadOnlyList<ApiQueryParameter> WeightBounds { get; } =
    [
        new("min", "Smallest domain weight of the grid (0 ≤ min ≤ 0.25).", "number", "0.1", 0, 0.25),
        new("max", "Largest domain weight of the grid (0.25 ≤ max ≤ 1).", "number", "0.4", 0.25, 1),
        new("step", $"Grid step (0 < step ≤ 0.25); points × cities is at most {UncertaintyLimits.MaxBoundsWork.ToString("N0", CultureInfo.InvariantCulture)}.", "number", "0.01", 0, 0.25, ExclusiveMinimum: true),
    ];

    /// <summary>Documents query parameters the handler reads itself (or refines those it binds).</summary>
    public static TBuilder WithQueryParameters<TBuilder>(this TBuilder builder, params IEnumerable<ApiQueryParameter> parameters)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata([.. parameters]);

    /// <summary>
    /// Documents a body the handler reads from the stream. Not <c>.Accepts(...)</c>: that metadata also selects endpoints by
    /// Content-Type (415 otherwise), and these handlers read the content whatever the header says.
    /// </summary>
    public static TBuilder WithRequestBody<TBuilder>(this TBuilder builder, string description, params string[] contentTypes)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ApiRequestBody(description, contentTypes));

    /// <summary>The refusals of a bearer-token endpoint: 401 (missing or wrong token), 403 (no token configured).</summary>
    public static RouteHandlerBuilder ProducesTokenRefusals(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Documents a file answer (200) in these media types, beside any JSON answer the endpoint gives.</summary>
    public static TBuilder WithFileResponse<TBuilder>(this TBuilder builder, string description, params string[] contentTypes)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ApiFileResponse(description, contentTypes));

    /// <inheritdoc cref="WithRequestBody{TBuilder}(TBuilder, string, string[])"/>
    public static TBuilder WithJsonRequestBody<TBody, TBuilder>(this TBuilder builder, string description)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ApiRequestBody(description, ["application/json"], typeof(TBody)));
}
