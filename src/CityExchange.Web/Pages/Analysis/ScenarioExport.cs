using CityExchange.Core.Csv;
using CityExchange.Core.Excel;
using CityExchange.Web.Hosting;
using CityExchange.Web.Pages.Rankings;
using CityExchange.Web.Scoring;
using Microsoft.Extensions.Localization;

namespace CityExchange.Web.Pages.Analysis;

/// <summary>
/// The scenario table's downloads: every city (not only the page's first <see cref="ScenariosView.ShownCities"/>) in
/// the page's order, its nominal rank and its rank in each scenario, then one row per scenario's mean absolute rank
/// shift; the workbook with the about sheet of every table download (<see cref="RankingsExport.Workbook"/>).
/// </summary>
public sealed class ScenarioExport(ScenarioLabels labels, RankingsExport rankings, IStringLocalizer<ScenarioExport> text)
{
    public DownloadFile Csv(ScenariosView view, bool isDemo)
    {
        var (header, rows) = Table(view, isDemo);
        return new DownloadFile(CsvExportWriter.ToBytes(header, rows), CsvExportWriter.ContentType, Name(view, isDemo) + ".csv");
    }

    public async Task<DownloadFile> XlsxAsync(ScenariosView view, bool isDemo, DataVersion? version, string pageUrl, CancellationToken cancellationToken)
    {
        var (header, rows) = Table(view, isDemo);
        var spec = rankings.Workbook(text["Scenarios: each city's rank under every alternative construction, {0}", view.Year], header, rows, view.Year,
            text["nominal: min–max, equal weights, arithmetic mean (the report's method); each scenario changes one choice"], isDemo, version, pageUrl);
        return new DownloadFile(await TableWorkbook.ToBytesAsync(spec, cancellationToken), TableWorkbook.ContentType, Name(view, isDemo) + ".xlsx");
    }

    private (List<string> Header, List<IReadOnlyList<CsvCell>> Rows) Table(ScenariosView view, bool isDemo)
    {
        var header = new List<string> { text["Year"], text["Demo data"], text["City code"], text["City"], text["Nominal rank"] };
        header.AddRange(view.Scenarios.Select(s => labels.Full(s, view.Framework)));
        var rows = view.Cities.Select(c => (IReadOnlyList<CsvCell>)[
            CsvCell.WholeNumber(view.Year), CsvCell.Text(isDemo ? "true" : "false"), CsvCell.Text(c.Code), CsvCell.Text(c.Name), Rank(c.Nominal),
            .. c.Ranks.Select(Rank)]).ToList();
        rows.Add([CsvCell.WholeNumber(view.Year), CsvCell.Text(isDemo ? "true" : "false"), CsvCell.Text(""), CsvCell.Text(text["Mean absolute rank shift"]), CsvCell.Text(""),
            .. view.Scenarios.Select(s => s.MeanAbsoluteShift is { } shift ? CsvCell.Number(shift) : CsvCell.Text(""))]);
        return (header, rows);

        static CsvCell Rank(int rank) => rank > 0 ? CsvCell.WholeNumber(rank) : CsvCell.Text("");
    }

    private static string Name(ScenariosView view, bool isDemo) => $"cityexchange-scenarios-{view.Year}" + (isDemo ? "-demo" : "");
}
