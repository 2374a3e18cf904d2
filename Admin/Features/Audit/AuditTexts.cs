using System.Globalization;
using System.Text.RegularExpressions;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.Audit;

/// <summary>How the audit trail reads in Swedish.</summary>
public static partial class AuditTexts
{
    /// <summary>The Swedish word for an entity type (<see cref="AuditCatalogue.EntityTypes"/>).</summary>
    public static string EntityTypeName(string entityType) => AuditCatalogue.EntityTypeName(entityType);

    /// <summary>The Swedish name of an action (<see cref="AuditCatalogue.Actions"/>).</summary>
    public static string ActionName(string action) => AuditCatalogue.ActionName(action);

    public static string StockholmTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, AdminTimeZone.Stockholm).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// The text with every full personnummer cut to its birth date, as <c>Personnummer.Masked</c> writes it. The writers
    /// record only masked numbers; this holds the audit log to that for an entry written before or by mistake.
    /// </summary>
    public static string WithoutPersonnummer(string text) =>
        string.IsNullOrEmpty(text) ? text : FullPersonnummer().Replace(text, "$1-****");

    [GeneratedRegex(@"(?<![\w-])((?:\d{2})?\d{6})[-+]?\d{4}(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex FullPersonnummer();
}
