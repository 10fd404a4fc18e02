namespace CityExchange.Web.Pages.Analysis;

public sealed class IndexModel : Microsoft.AspNetCore.Mvc.RazorPages.PageModel;
