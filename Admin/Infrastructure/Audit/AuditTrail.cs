using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using SocItConsole.Admin.Data;
using SocItConsole.Shared.Audit;

namespace SocItConsole.Admin.Infrastructure.Audit;

/// <summary>
/// Writes audit entries into the same context as the change they describe, so that both are saved together or not
/// at all. Before and after are JSON snapshots of what the caller chooses to record — never secrets such as
/// personal codes.
/// </summary>
public sealed class AuditTrail(TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    public void Record(
        SocItDbContext db,
        Actor actor,
        string action,
        string entityType,
        string entityId,
        string summary,
        object? before,
        object? after)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AuditEntries.Add(new AuditEntry(
            clock.GetUtcNow(),
            actor,
            action,
            entityType,
            entityId,
            summary,
            before is null ? null : JsonSerializer.Serialize(before, Json),
            after is null ? null : JsonSerializer.Serialize(after, Json)));
    }
}
