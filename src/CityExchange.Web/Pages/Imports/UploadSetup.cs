using CityExchange.Web.Store;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CityExchange.Web.Pages.Imports;

/// <summary>Services and limits of the upload feature: files up to 10 MB, for the page and the API alike.</summary>
public static class UploadSetup
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>A page upload's whole multipart body: the file plus room for the boundaries and the other fields.</summary>
    public const long MaxFormBytes = MaxFileBytes + (64 * 1024);

    /// <summary>Set in <see cref="Microsoft.AspNetCore.Http.HttpContext.Items"/> when a page upload was refused for its size.</summary>
    public const string TooLargeItem = "CityExchange.UploadTooLarge";

    public static IServiceCollection AddUploads(this IServiceCollection services)
    {
        services.AddScoped<IndicatorImportService>();
        services.AddScoped<IDemoDataSeed, DemoIndicatorSeed>();
        services.AddScoped<UploadService>();
        services.AddSingleton<PreviewParses>();
        services.AddScoped<UploadTemplates>();
        services.AddScoped<ImportHistory>();
        services.AddScoped<ImportUserNames>();
        services.AddScoped<CityImportService>();
        services.Configure<FormOptions>(options => options.MultipartBodyLengthLimit = MaxFormBytes);
        // Bodies sent without a Content-Length (chunked) are cut by Kestrel; the API raises it per request as it needs.
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxFormBytes);
        return services;
    }

    /// <summary>
    /// A post to a page larger than the page's <c>[RequestSizeLimit]</c> (the upload page's) is not read: it becomes a
    /// GET of the page, which answers 413 with a message in the user's language. Comes after routing, which finds the
    /// page and its limit.
    /// </summary>
    public static IApplicationBuilder UseUploadSizeLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method)
            && context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { MaxRequestBodySize: { } limit }
            && request.ContentLength > limit
            && context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is not null)
        {
            context.Items[TooLargeItem] = true;
            request.Method = HttpMethods.Get;
            request.QueryString = QueryString.Empty;
        }

        await next(context);
    });
}
