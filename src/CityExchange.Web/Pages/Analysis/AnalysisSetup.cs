using CityExchange.Web.Store;

namespace CityExchange.Web.Pages.Analysis;

public static class AnalysisSetup
{
    /// <summary>Registers the analysis pages' and endpoints' services (clusters, groups, correlations, audit, regression, scenarios, covariates).</summary>
    public static IServiceCollection AddAnalysis(this IServiceCollection services)
    {
        services.AddScoped<AnalysisService>();
        services.AddSingleton<AuditReports>();
        services.AddScoped<CovariateImportService>();
        services.AddScoped<ScenarioQuery>();
        services.AddScoped<ScenarioLabels>();
        services.AddScoped<ScenarioExport>();
        services.AddScoped<IDemoDataSeed, DemoCovariates>();
        return services;
    }
}
