using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CityExchange.Web.Store.Configurations;

/// <summary>Stores a year's kind as the word it has always been stored as (<c>published</c>, <c>indicators</c>), so no data migrates.</summary>
internal sealed class YearKindConverter() : ValueConverter<YearKind, string>(k => k.Code(), s => YearKinds.Parse(s))
{
    public static YearKindConverter Instance { get; } = new();
}
