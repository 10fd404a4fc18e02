using System.Globalization;
using System.Text.RegularExpressions;
using CityExchange.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Pages.Imports;

/// <summary>
/// The bundled synthetic indicator years (<c>data/demo/indicators_YYYY.csv</c>), imported through the same pipeline as
/// an upload, so they are validated and kept in the history like any import; a year already stored is left alone.
/// </summary>
public sealed partial class DemoIndicatorSeed(CityExchangeDbContext db, IndicatorImportService imports) : IDemoDataSeed
{
    public const string DemoSeedUser = "seed (synthetic demo data)";

    public int Order => 0;

    public async Task<int> SeedAsync(string dataPath, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(dataPath, "demo"), "indicators_*.csv").Order(StringComparer.Ordinal))
        {
            var year = int.Parse(DemoYear().Match(Path.GetFileName(file)).Groups[1].Value, CultureInfo.InvariantCulture);
            if (await db.Set<DataYear>().AnyAsync(y => y.Year == year, cancellationToken))
            {
                continue;
            }

            var outcome = await imports.ImportAsync(
                new ImportRequest(year, await File.ReadAllBytesAsync(file, cancellationToken), Path.GetFileName(file), DemoSeedUser, IsDemo: true),
                cancellationToken);
            if (!outcome.Accepted)
            {
                throw new InvalidOperationException($"Bundled demo file {file} is invalid: {outcome.Parsed.Errors[0].Message}");
            }

            added++;
        }

        return added;
    }

    [GeneratedRegex(@"^indicators_(\d{4})\.csv$")]
    private static partial Regex DemoYear();
}
