using CityExchange.Core.Csv;
using CityExchange.Web.Scoring;

namespace CityExchange.Web.Pages.Imports;

/// <summary>
/// The model of the <c>_ValueDiff</c> partial: what confirming an upload or a restore changes in a year's stored values.
/// <see cref="NewColumn"/> heads the column of the incoming values ("In the file", "In import #7").
/// </summary>
public sealed record ValueDiffView(ValueDiff Diff, IndexReference Reference, string NewColumn);
