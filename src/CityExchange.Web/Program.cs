using System.Text.Encodings.Web;
using System.Text.Unicode;
using CityExchange.Web.Hosting;
using CityExchange.Web.Pages.Account;
using CityExchange.Web.Pages.Analysis;
using CityExchange.Web.Pages.Cite;
using CityExchange.Web.Pages.Charts;
using CityExchange.Web.Pages.Cities;
using CityExchange.Web.Pages.Compare;
using CityExchange.Web.Pages.Data;
using CityExchange.Web.Pages.Explore;
using CityExchange.Web.Pages.Imports;
using CityExchange.Web.Pages.Methodology;
using CityExchange.Web.Pages.Overview;
using CityExchange.Web.Pages.Rankings;
using CityExchange.Web.Pages.Share;
using CityExchange.Web.Pages.Shared;
using CityExchange.Web.Pages.Status;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;
using Microsoft.Extensions.WebEncoders;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext());

builder.Services.AddCityExchangeStore(builder.Configuration, builder.Environment);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoring();
builder.Services.AddSharedPages();
// One registration per feature folder under Pages/.
builder.Services.AddOverview();
builder.Services.AddRankings();
builder.Services.AddCities();
builder.Services.AddCompare();
builder.Services.AddMethodology();
builder.Services.AddExplore();
builder.Services.AddAnalysis();
builder.Services.AddUploads();
builder.Services.AddDataPackage();
builder.Services.AddCite();
builder.Services.AddShare();
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddPerformance();

// Resources sit beside what they translate: Pages/Cities/Profile.zh-CN.resx for Pages/Cities/Profile.cshtml.
builder.Services.AddLocalization();
builder.Services.AddRazorPages().AddViewLocalization();
// Chinese text is written as text, not as &#x...; entities (Razor still encodes everything unsafe).
builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddProblemDetails();
builder.Services.AddCityExchangeHealthChecks();
builder.Services.AddCityExchangeDeployment(builder.Configuration);
builder.Services.AddCityExchangeOpenApi();
builder.Services.AddPublicUrls();

var app = builder.Build();

// Before the store is initialised: a backup copies the database as it is, and writes nothing to it.
if (await app.RunBackupCommandAsync(args))
{
    return;
}

await app.InitialiseStoreAsync();
await app.InitialiseAccountsAsync();
if (await app.RunAccountCommandAsync(args))
{
    return;
}

app.UseCityExchangeForwardedHeaders();
app.UseSecurityHeaders();
app.UsePerformance();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}

// Culture first, so error pages re-executed below keep the reader's language.
app.UseCityExchangeLocalization();
app.UseStatusCodePages();
app.UseStatusPages();
app.UseCityExchangeRequestLogging();
app.UseStaticFiles();
app.UseRouting();
app.UseUploadSizeLimit();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UsePerformanceCaching();

app.MapCityExchangeHealthChecks();
// The JSON API (docs/api.md): each feature maps its endpoints, with their policies as metadata, into one group.
var api = app.MapGroup("/api");
api.MapYearEndpoints();
api.MapRankingEndpoints();
api.MapCityEndpoints();
api.MapExploreEndpoints();
api.MapAnalysisEndpoints();
api.MapImportEndpoints();
api.MapDataEndpoints();
api.MapTableEndpoints();
app.MapShareEndpoints();
app.MapCityExchangeOpenApi();
app.MapCiteEndpoints();
app.MapRazorPages();

await app.RunAsync();

/// <summary>Entry point; public so integration tests can use <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
