using System.Globalization;

namespace CityExchange.Core.Tests.Builders;

/// <summary>Sets the UI culture for a test's messages and puts the previous one back: <c>using var _ = UiCulture.Use("en");</c>.</summary>
public sealed class UiCulture : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

    private UiCulture(string name) => CultureInfo.CurrentUICulture = new CultureInfo(name);

    public static UiCulture Use(string name) => new(name);

    public void Dispose() => CultureInfo.CurrentUICulture = _previous;
}
