using CityExchange.Web.Api.Cities;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using CityExchange.Web.Pages.Account;
using CityExchange.Web.Pages.Analysis;
using CityExchange.Web.Pages.Explore;
using CityExchange.Web.Pages.Imports;
using CityExchange.Web.Api.Years;
using CityExchange.Web.Hosting;
using CityExchange.Web.Dashboard;
using CityExchange.Web.Pages.Rankings;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext());

builder.Services.AddCityExchangeStore(builder.Configuration, builder.Environment);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ReferenceCache>();
builder.Services.AddScoped<RankingService>();
builder.Services.AddScoped<IndicatorImportService>();
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddUploads();
builder.Services.AddDashboard();
builder.Services.AddAnalysis();
builder.Services.AddExplore();
builder.Services.AddPerformance();

builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
builder.Services.AddRazorPages().AddViewLocalization();
// Chinese text is written as text, not as &#x...; entities (Razor still encodes everything unsafe).
builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddProblemDetails();
builder.Services.AddCityExchangeHealthChecks();
builder.Services.AddCityExchangeDeployment(builder.Configuration);

var app = builder.Build();

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
app.UseDashboardStatusPages();
app.UseCityExchangeRequestLogging();
app.UseStaticFiles();
app.UseRouting();
app.UseUploadSizeLimit();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UsePerformanceCaching();

app.MapCityExchangeHealthChecks();
app.MapYearEndpoints();
app.MapRankingEndpoints();
app.MapCityEndpoints();
app.MapExploreEndpoints();
app.MapImportEndpoints();
app.MapAnalysisEndpoints();
app.MapRazorPages();

await app.RunAsync();

/// <summary>Entry point; public so integration tests can use <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
