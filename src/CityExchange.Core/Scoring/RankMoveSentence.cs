using System.Globalization;

namespace CityExchange.Core.Scoring;

/// <summary>A named part of a score change: a domain or an indicator and its contribution in score points.</summary>
public sealed record RankMovePart(string Name, double Contribution);

/// <summary>A domain's contribution with its indicators' (none for a published year, which has no indicator values).</summary>
public sealed record RankMoveDomain(string Name, double Contribution, IReadOnlyList<RankMovePart> Indicators);

/// <summary>
/// A city's rank in a year against the previous stored year, with the score change split by domain and indicator
/// (<see cref="ScoreChange"/>). A null rank is "not ranked"; a null previous year means the year is the first stored.
/// </summary>
public sealed record RankMove(int Year, int? PreviousYear, int? RankFrom, int? RankTo, double? ScoreChange, IReadOnlyList<RankMoveDomain> Domains);

/// <summary>
/// One sentence in each language saying how the rank moved and why: the domain that contributed most in the direction
/// of the move (signed, one decimal) and, within it, the indicator that did. A move no domain pushed (every score fell
/// yet the rank rose: other cities fell further) says so instead of naming a reason.
/// </summary>
public static class RankMoveSentence
{
    public static string For(RankMove move, bool chinese)
    {
        if (move.RankTo is not { } to)
        {
            return chinese ? $"{move.Year} 年未参与排名。" : $"Not ranked in {move.Year}.";
        }

        if (move.PreviousYear is not { } previous)
        {
            return chinese
                ? $"{move.Year} 年是第一个有数据的年份，没有可比较的上年排名。"
                : $"{move.Year} is the first year with data: there is no earlier rank to compare with.";
        }

        var since = previous == move.Year - 1 ? (chinese ? "比上年" : "on the previous year") : (chinese ? $"比 {previous} 年" : $"on {previous}");
        if (move.RankFrom is not { } from)
        {
            return chinese ? $"新进入排名：排第 {to} 位，{previous} 年未排名。" : $"New to the ranking: ranked {to}, not ranked in {previous}.";
        }

        if (from == to)
        {
            var sameAs = previous == move.Year - 1 ? "the previous year" : previous.ToString(CultureInfo.InvariantCulture);
            return chinese ? $"排名{since}持平（第 {to} 位）。" : $"Same rank as {sameAs} ({to}).";
        }

        var up = to < from;
        var places = Math.Abs(from - to);
        var moved = chinese
            ? $"{since}{(up ? "上升" : "下降")} {places} 位"
            : $"{(up ? "Up" : "Down")} {places} {(places == 1 ? "place" : "places")} {since}";
        var sign = up ? 1 : -1;
        // The largest contribution in the direction of the move, as it is printed (a +0.04 is no reason).
        var domain = move.Domains.Where(d => Rounded(d.Contribution) * sign > 0).MaxBy(d => d.Contribution * sign);
        if (domain is null)
        {
            var total = move.ScoreChange is { } change ? WithSign(change) : "—";
            return chinese
                ? $"{moved}；没有哪个领域的得分{(up ? "上升" : "下降")}（总分 {total}），排名变化来自其他城市。"
                : $"{moved}, though no domain's score {(up ? "rose" : "fell")} (overall {total}): the move comes from other cities.";
        }

        var indicator = domain.Indicators.Where(i => Rounded(i.Contribution) * sign > 0).MaxBy(i => i.Contribution * sign);
        var detail = indicator is null ? "" : chinese ? $"（{indicator.Name} {WithSign(indicator.Contribution)}）" : $" ({indicator.Name} {WithSign(indicator.Contribution)})";
        return chinese
            ? $"{moved}，主要因为{domain.Name} {WithSign(domain.Contribution)}{detail}。"
            : $"{moved}, mainly because of {domain.Name} {WithSign(domain.Contribution)}{detail}.";
    }

    /// <summary>One decimal with its sign: <c>+6.1</c>, <c>−2.3</c> (the minus sign, as the site prints differences).</summary>
    public static string WithSign(double value)
    {
        var rounded = Rounded(value);
        var digits = Math.Abs(rounded).ToString("0.0", CultureInfo.InvariantCulture);
        return rounded > 0 ? "+" + digits : rounded < 0 ? "−" + digits : digits;
    }

    private static double Rounded(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
