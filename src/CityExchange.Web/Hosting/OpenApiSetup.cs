using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace CityExchange.Web.Hosting;

/// <summary>A file the endpoint answers with (a workbook, a CSV, an uploaded original): its media types.</summary>
public sealed record ApiFileResponse(string Description, IReadOnlyList<string> ContentTypes);

/// <summary>
/// The API contract: <c>/openapi/v1.json</c> (every <c>/api/*</c> endpoint and the health probes, nothing else), committed
/// as docs/openapi.json and checked by a test, and the interactive reference at <c>/api/docs</c>, served from the app
/// with no CDN and a CSP of its own (<see cref="DocsContentSecurityPolicy"/>).
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    public const string DocsPath = "/api/docs";
    public const string BearerScheme = "bearer";

    private const string Description =
        "The JSON API of CityExchange, the City International Exchange Vitality Index (城市对外交往活力指数): years, rankings " +
        "under any scoring options, what-if and target analyses, rank uncertainty, clustering, and the uploads of indicator " +
        "values, covariates and cities. Scores are unrounded numbers on the 0–100 scale; anything missing is null. Errors are " +
        "application/problem+json with title and detail in the reader's language (Chinese by default; ?culture=en or " +
        "Accept-Language: en for English). The prose contract with examples is docs/api.md.";

    /// <summary>Text of the health probes (<c>/health</c>, <c>/health/live</c>, <c>/health/ready</c>), which ApiExplorer does not see.</summary>
    private static readonly (string Path, string Summary)[] HealthProbes =
    [
        ("/health", "Readiness: 200 when the database answers, 503 otherwise."),
        ("/health/live", "Liveness: 200 while the process is up."),
        ("/health/ready", "Readiness: 200 when the database answers, 503 otherwise."),
    ];

    public static IServiceCollection AddCityExchangeOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            // The API only: Razor pages, the document itself and the reference are not part of the contract.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true
                && !description.RelativePath.StartsWith(DocsPath.TrimStart('/'), StringComparison.Ordinal);
            options.AddDocumentTransformer((document, context, _) =>
            {
                DescribeDocument(document);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(TransformOperationAsync);
        });

    public static IEndpointRouteBuilder MapCityExchangeOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference(DocsPath, options => options
            .WithTitle("CityExchange API")
            .AddDocument(DocumentName)
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            // Everything from this origin: the embedded bundle, system fonts, no telemetry, a fresh nonce per page.
            .DisableDefaultFonts()
            .DisableTelemetry()
            .WithNonce());
        return app;
    }

    /// <summary>
    /// The reference page's CSP: its one inline script carries the page's nonce; the bundle and the document come from this
    /// origin. Styles need 'unsafe-inline': the bundle injects its stylesheet and style attributes at run time.
    /// </summary>
    public static string DocsContentSecurityPolicy(HttpContext context)
    {
        var nonce = context.Items[ScalarOptions.NonceHttpContextItemKey] as string;
        var scripts = string.IsNullOrEmpty(nonce) ? "'self'" : $"'self' 'nonce-{nonce}'";
        return $"default-src 'none'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
            "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
    }

    private static void DescribeDocument(OpenApiDocument document)
    {
        document.Info = new OpenApiInfo { Title = "CityExchange API", Description = Description, Version = DocumentName };
        // The same document whatever host serves it: clients call the origin they fetched it from.
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The token of the configuration key Import:ApiToken. None configured → 403; missing or wrong → 401; " +
                "too many wrong tokens from an address → 429 until the window ends.",
        };

        foreach (var (path, summary) in HealthProbes)
        {
            var operation = new OpenApiOperation
            {
                Summary = summary,
                OperationId = path == "/health" ? "GetHealth" : path == "/health/live" ? "GetHealthLive" : "GetHealthReady",
                Tags = new HashSet<OpenApiTagReference> { new("Health", document) },
                Responses = new OpenApiResponses
                {
                    ["200"] = HealthResponse("Healthy."),
                    ["503"] = HealthResponse("Unhealthy: the database does not answer."),
                },
            };
            document.Paths.Add(path, new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = operation } });
        }

        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag { Name = "Health", Description = "Probes for load balancers and orchestrators; never rate limited." });
    }

    private static OpenApiResponse HealthResponse(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("Healthy"), JsonValue.Create("Degraded"), JsonValue.Create("Unhealthy")] } },
        },
    };

    private static async Task TransformOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        // One tag per feature folder (Pages/Rankings, Pages/Explore, …), not per class.
        if (metadata.OfType<MethodInfo>().FirstOrDefault()?.DeclaringType?.Namespace is { } feature)
        {
            operation.Tags = new HashSet<OpenApiTagReference> { new(feature[(feature.LastIndexOf('.') + 1)..], context.Document) };
        }

        foreach (var parameter in metadata.OfType<ApiQueryParameter>())
        {
            operation.Parameters ??= [];
            var described = Parameter(parameter);
            var bound = operation.Parameters.ToList().FindIndex(p => p.Name == parameter.Name && p.In == ParameterLocation.Query);
            if (bound >= 0)
            {
                operation.Parameters[bound] = described;
            }
            else
            {
                operation.Parameters.Add(described);
            }
        }

        if (metadata.OfType<ApiRequestBody>().LastOrDefault() is { } body)
        {
            var schema = body.JsonType is { } type
                ? await context.GetOrCreateSchemaAsync(type, null, cancellationToken)
                : new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
            // Every member of the JSON body is optional (a record's constructor parameters read as required).
            if (schema is OpenApiSchema { Required: not null } json)
            {
                json.Required.Clear();
            }
            operation.RequestBody = new OpenApiRequestBody
            {
                Description = body.Description,
                Required = true,
                Content = body.ContentTypes.ToDictionary(t => t, _ => new OpenApiMediaType { Schema = schema }),
            };
        }

        if (metadata.OfType<ApiFileResponse>().LastOrDefault() is { } file)
        {
            operation.Responses ??= [];
            if (!operation.Responses.TryGetValue("200", out var ok) || ok is not OpenApiResponse response)
            {
                response = new OpenApiResponse();
                operation.Responses["200"] = response;
            }

            response.Description = file.Description;
            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            foreach (var type in file.ContentTypes)
            {
                response.Content[type] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            }
        }

        // The writes and the import history take the bearer token (the history also an editor's cookie, not described here).
        if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy is ApiPolicies.Token or ApiPolicies.EditorOrToken))
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
        }
    }

    private static OpenApiParameter Parameter(ApiQueryParameter parameter)
    {
        var schema = new OpenApiSchema
        {
            Type = parameter.Type switch
            {
                "integer" => JsonSchemaType.Integer,
                "number" => JsonSchemaType.Number,
                "boolean" => JsonSchemaType.Boolean,
                _ => JsonSchemaType.String,
            },
            Default = parameter.Default is { } value ? Typed(parameter.Type, value) : null,
            Enum = parameter.Enum is { } values ? [.. values.Select(v => (JsonNode)JsonValue.Create(v))] : null,
        };
        if (parameter.Minimum is { } min)
        {
            var text = min.ToString(CultureInfo.InvariantCulture);
            if (parameter.ExclusiveMinimum)
            {
                schema.ExclusiveMinimum = text;
            }
            else
            {
                schema.Minimum = text;
            }
        }

        if (parameter.Maximum is { } max)
        {
            schema.Maximum = max.ToString(CultureInfo.InvariantCulture);
        }

        return new OpenApiParameter
        {
            Name = parameter.Name,
            In = ParameterLocation.Query,
            Description = parameter.Description,
            Required = parameter.Required,
            Schema = schema,
        };
    }

    private static JsonNode Typed(string type, string value) => type switch
    {
        "integer" => JsonValue.Create(long.Parse(value, CultureInfo.InvariantCulture)),
        "number" => JsonValue.Create(double.Parse(value, CultureInfo.InvariantCulture)),
        "boolean" => JsonValue.Create(bool.Parse(value)),
        _ => JsonValue.Create(value),
    };
}
