using CityExchange.Core.Csv;
using CityExchange.Core.Framework;
using CityExchange.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CityExchange.Web.Dashboard;

/// <summary>A downloaded file: its bytes and name.</summary>
public sealed record DownloadFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// The rankings page's "Download CSV": exactly the rows and columns shown (same filter, sort and page), headers in the
/// current language, scores to one decimal as on the page, written by <see cref="CsvExportWriter"/>.
/// </summary>
public sealed class RankingsCsv(IStringLocalizer<DashboardResource> text)
{
    public DownloadFile Create(RankingsView view)
    {
        var domain = view.Domain;
        var header = new List<string> { text["Rank"], text["City code"], text["City"], text["Region"], domain is { } d ? text["{0} score", Localized.Name(d)] : text["Score"] };
        if (domain is not null)
        {
            header.AddRange([text["Overall score"], text["Overall rank"]]);
        }

        foreach (var each in Domains.All)
        {
            header.AddRange([Localized.Name(each), text["{0} rank", Localized.Name(each)]]);
        }

        header.Add(text["Coverage (%)"]);
        if (view.Context.IsPublished)
        {
            header.Add(text["Rank in the report"]);
        }

        if (view.Context.Previous is { } previous)
        {
            header.Add(text["Movement since {0}", previous.Year]);
        }

        var rows = view.Rows.Select(row => Row(row, view));
        var name = domain is null
            ? $"cityexchange-rankings-{view.Context.Year}-{view.Context.MethodCode}.csv"
            : $"cityexchange-rankings-{view.Context.Year}-{view.Context.MethodCode}-{domain.Value.Code()}.csv";
        return new DownloadFile(CsvExportWriter.ToBytes(header, rows), CsvExportWriter.ContentType, name);
    }

    private List<CsvCell> Row(RankingRow row, RankingsView view)
    {
        var cells = new List<CsvCell>
        {
            Rank(row.Rank), CsvCell.Text(row.City.Code), CsvCell.Text(Localized.Name(row.City)), CsvCell.Text(Localized.Region(row.City)), Score(row.Score),
        };
        if (view.Domain is not null)
        {
            cells.AddRange([Score(row.Overall), Rank(row.OverallRank)]);
        }

        foreach (var domain in row.Domains)
        {
            cells.AddRange([Score(domain.Score), Rank(domain.Rank)]);
        }

        cells.Add(CsvCell.Number(row.Coverage * 100, 0));
        if (view.Context.IsPublished)
        {
            cells.Add(CsvCell.WholeNumber(row.PublishedRank));
        }

        if (view.Context.Previous is not null)
        {
            cells.Add(row.Movement.IsNew ? CsvCell.Text(text["new"]) : CsvCell.WholeNumber(row.Movement.Change));
        }

        return cells;
    }

    private static CsvCell Score(double score) => CsvCell.Number(score, 1);

    private static CsvCell Rank(int rank) => CsvCell.WholeNumber(rank == 0 ? null : rank);
}
