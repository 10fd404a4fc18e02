using CityExchange.Core.Framework;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CityExchange.Web.Store.Configurations;

/// <summary>Stores a domain as its lower-case code ("social"), the same word the CSV files and the API use.</summary>
internal sealed class DomainCodeConverter() : ValueConverter<Domain, string>(d => d.Code(), s => Domains.Parse(s))
{
    public static DomainCodeConverter Instance { get; } = new();
}
