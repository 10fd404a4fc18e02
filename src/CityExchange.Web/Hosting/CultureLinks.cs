using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace CityExchange.Web.Hosting;

public static class CultureLinks
{
    public static IReadOnlyList<(string Culture, string Label)> Supported { get; } = [("zh-CN", "中文"), ("en", "English")];

    /// <summary>The current page's URL (path and query) with <c>culture</c> set, so switching language keeps the view.</summary>
    public static string For(HttpRequest request, string culture)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        var builder = new QueryBuilder();
        foreach (var (key, values) in query)
        {
            if (!key.Equals("culture", StringComparison.OrdinalIgnoreCase) && !key.Equals("ui-culture", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var value in values)
                {
                    builder.Add(key, value ?? string.Empty);
                }
            }
        }

        builder.Add("culture", culture);
        return request.PathBase + request.Path + builder.ToQueryString();
    }
}
