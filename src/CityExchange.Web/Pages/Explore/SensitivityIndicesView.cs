namespace CityExchange.Web.Pages.Explore;

/// <summary>
/// Model of the partial <c>_SensitivityIndices</c>: the year the Sobol indices are asked for and whether it has
/// indicator values (a published year has only domain scores, so there is nothing to vary). Wired by
/// wwwroot/js/explore/sobol.js, which calls <c>GET /api/sensitivity/{Year}/indices</c> and polls a job's status URL.
/// </summary>
public sealed record SensitivityIndicesView(int Year, bool Available);
