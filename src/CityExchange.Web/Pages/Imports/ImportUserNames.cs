using CityExchange.Web.Store;
using Microsoft.Extensions.Localization;

namespace CityExchange.Web.Pages.Imports;

/// <summary>
/// Who made an import, as the history and the restore page show it: the seeder's and the report's accounts are English
/// text in the database, named in the reader's language; a person's email as it is.
/// </summary>
public sealed class ImportUserNames(IStringLocalizer<ImportText> text)
{
    public string Label(string user) => user switch
    {
        DemoIndicatorSeed.DemoSeedUser => text["seed (synthetic demo data)"],
        ImportRecord.PublishedReport => text["the report (published figures)"],
        _ => user,
    };
}
