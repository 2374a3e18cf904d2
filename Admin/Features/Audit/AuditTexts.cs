using System.Globalization;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.Audit;

/// <summary>How the audit trail reads in Swedish.</summary>
public static class AuditTexts
{
    /// <summary>The Swedish word for an entity type; a type without one shows as stored.</summary>
    public static string EntityTypeName(string entityType) => entityType switch
    {
        "Order" => "Beställning",
        "Matrix" => "Matris",
        "ItSystem" => "IT-system",
        "JobTitle" => "Titel",
        "Unit" => "Verksamhet",
        "Grant" => "Behörighet",
        _ => entityType,
    };

    public static string StockholmTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, AdminTimeZone.Stockholm).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
