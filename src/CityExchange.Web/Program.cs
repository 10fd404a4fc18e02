using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using CityExchange.Web.Api.Explore;
using CityExchange.Web.Api.Imports;
using CityExchange.Web.Api.Rankings;
using CityExchange.Web.Api.Years;
using CityExchange.Web.Imports;
using CityExchange.Web.Localization;
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
builder.Services.AddExplore();

builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
builder.Services.AddRazorPages().AddViewLocalization();
// Chinese text is written as text, not as &#x...; entities (Razor still encodes everything unsafe).
builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks().AddDbContextCheck<CityExchangeDbContext>();

var app = builder.Build();

await app.InitialiseStoreAsync();

app.UseCityExchangeLocalization();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
}

app.UseStatusCodePages();
app.UseSerilogRequestLogging();
app.UseStaticFiles();
app.UseRouting();

app.MapHealthChecks("/health");
app.MapYearEndpoints();
app.MapRankingEndpoints();
app.MapExploreEndpoints();
app.MapImportEndpoints();
app.MapRazorPages();

await app.RunAsync();

/// <summary>Entry point; public so integration tests can use <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
