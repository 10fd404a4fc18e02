namespace CityExchange.Web.Store;

/// <summary>Configuration section <c>Seed</c>.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Seed the synthetic demo years (2014–2016). <c>Seed:Demo=false</c> leaves them out.</summary>
    public bool Demo { get; set; } = true;

    /// <summary>Folder of the bundled CSV files; defaults to <c>data/</c> beside the app's binaries.</summary>
    public string? DataPath { get; set; }

    public string ResolveDataPath() => DataPath ?? Path.Combine(AppContext.BaseDirectory, "data");
}
