using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CityExchange.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CityExchange.E2E.Tests.Flows;

/// <summary>
/// Issue 13, part 4: an editor never turns demo data into a real year without being told, and a downloaded template
/// says where its values come from — the same on the page and in the file — and never takes them from a demo year.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class SyntheticDataFlowTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task UploadingTheDemoValuesOverTheDemoYear_ThePreviewSaysTheDemoLabelWouldGoAndCountsTheIdenticalValues()
    {
        await using var session = await browser.OpenAsEditorAsync("synthetic-demo-upload");
        await session.GotoAsync("/Upload?culture=en");

        // 2016's own demo values, as someone who copied them might upload them.
        await session.Page.FillAsync("#upload-year", "2016");
        await session.Page.SetInputFilesAsync("#upload-file", new FilePayload { Name = "copied-2016.csv", MimeType = "text/csv", Buffer = IndicatorFile.DemoValues(2016).ToBytes() });
        await session.Page.ClickAsync("#upload-form button[type=submit]");
        await session.Page.WaitForURLAsync(url => url.Contains("/Upload/Preview/", StringComparison.Ordinal));
        await session.Page.WaitForLoadStateAsync(LoadState.Load);
        await session.ScreenshotAsync();

        var notice = await session.Page.InnerTextAsync("#demo-cleared");
        Assert.Contains("Year 2016 holds synthetic demo data. Confirming replaces all of it with this file's values and removes the demo label", notice, StringComparison.Ordinal);
        var unchanged = (await session.TextsAsync(".diff-summary li strong"))[3];
        Assert.True(int.Parse(unchanged, NumberStyles.Integer, CultureInfo.InvariantCulture) > 700, unchanged);
        Assert.Contains($"{unchanged} of the file's values are identical to the demo values they replace", notice, StringComparison.Ordinal);
        Assert.Contains("remove the demo label", await session.Page.InnerTextAsync("form[action*='handler=Confirm'] button"), StringComparison.Ordinal);
        await Translation.AssertCompleteAsync(session, "en");
        await session.AssertNoSeriousAccessibilityViolationAsync();

        // The editor thinks better of it: nothing changes, 2016 stays demo.
        await session.Page.ClickAsync("form[action*='handler=Cancel'] button");
        await session.Page.WaitForURLAsync(url => url.Contains("cancelled=", StringComparison.OrdinalIgnoreCase));
        var years = await browser.GetJsonAsync("/api/years");
        Assert.True(years.EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == 2016).GetProperty("demo").GetBoolean());
        session.AssertClean();
    }

    [SkippableTheory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task DownloadingTheTemplate_ThePageAndTheFileSayTheSameSourceAndItIsNeverADemoYear(string culture)
    {
        await using var session = await browser.OpenAsEditorAsync($"synthetic-template-{culture}");
        await session.GotoAsync($"/Upload?culture={culture}");
        var years = (await browser.GetJsonAsync("/api/years")).EnumerateArray().ToDictionary(y => y.GetProperty("year").GetInt32(), y => y.GetProperty("demo").GetBoolean());

        // The proposed year follows the latest stored year.
        Assert.Equal((years.Keys.Max() + 1).ToString(CultureInfo.InvariantCulture), await session.Page.InputValueAsync("#template-year"));
        var said = await session.Page.InnerTextAsync("#template-prefill-source");
        await session.ScreenshotAsync();

        await session.Page.SelectOptionAsync("#template-format", "csv");
        var download = await session.Page.RunAndWaitForDownloadAsync(() => session.Page.ClickAsync("form:has(#template-year) button[type=submit]"));
        await using var stream = await download.CreateReadStreamAsync();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = (await reader.ReadToEndAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        var comment = lines[^1];
        Assert.StartsWith("# ", comment, StringComparison.Ordinal);
        // Both name the same source year (or none: blank), and it is a real year.
        var pageYears = FourDigits().Matches(said).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
        var source = FourDigits().Matches(comment).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
        if (source.Count == 1 && download.SuggestedFilename.Contains("-from-", StringComparison.Ordinal))
        {
            Assert.Contains(source[0], pageYears);
            Assert.False(years[source[0]], $"{source[0]} is a demo year");
            Assert.EndsWith($"-from-{source[0]}.csv", download.SuggestedFilename, StringComparison.Ordinal);
        }
        else
        {
            Assert.EndsWith("-blank.csv", download.SuggestedFilename, StringComparison.Ordinal);
            Assert.DoesNotContain(years.Where(y => y.Value).Select(y => y.Key), pageYears.Contains);
        }

        session.AssertClean();
    }

    [GeneratedRegex(@"\b(19|20|21|22)\d\d\b")]
    private static partial Regex FourDigits();
}
