using CityExchange.Core.Csv;
using CityExchange.Core.Framework;
using CityExchange.Web.Pages.Shared;
using CityExchange.Web.Hosting;
using Microsoft.Extensions.Localization;

namespace CityExchange.Web.Pages.Rankings;

/// <summary>
/// The rankings page's "Download CSV": exactly the rows and columns shown (same filter, sort and page), headers in the
/// current language, scores to one decimal as on the page, written by <see cref="CsvExportWriter"/>. Every row carries
/// the year, whether it is demo data and the city's Chinese and English names, so a copied row never passes for real
/// data or loses its city. For a published year the rank columns are the report's printed ranks, each followed by the
/// rank of the score, labelled derived.
/// </summary>
public sealed class RankingsCsv(IStringLocalizer<RankingsCsv> text)
{
    public DownloadFile Create(RankingsView view)
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

        var rows = view.Rows.Select(row => Row(row, view));
        var name = domain is null
            ? $"cityexchange-rankings-{view.Context.Year}-{view.Context.MethodCode}"
            : $"cityexchange-rankings-{view.Context.Year}-{view.Context.MethodCode}-{domain.Value.Code()}";
        return new DownloadFile(CsvExportWriter.ToBytes(header, rows), CsvExportWriter.ContentType, name + (view.Context.IsDemo ? "-demo.csv" : ".csv"));
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
