using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Common;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Audit;

namespace SocItConsole.Admin.Features.Audit;

/// <summary>
/// Reads the audit trail for operators and administrators. There is deliberately no method that changes or removes
/// an entry; the DbContext refuses to save such a change as well.
/// </summary>
public sealed class AuditLog(IDbContextFactory<SocItDbContext> factory, CurrentUser currentUser)
{
    public const int MaxPageSize = 100;

    private static readonly JsonSerializerOptions Indented = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
    };

    /// <summary>The entries that match <paramref name="query"/>, newest first, one page at a time.</summary>
    public async Task<PagedResult<AuditRow>> SearchAsync(AuditQuery query, int page, int pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await currentUser.RequireAsync(Policies.AuditReaders);
        page = Math.Max(page, 0);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);

        await using var db = await factory.CreateDbContextAsync(ct);
        var entries = Filter(db.AuditEntries.AsNoTracking(), query);

        var total = await entries.CountAsync(ct);
        var rows = await entries
            .OrderByDescending(e => e.OccurredAt)
            .ThenByDescending(e => e.Id)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(e => new { e.Id, e.OccurredAt, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Summary })
            .ToListAsync(ct);
        var described = await AuditEntities.DescribeAsync(
            db, [.. rows.Select(r => new AuditSubject(r.Id, r.EntityType, r.EntityId))], ct);
        return new PagedResult<AuditRow>(
            [.. rows.Select(r => new AuditRow(
                r.Id, r.OccurredAt, r.ActorName, r.Action, r.EntityType, r.EntityId, described[r.Id],
                AuditTexts.WithoutPersonnummer(r.Summary)))],
            total);
    }

    /// <summary>
    /// One entry with its before and after as Swedish fields; the stored JSON as well for an administrator only.
    /// </summary>
    public async Task<AuditDetails?> GetAsync(long id, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.AuditReaders);
        var showRaw = await currentUser.SatisfiesAsync(Policies.Administrator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var entry = await db.AuditEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return null;
        }

        var described = await AuditEntities.DescribeAsync(db, [new AuditSubject(entry.Id, entry.EntityType, entry.EntityId)], ct);
        var names = await AuditEntities.ReferencedAsync(db, AuditFields.ReferencesIn(entry.Before, entry.After), ct);
        return new AuditDetails(
            entry.Id,
            entry.OccurredAt,
            entry.ActorId,
            entry.ActorName,
            entry.Action,
            entry.EntityType,
            entry.EntityId,
            described[entry.Id],
            AuditTexts.WithoutPersonnummer(entry.Summary),
            entry.Before is not null,
            entry.After is not null,
            AuditFields.Compare(entry.EntityType, entry.Before, entry.After, names),
            showRaw ? new AuditRawJson(Pretty(entry.Before), Pretty(entry.After)) : null);
    }

    /// <summary>The entity types that occur in the trail, for the filter, in the Swedish order of their names.</summary>
    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.AuditReaders);
        await using var db = await factory.CreateDbContextAsync(ct);
        var types = await db.AuditEntries.AsNoTracking()
            .Select(e => e.EntityType)
            .Distinct()
            .ToListAsync(ct);
        return [.. types.OrderBy(AuditCatalogue.EntityTypeName, AdminLocalization.SwedishOrder)];
    }

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, AuditQuery query)
    {
        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            var type = query.EntityType.Trim();
            entries = entries.Where(e => e.EntityType == type);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            var id = query.EntityId.Trim();
            entries = entries.Where(e => e.EntityId == id);
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actorId = query.Actor.Trim();
            var pattern = SqlLike.Containing(actorId);
            entries = entries.Where(e => e.ActorId == actorId || EF.Functions.Like(e.ActorName, pattern, SqlLike.Escape));
        }

        if (query.From is { } from)
        {
            var start = AdminTimeZone.StartOfDay(from);
            entries = entries.Where(e => e.OccurredAt >= start);
        }

        if (query.To is { } to)
        {
            var end = AdminTimeZone.StartOfDay(to.AddDays(1));
            entries = entries.Where(e => e.OccurredAt < end);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var pattern = SqlLike.Containing(query.Text.Trim());
            entries = entries.Where(e => EF.Functions.Like(e.Summary, pattern, SqlLike.Escape));
        }

        return entries;
    }


    private static string? Pretty(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return AuditTexts.WithoutPersonnummer(JsonSerializer.Serialize(document.RootElement, Indented));
        }
        catch (JsonException)
        {
            // Older entries or hand-written ones may not be JSON; show them as they were stored.
            return AuditTexts.WithoutPersonnummer(json);
        }
    }
}
