namespace CityExchange.Web.Pages.Shared;

/// <summary>The model of the shared year picker partial: where the form goes and what else it keeps.</summary>
public sealed record YearPicker(string Id, string Action, YearContext Context, bool ShowMethod, IReadOnlyDictionary<string, string> Hidden);
