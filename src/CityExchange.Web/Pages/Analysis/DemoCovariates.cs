using System.Globalization;
using System.Text.RegularExpressions;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Pages.Analysis;

/// <summary>
/// Seeds the SYNTHETIC demo GDP files (<c>data/demo/covariates_YYYY.csv</c>, made by DemoCovariateGenerator) for the
/// demo years that are stored and have no covariates yet. Run by the database seeder (as an <see cref="IDemoDataSeed"/>) when <c>Seed:Demo</c> is true.
/// </summary>
public sealed partial class DemoCovariates(CityExchangeDbContext db, ReferenceCache referenceCache, ILogger<DemoCovariates> logger) : IDemoDataSeed
{
    public const string Gdp = "gdp";

    /// <summary>After the indicator years they describe.</summary>
    public int Order => 1;

    public async Task<int> SeedAsync(string dataPath, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(dataPath, "demo");
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var service = new CovariateImportService(db, referenceCache, NullLoggerFor());
        var added = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "covariates_*.csv").Order(StringComparer.Ordinal))
        {
            var year = int.Parse(FileYear().Match(Path.GetFileName(file)).Groups[1].Value, CultureInfo.InvariantCulture);
            var isDemoYear = await db.Set<DataYear>().AnyAsync(y => y.Year == year && y.IsDemo, cancellationToken);
            if (!isDemoYear || await db.Set<CovariateValue>().AnyAsync(v => v.Year == year, cancellationToken))
            {
                continue;
            }

            var outcome = await service.ImportAsync(year, await File.ReadAllBytesAsync(file, cancellationToken), isDemo: true, cancellationToken);
            if (!outcome.Accepted)
            {
                throw new InvalidOperationException($"Bundled demo file {file} is invalid: {outcome.Parsed.Errors[0].Message}");
            }

            logger.LogInformation("Seeded synthetic covariates of {Year} from {File}", year, Path.GetFileName(file));
            added++;
        }

        return added;
    }

    private static ILogger<CovariateImportService> NullLoggerFor() => Microsoft.Extensions.Logging.Abstractions.NullLogger<CovariateImportService>.Instance;

    [GeneratedRegex(@"^covariates_(\d{4})\.csv$")]
    private static partial Regex FileYear();
}
