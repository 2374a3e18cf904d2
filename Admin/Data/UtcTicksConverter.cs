using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SocItConsole.Admin.Data;

/// <summary>Stores an instant as its UTC ticks, so that it sorts and compares in SQL on every provider.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
