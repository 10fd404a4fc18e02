using CityExchange.Core.Citations;

namespace CityExchange.Core.Tests.Citations;

public sealed class CitationFormatsTests
{
    private static readonly Citation Chinese = new(
        true, "北京：城市概况 2015", "https://index.example.org/Cities/beijing?year=2015", "0123456789ab",
        new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 2));

    private static readonly Citation English = new(
        false, "Rankings 2015", "https://index.example.org/Rankings?year=2015&region=east&culture=en", "0123456789ab",
        new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 2));

    [Fact]
    public void GbT7714_Chinese_IsAnElectronicResourceEntry()
    {
        Assert.Equal(
            "上海国际问题研究院. 城市对外交往活力指数: 北京：城市概况 2015[EB/OL]. (2026-11-30)[2026-12-02]. https://index.example.org/Cities/beijing?year=2015.",
            CitationFormats.GbT7714(Chinese).ToString());
    }

    [Fact]
    public void GbT7714_English_UsesTheSamePunctuation()
    {
        Assert.Equal(
            "Shanghai Institutes for International Studies. City International Exchange Vitality Index: Rankings 2015[EB/OL]. (2026-11-30)[2026-12-02]. https://index.example.org/Rankings?year=2015&region=east&culture=en.",
            CitationFormats.GbT7714(English).ToString());
    }

    [Fact]
    public void GbT7714_MarksTheTitleAndTheAccessDate()
    {
        var parts = CitationFormats.GbT7714(English).Parts;

        Assert.Equal("Rankings 2015", Assert.Single(parts, p => p.Kind == CitationPartKind.Title).Text);
        var accessed = Assert.Single(parts, p => p.Kind == CitationPartKind.AccessDate);
        Assert.Equal(("2026-12-02", CitationDateStyle.Iso), (accessed.Text, accessed.DateStyle));
        Assert.Equal("https://index.example.org/Rankings?year=2015&region=east&culture=en", Assert.Single(parts, p => p.Kind == CitationPartKind.Url).Text);
    }

    [Fact]
    public void Apa_English_IsAWebPageWithARetrievalDate()
    {
        Assert.Equal(
            "Shanghai Institutes for International Studies. (2026, November 30). Rankings 2015 (Data version 0123456789ab). City International Exchange Vitality Index. Retrieved December 2, 2026, from https://index.example.org/Rankings?year=2015&region=east&culture=en",
            CitationFormats.Apa(English).ToString());
        Assert.Equal(CitationDateStyle.LongDate, Assert.Single(CitationFormats.Apa(English).Parts, p => p.Kind == CitationPartKind.AccessDate).DateStyle);
    }

    [Fact]
    public void Apa_Chinese_WritesTheDatesInChinese()
    {
        Assert.Equal(
            "上海国际问题研究院. (2026年11月30日). 北京：城市概况 2015 (数据版本 0123456789ab). 城市对外交往活力指数. 检索于 2026年12月2日, 取自 https://index.example.org/Cities/beijing?year=2015",
            CitationFormats.Apa(Chinese).ToString());
        Assert.Equal(CitationDateStyle.LongDateChinese, Assert.Single(CitationFormats.Apa(Chinese).Parts, p => p.Kind == CitationPartKind.AccessDate).DateStyle);
    }

    [Fact]
    public void BibTex_English_IsAMiscEntry()
    {
        Assert.Equal(
            "@misc{cityexchange-rankings-20261202,\n"
            + "  author = {{Shanghai Institutes for International Studies}},\n"
            + "  title = {{Rankings 2015}},\n"
            + "  year = {2026},\n"
            + "  howpublished = {\\url{https://index.example.org/Rankings?year=2015&region=east&culture=en}},\n"
            + "  urldate = {2026-12-02},\n"
            + "  note = {City International Exchange Vitality Index, data version 0123456789ab, updated 2026-11-30, accessed 2026-12-02},\n"
            + "  language = {english},\n"
            + "}\n",
            CitationFormats.BibTex(English));
    }

    [Fact]
    public void BibTex_Chinese_KeepsTheChineseNames()
    {
        Assert.Equal(
            "@misc{cityexchange-cities-beijing-20261202,\n"
            + "  author = {{上海国际问题研究院}},\n"
            + "  title = {{北京：城市概况 2015}},\n"
            + "  year = {2026},\n"
            + "  howpublished = {\\url{https://index.example.org/Cities/beijing?year=2015}},\n"
            + "  urldate = {2026-12-02},\n"
            + "  note = {城市对外交往活力指数，数据版本 0123456789ab，更新于 2026-11-30，访问于 2026-12-02},\n"
            + "  language = {chinese},\n"
            + "}\n",
            CitationFormats.BibTex(Chinese));
    }

    [Fact]
    public void BibTex_EscapesTeXSpecialCharacters_InTextAndUrl()
    {
        var odd = English with { Title = "R&D 100% {top}_10 #1 ~x^y \\z", Url = "/Rankings?q=a%20b&x={y}#top" };

        var entry = CitationFormats.BibTex(odd);

        Assert.Contains("  title = {{R\\&D 100\\% \\{top\\}\\_10 \\#1 \\textasciitilde{}x\\textasciicircum{}y \\textbackslash{}z}},\n", entry, StringComparison.Ordinal);
        Assert.Contains("  howpublished = {\\url{/Rankings?q=a\\%20b&x=\\%7By\\%7D\\#top}},\n", entry, StringComparison.Ordinal);
        Assert.StartsWith("@misc{cityexchange-rankings-20261202,\n", entry, StringComparison.Ordinal);
    }

    [Fact]
    public void Ris_English_HasOneTagALine_EndedByCrLf()
    {
        Assert.Equal(
            "TY  - ELEC\r\n"
            + "AU  - Shanghai Institutes for International Studies\r\n"
            + "TI  - Rankings 2015\r\n"
            + "T2  - City International Exchange Vitality Index\r\n"
            + "PY  - 2026\r\n"
            + "DA  - 2026/11/30\r\n"
            + "UR  - https://index.example.org/Rankings?year=2015&region=east&culture=en\r\n"
            + "Y2  - 2026/12/02\r\n"
            + "N1  - Data version 0123456789ab\r\n"
            + "LA  - English\r\n"
            + "ER  - \r\n",
            CitationFormats.Ris(English));
    }

    [Fact]
    public void Ris_Chinese_AndAValueNeverSpansLines()
    {
        var ris = CitationFormats.Ris(Chinese with { Title = "北京\r\n城市概况" });

        Assert.Equal(
            "TY  - ELEC\r\n"
            + "AU  - 上海国际问题研究院\r\n"
            + "TI  - 北京 城市概况\r\n"
            + "T2  - 城市对外交往活力指数\r\n"
            + "PY  - 2026\r\n"
            + "DA  - 2026/11/30\r\n"
            + "UR  - https://index.example.org/Cities/beijing?year=2015\r\n"
            + "Y2  - 2026/12/02\r\n"
            + "N1  - 数据版本 0123456789ab\r\n"
            + "LA  - Chinese\r\n"
            + "ER  - \r\n",
            ris);
    }

    [Fact]
    public void BibKey_OfTheHomePage_AndOfALongPath()
    {
        Assert.Equal("cityexchange-home-20261202", CitationFormats.BibKey(English with { Url = "/" }));
        Assert.Equal("cityexchange-analysis-clusters-20261202", CitationFormats.BibKey(English with { Url = "https://x.example/Analysis/Clusters?k=5" }));
    }
}
