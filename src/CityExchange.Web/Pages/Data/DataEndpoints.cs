using CityExchange.Web.Hosting;

namespace CityExchange.Web.Pages.Data;

public static class DataEndpoints
{
    public const string ZipType = "application/zip";

    public static RouteGroupBuilder MapDataEndpoints(this RouteGroupBuilder api)
    {
        // Anonymous and public; built from one snapshot and kept per data version by the output cache. Building reads
        // every value (a second or two at 20,000 cities): it shares the analyses' concurrency limit.
        api.MapGet("/datapackage.zip", GetPackageAsync).WithName("GetDataPackage")
            .AsAnalysisRead()
            .WithSummary("The whole dataset as a Frictionless Tabular Data Package")
            .WithDescription("datapackage.json and six CSV resources with Table Schemas: framework, cities, indicator_values, published_scores, rankings and imports (no e-mails). Built from one snapshot, kept per data version; shares the analyses' concurrency limit.")
            .WithFileResponse("The data package (zip).", ZipType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<IResult> GetPackageAsync(DataPackageBuilder builder, CancellationToken cancellationToken)
    {
        var package = await builder.GetAsync(cancellationToken);
        return Results.File(package.Zip, ZipType, $"cityexchange-datapackage-{package.Version}.zip");
    }
}
