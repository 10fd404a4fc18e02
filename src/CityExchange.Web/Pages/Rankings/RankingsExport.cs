using System.Globalization;
using CityExchange.Core.Csv;
using CityExchange.Core.Excel;
using CityExchange.Core.Scoring;
using CityExchange.Web.Scoring;
using CityExchange.Core.Framework;
using CityExchange.Web.Pages.Shared;
using CityExchange.Web.Hosting;
using Microsoft.Extensions.Localization;

namespace CityExchange.Web.Pages.Rankings;

/// <summary>
/// The rankings page's downloads, CSV and Excel: exactly the rows and columns shown (same filter, sort and page), headers in the
/// current language, scores to one decimal as on the page, written by <see cref="CsvExportWriter"/>. Every row carries
/// the year, whether it is demo data and the city's Chinese and English names, so a copied row never passes for real
/// data or loses its city. For a published year the rank columns are the report's printed ranks, each followed by the
/// rank of the score, labelled derived. The workbook has the same cells (numbers as numbers) and an "about" sheet: what
/// the table is, its year, method, data version, demo flag, when it was made, the page's address and how to cite it.
/// </summary>
public sealed class RankingsExport(IStringLocalizer<RankingsExport> text, TimeProvider clock)
{
    /// <summary>The CSV file of the page's rows.</summary>
    public DownloadFile Create(RankingsView view)
    {
        var (header, rows, name) = Table(view);
        return new DownloadFile(CsvExportWriter.ToBytes(header, rows), CsvExportWriter.ContentType, name + ".csv");
    }

    /// <summary>The same table as an Excel workbook; <paramref name="pageUrl"/> is the page's address (relative without a public URL).</summary>
    public async Task<DownloadFile> CreateXlsxAsync(RankingsView view, DataVersion? version, string pageUrl, CancellationToken cancellationToken = default)
    {
        var (header, rows, name) = Table(view);
        var context = view.Context;
        var title = view.Domain is { } d
            ? text["City International Exchange Vitality Index: {0} ranking, {1}", Localized.Name(d), context.Year].Value
            : text["City International Exchange Vitality Index: ranking, {0}", context.Year].Value;
        var method = context.IsPublished ? text["as published (the report's figures)"].Value
            : context.Method == NormalisationMethod.Rank ? text["rank score, equal weights, arithmetic mean"].Value
            : text["min–max, equal weights, arithmetic mean (the report's method)"].Value;
        var spec = Workbook(title, header, rows, context.Year, method, context.IsDemo, version, pageUrl);
        return new DownloadFile(await TableWorkbook.ToBytesAsync(spec, cancellationToken), TableWorkbook.ContentType, name + ".xlsx");
    }

    /// <summary>
    /// <c>GET /api/rankings/{year}?format=xlsx</c>: the JSON answer's cities as rows (scores unrounded), the options asked
    /// for (<paramref name="options"/>, the query) on the about sheet.
    /// </summary>
    public async Task<DownloadFile> CreateXlsxAsync(RankingResponse ranking, string options, DataVersion? version, string pageUrl, CancellationToken cancellationToken = default)
    {
        var header = new List<string> { text["Rank"], text["City code"], text["City (Chinese)"], text["City (English)"], text["Region"], text["Score"], text["Coverage (%)"] };
        var published = ranking.Cities.Any(c => c.PublishedRank is not null);
        if (published)
        {
            header.Add(text["Overall rank (as published)"]);
        }

        foreach (var each in Domains.All)
        {
            var domainName = Localized.Name(each);
            header.AddRange([domainName, text["{0} rank", domainName]]);
        }

        static IEnumerable<DomainScore> All(DomainScores d) => [d.Social, d.Culture, d.Trade, d.Politics];
        var rows = ranking.Cities.Select(c =>
        {
            var cells = new List<CsvCell>
            {
                CsvCell.WholeNumber(c.Rank), CsvCell.Text(c.Code), CsvCell.Text(c.NameZh), CsvCell.Text(c.NameEn), CsvCell.Text(c.Region),
                CsvCell.Number(c.Score), CsvCell.Number(c.Coverage * 100),
            };
            if (published)
            {
                cells.Add(CsvCell.WholeNumber(c.PublishedRank));
            }

            foreach (var d in All(c.Domains))
            {
                cells.AddRange([CsvCell.Number(d.Score), CsvCell.WholeNumber(d.Rank)]);
            }

            return (IReadOnlyList<CsvCell>)cells;
        }).ToList();
        var title = text["City International Exchange Vitality Index: ranking, {0}", ranking.Year].Value;
        var spec = Workbook(title, header, rows, ranking.Year, options.Length == 0 ? ranking.Method : $"{ranking.Method} ({options})", ranking.Demo, version, pageUrl);
        var name = $"cityexchange-rankings-{ranking.Year}-{ranking.Method}" + (ranking.Demo ? "-demo" : "");
        return new DownloadFile(await TableWorkbook.ToBytesAsync(spec, cancellationToken), TableWorkbook.ContentType, name + ".xlsx");
    }

    /// <summary>The workbook of a table: its cells, and the about sheet that says what it is and how to cite it (also the scenario table's).</summary>
    public TableWorkbookSpec Workbook(
        string title, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<CsvCell>> rows, int year, string method, bool isDemo, DataVersion? version, string pageUrl)
    {
        var versionText = version is { } v ? $"{v.Year}-{v.Label} ({v.UpdatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})" : "—";
        var generated = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return new TableWorkbookSpec(
            WorkbookLanguages.Of(CultureInfo.CurrentUICulture),
            title,
            header,
            rows,
            [
                new(text["Title"], CsvCell.Text(title)),
                new(text["Year"], CsvCell.WholeNumber(year)),
                new(text["Method"], CsvCell.Text(method)),
                new(text["Data version"], CsvCell.Text(versionText)),
                new(text["Demo data"], CsvCell.Text(isDemo ? text["yes: synthetic figures, not real data"] : text["no"])),
                new(text["Generated"], CsvCell.Text(generated)),
                new(text["Page"], CsvCell.Text(pageUrl)),
                new(text["Cite as"], CsvCell.Text(text["{0}. CityExchange; data version {1}. {2} (accessed {3}).", title, versionText, pageUrl, generated[..10]])),
            ],
            isDemo);
    }

    private (List<string> Header, List<List<CsvCell>> Rows, string Name) Table(RankingsView view)
    {
        var domain = view.Domain;
        var published = view.Context.IsPublished;
        var header = new List<string>
        {
            text["Year"], text["Demo data"], published ? text["Rank (as published)"] : text["Rank"], text["City code"],
            text["City (Chinese)"], text["City (English)"], text["Region"],
            domain is { } d ? text["{0} score", Localized.Name(d)] : published ? text["Score (derived: mean of the domain scores)"] : text["Score"],
        };
        if (published)
        {
            header.Add(text["Rank by score (derived)"]);
        }

        if (domain is not null)
        {
            header.AddRange(published
                ? [text["Overall score (derived)"], text["Overall rank (as published)"], text["Overall rank by score (derived)"]]
                : [text["Overall score"], text["Overall rank"]]);
        }

        foreach (var each in Domains.All)
        {
            var domainName = Localized.Name(each);
            header.AddRange(published
                ? [domainName, text["{0} rank (as published)", domainName], text["{0} rank by score (derived)", domainName]]
                : [domainName, text["{0} rank", domainName]]);
        }

        header.Add(text["Coverage (%)"]);
        if (view.Context.Previous is { } previous)
        {
            header.Add(text["Movement since {0}", previous.Year]);
        }

        var rows = view.Rows.Select(row => Row(row, view)).ToList();
        var name = domain is null
            ? $"cityexchange-rankings-{view.Context.Year}-{view.Context.MethodCode}"
            : $"cityexchange-rankings-{view.Context.Year}-{view.Context.MethodCode}-{domain.Value.Code()}";
        return (header, rows, view.Context.IsDemo ? name + "-demo" : name);
    }

    private List<CsvCell> Row(RankingRow row, RankingsView view)
    {
        var published = view.Context.IsPublished;
        var cells = new List<CsvCell>
        {
            CsvCell.WholeNumber(view.Context.Year), CsvCell.Text(view.Context.IsDemo ? text["yes"] : text["no"]), Rank(row.HeadlineRank),
            CsvCell.Text(row.City.Code), CsvCell.Text(row.City.NameZh), CsvCell.Text(row.City.NameEn), CsvCell.Text(Localized.Region(row.City)),
            Score(row.Score),
        };
        if (published)
        {
            cells.Add(Rank(row.Rank));
        }

        if (view.Domain is not null)
        {
            cells.AddRange([Score(row.Overall), Rank(row.HeadlineOverallRank)]);
            if (published)
            {
                cells.Add(Rank(row.OverallRank));
            }
        }

        foreach (var domain in row.Domains)
        {
            cells.AddRange([Score(domain.Score), Rank(domain.HeadlineRank)]);
            if (published)
            {
                cells.Add(Rank(domain.Rank));
            }
        }

        cells.Add(CsvCell.Number(row.Coverage * 100, 0));
        if (view.Context.Previous is not null)
        {
            cells.Add(row.Movement.IsNew ? CsvCell.Text(text["new"]) : CsvCell.WholeNumber(row.Movement.Change));
        }

        return cells;
    }

    private static CsvCell Score(double score) => CsvCell.Number(score, 1);

    private static CsvCell Rank(int rank) => CsvCell.WholeNumber(rank == 0 ? null : rank);
}
