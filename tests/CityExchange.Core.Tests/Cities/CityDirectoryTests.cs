using CityExchange.Core.Cities;
using CityExchange.Core.Resources;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Cities;

public sealed class CityDirectoryTests
{
    private static City C(string code, string zh, string en) => new(code, zh, en, "江西", "Jiangxi", "华东", "East China", "other", "east", "south");

    private static readonly City FuzhouJx = C("fuzhou_jx", "抚州", "Fuzhou");

    private static CityDirectory WithFuzhouJx => new([.. TestData.Cities, FuzhouJx]);

    [Fact]
    public void TryResolve_EveryBundledCityByEachOfItsNamesAsBefore()
    {
        var directory = TestData.Directory;
        foreach (var city in TestData.Cities)
        {
            foreach (var text in new[] { city.Code, city.Code.ToUpperInvariant(), city.NameZh, city.NameZh + "市", city.NameEn, city.NameEn.ToLowerInvariant(), $" {city.NameEn} " })
            {
                Assert.True(directory.TryResolve(text, out var found), text);
                Assert.Equal(city.Code, found.Code);
            }
        }
    }

    [Fact]
    public void TryResolve_AnEnglishNameOfSeveralCitiesPicksNone()
    {
        var directory = WithFuzhouJx;

        Assert.False(directory.TryResolve("Fuzhou", out _));
        Assert.False(directory.TryResolve("FUZHOU", out _));
        var lookup = directory.Lookup("Fuzhou");
        Assert.True(lookup.IsAmbiguous);
        Assert.Null(lookup.City);
        Assert.Equal(["fuzhou", "fuzhou_jx"], lookup.Candidates.Select(c => c.Code));
    }

    [Theory]
    [InlineData("fuzhou", "fuzhou")]
    [InlineData("福州", "fuzhou")]
    [InlineData("福州市", "fuzhou")]
    [InlineData("fuzhou_jx", "fuzhou_jx")]
    [InlineData("FUZHOU_JX", "fuzhou_jx")]
    [InlineData("抚州", "fuzhou_jx")]
    [InlineData("抚州市", "fuzhou_jx")]
    public void TryResolve_CodesAndChineseNamesOfCitiesSharingAnEnglishNameStillResolve(string text, string code)
    {
        Assert.True(WithFuzhouJx.TryResolve(text, out var city));
        Assert.Equal(code, city.Code);
        Assert.False(WithFuzhouJx.Lookup(text).IsAmbiguous);
    }

    [Fact]
    public void TryResolve_AnEnglishNameNeverTakesAnotherCitysChineseNameWhateverTheOrder()
    {
        // Before, the first city in the list took every name it had: "aaa" (sorted first) took 北京 as an English name.
        var directory = new CityDirectory([C("aaa", "甲", "北京"), .. TestData.Cities]);

        Assert.True(directory.TryResolve("北京", out var city));
        Assert.Equal("beijing", city.Code);
    }

    [Fact]
    public void TryResolve_UnknownAndBlankAreNotFound()
    {
        Assert.False(TestData.Directory.TryResolve("Gotham", out _));
        Assert.False(TestData.Directory.TryResolve(" ", out _));
        Assert.False(TestData.Directory.Lookup(null).IsAmbiguous);
    }

    [Fact]
    public void FindCollisions_ANewCodeWithAStoredChineseNameIsRefused()
    {
        using var _ = UiCulture.Use("en");

        var issue = Assert.Single(CityDirectory.FindCollisions(TestData.Cities, [C("aaa_fake", "北京", "Peking")]));

        Assert.Equal((2, "name_zh", "北京", MessageKey.NameTaken), (issue.Row, issue.Column, issue.Value, issue.Code));
        Assert.Equal("'北京' cannot be told apart from the stored city 北京 (beijing): '北京' would find both.", issue.Message);
    }

    [Fact]
    public void FindCollisions_TheShiFormOfAStoredNameIsRefused()
    {
        using var _ = UiCulture.Use("zh-CN");

        var issue = Assert.Single(CityDirectory.FindCollisions(TestData.Cities, [C("aaa_fake", "北京市", "Peking")], [7]));

        Assert.Equal((7, "name_zh", "北京市", MessageKey.NameTaken), (issue.Row, issue.Column, issue.Value, issue.Code));
        Assert.Equal("“北京市”与已有城市北京（beijing）无法区分：“北京市”会同时找到这两个城市。", issue.Message);
    }

    [Fact]
    public void FindCollisions_ANameWhoseShiFormIsAStoredNameIsRefused()
    {
        var stored = new[] { C("shashi", "沙市", "Shashi") };

        var issue = Assert.Single(CityDirectory.FindCollisions(stored, [C("sha", "沙", "Sha")]));

        Assert.Equal(("name_zh", "沙", MessageKey.NameTaken), (issue.Column, issue.Value, issue.Code));
    }

    [Fact]
    public void FindCollisions_ACodeThatIsAStoredChineseNameIsRefused()
    {
        var issue = Assert.Single(CityDirectory.FindCollisions([C("x", "abc", "X")], [C("abc", "新", "New")]));

        Assert.Equal(("code", "abc", MessageKey.NameTaken), (issue.Column, issue.Value, issue.Code));
    }

    [Fact]
    public void FindCollisions_UpdatesRenamesAndSharedEnglishNamesAreNoCollision()
    {
        // Beijing renamed in English; Shanghai renamed, and a new city takes its old name in the same upload.
        var beijing = TestData.Cities.Single(c => c.Code == "beijing") with { NameEn = "Peking" };
        var shanghai = TestData.Cities.Single(c => c.Code == "shanghai") with { NameZh = "沪" };

        Assert.Empty(CityDirectory.FindCollisions(TestData.Cities, [beijing, shanghai, C("newsh", "上海", "Shanghai"), FuzhouJx]));
        Assert.Empty(CityDirectory.FindCollisions(TestData.Cities, TestData.Cities));
    }

    [Fact]
    public void FindCollisions_TwoUploadedCitiesCollideToo()
    {
        var issue = Assert.Single(CityDirectory.FindCollisions([], [C("a", "甲", "A"), C("b", "甲市", "B")]));

        Assert.Equal((3, "name_zh", MessageKey.NameCollision), (issue.Row, issue.Column, issue.Code));
    }
}
