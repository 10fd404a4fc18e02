using CityExchange.Core.Csv;

namespace CityExchange.Core.Tests.Csv;

public sealed class VisibleTextTests
{
    [Theory]
    [InlineData("北京市", "北京市")]
    [InlineData("Xi'an 2017", "Xi'an 2017")]
    [InlineData("a\u200Bb", "a<U+200B>b")]
    [InlineData("\uFEFF12", "<U+FEFF>12")]
    [InlineData("\u001b[31m", "<U+001B>[31m")]
    [InlineData("x\u0085", "x<U+0085>")]
    [InlineData("tab\there", "tab<U+0009>here")]
    [InlineData("Gotham\u202E", "Gotham<U+202E>")]
    [InlineData("soft\u00ADhyphen", "soft<U+00AD>hyphen")]
    [InlineData("no\u00A0break", "no<U+00A0>break")]
    [InlineData("北京\u3000市", "北京<U+3000>市")]
    [InlineData("\u2028", "<U+2028>")]
    [InlineData("\uE000", "<U+E000>")]
    [InlineData("😀𠀀", "😀𠀀")]
    [InlineData("\U000E0001", "<U+E0001>")]
    public void Escape_ShowsEveryInvisibleCharacterAsItsCodePoint(string text, string expected) =>
        Assert.Equal(expected, VisibleText.Escape(text));

    [Fact]
    public void Escape_ShowsAnUnpairedSurrogate()
    {
        // Built at run time: an attribute's string cannot hold a lone surrogate (it becomes U+FFFD).
        Assert.Equal("<U+D800>x<U+DC00>", VisibleText.Escape(new string(['\uD800', 'x', '\uDC00'])));
    }

    [Fact]
    public void Echo_ShortensLongTextAndEscapes()
    {
        Assert.Equal(new string('a', 200) + "…", VisibleText.Echo(new string('a', 300)));
        Assert.Equal(new string('a', 200), VisibleText.Echo(new string('a', 200)));
        Assert.Equal("<U+FEFF>", VisibleText.Echo("\uFEFF"));
        Assert.Null(VisibleText.Echo(null));
    }

    [Fact]
    public void Echo_NeverSplitsASurrogatePair()
    {
        var text = new string('a', 199) + "😀" + "b";

        Assert.Equal(new string('a', 199) + "😀…", VisibleText.Echo(text));
    }
}
