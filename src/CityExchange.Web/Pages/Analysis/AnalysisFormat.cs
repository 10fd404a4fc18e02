using System.Globalization;
using CityExchange.Web.Hosting;

namespace CityExchange.Web.Pages.Analysis;

/// <summary>How the analysis pages print statistics, in the current culture.</summary>
public static class AnalysisFormat
{
    /// <summary>Between names in a running list: the Chinese enumeration comma, or ", ".</summary>
    public static string ListSeparator => Localized.IsChinese ? "、" : ", ";

    /// <summary>A coefficient (r, ρ, R², ARI) to three decimals; a dash when undefined.</summary>
    public static string Coefficient(double value) =>
        double.IsFinite(value) ? (Math.Round(value, 3) == 0 ? 0 : value).ToString("0.000", CultureInfo.CurrentCulture) : "—";

    /// <summary>A p-value to three decimals, "&lt; 0.001" below that; a dash when undefined.</summary>
    public static string P(double value) =>
        !double.IsFinite(value) ? "—"
        : value < 0.001 ? "< " + 0.001.ToString("0.000", CultureInfo.CurrentCulture)
        : value.ToString("0.000", CultureInfo.CurrentCulture);

    /// <summary>"p = 0.023" or "p &lt; 0.001".</summary>
    public static string PClause(double value) => P(value) is var text && text.StartsWith('<') ? "p " + text : "p = " + text;

    /// <summary>A number with up to <paramref name="decimals"/> decimals and group separators.</summary>
    public static string Number(double value, int decimals = 2) =>
        double.IsFinite(value) ? value.ToString("#,##0." + new string('#', decimals), CultureInfo.CurrentCulture) : "—";

    /// <summary>A signed rank difference: "+3", "−2", "0".</summary>
    public static string WithSign(int value) =>
        value > 0 ? "+" + value.ToString(CultureInfo.CurrentCulture) : value < 0 ? "−" + (-value).ToString(CultureInfo.CurrentCulture) : "0";

    /// <summary>Invariant number for SVG coordinates.</summary>
    public static string Svg(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The CSS class of cluster <paramref name="id"/> (a palette of eight, repeated).</summary>
    public static string ClusterClass(int id) => "cl-" + (((id - 1) % 8) + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>A diverging fill for a correlation in [−1, 1]: white at 0, blue towards +1, red towards −1.</summary>
    public static string HeatFill(double r)
    {
        if (!double.IsFinite(r))
        {
            return "#e5e7eb";
        }

        var t = Math.Clamp(Math.Abs(r), 0, 1);
        var (er, eg, eb) = r >= 0 ? (8, 69, 148) : (165, 15, 21);
        int Mix(int end) => (int)Math.Round(255 + ((end - 255) * t));
        return string.Create(CultureInfo.InvariantCulture, $"#{Mix(er):x2}{Mix(eg):x2}{Mix(eb):x2}");
    }

    /// <summary>Text on a heatmap cell stays readable: white on dark fills.</summary>
    public static string HeatText(double r) => double.IsFinite(r) && Math.Abs(r) > 0.55 ? "#ffffff" : "#1b1f24";

    /// <summary>
    /// The CSS class of an HTML heatmap cell for r in [−1, 1], in steps of 0.1 (<c>heat-p7</c>: r ≈ 0.7, <c>heat-n3</c>:
    /// r ≈ −0.3, <c>heat-na</c>: undefined); site.css gives each the fill <see cref="HeatFill"/> gives its step, so the
    /// HTML and SVG heatmaps share one scale without an inline style (CSP: style-src 'self').
    /// </summary>
    public static string HeatClass(double r)
    {
        if (!double.IsFinite(r))
        {
            return "heat-na";
        }

        var step = (int)Math.Round(Math.Clamp(r, -1, 1) * 10, MidpointRounding.AwayFromZero);
        return step == 0 ? "heat-0" : (step > 0 ? "heat-p" : "heat-n") + Math.Abs(step).ToString(CultureInfo.InvariantCulture);
    }
}
