using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Admin.Features.Reviews;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.People;
using SocItConsole.Shared.Reviews;

namespace SocItConsole.Admin.Features.Audit;

/// <summary>The record an audit entry is about: its type and id as stored.</summary>
internal sealed record AuditSubject(long EntryId, string EntityType, string EntityId);

/// <summary>
/// Names the records of a page of audit entries as a person would: the case number, the person's name, the key
/// number, the round's name — never a personnummer. One query per entity type on the page, not one per row. A record
/// that is gone (deleted master data) is named from the entry's own snapshots, else "&lt;typ&gt; &lt;id&gt;".
/// </summary>
internal static class AuditEntities
{
    /// <summary>The entity id of an export of every unit the user may open.</summary>
    private const string AllUnits = "alla";

    /// <summary>The fields of a snapshot that name its record, for records that are gone; in order of preference.</summary>
    private static readonly Dictionary<string, string[]> RecordedNameFields = new(StringComparer.Ordinal)
    {
        ["ItSystem"] = ["Name"],
        ["JobTitle"] = ["Name"],
        ["Unit"] = ["Name", "Unit"],
        ["ReviewRound"] = ["Name"],
        ["Grant"] = ["SystemName"],
    };

    public static async Task<IReadOnlyDictionary<long, string>> DescribeAsync(
        SocItDbContext db, IReadOnlyCollection<AuditSubject> subjects, CancellationToken ct)
    {
        var named = new Dictionary<(string Type, string Id), string>();
        foreach (var group in subjects.GroupBy(s => s.EntityType, StringComparer.Ordinal))
        {
            var ids = group.Select(s => s.EntityId).Distinct(StringComparer.Ordinal).ToList();
            foreach (var (id, name) in await NamesAsync(db, group.Key, ids, ct))
            {
                named[(group.Key, id)] = name;
            }
        }

        var gone = subjects
            .Where(s => !named.ContainsKey((s.EntityType, s.EntityId)) && RecordedNameFields.ContainsKey(s.EntityType))
            .Select(s => s.EntryId)
            .ToList();
        var recorded = gone.Count == 0 ? [] : await RecordedNamesAsync(db, gone, ct);

        return subjects.ToDictionary(
            s => s.EntryId,
            s => AuditTexts.WithoutPersonnummer(
                named.GetValueOrDefault((s.EntityType, s.EntityId))
                ?? recorded.GetValueOrDefault(s.EntryId)
                ?? $"{AuditCatalogue.EntityTypeName(s.EntityType)} {s.EntityId}"));
    }

    /// <summary>The names behind the ids in one entry's snapshots: one query per kind of record they point at.</summary>
    public static async Task<AuditNames> ReferencedAsync(
        SocItDbContext db, IReadOnlyCollection<(AuditReferenceKind Kind, int Id)> references, CancellationToken ct)
    {
        var names = new Dictionary<(AuditReferenceKind, int), string>();
        foreach (var group in references.GroupBy(r => r.Kind))
        {
            var ids = group.Select(r => r.Id).ToList();
            var found = group.Key switch
            {
                AuditReferenceKind.Employee => await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id))
                    .Select(e => new { e.Id, Name = PersonName.Shown(e.FullName, e.IsProtected) }).ToListAsync(ct),
                AuditReferenceKind.Unit => await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id))
                    .Select(u => new { u.Id, u.Name }).ToListAsync(ct),
                AuditReferenceKind.KeyPool => await db.KeyPools.AsNoTracking().Where(p => ids.Contains(p.Id))
                    .Select(p => new { p.Id, p.Name }).ToListAsync(ct),
                AuditReferenceKind.Order => await db.Orders.AsNoTracking().Where(o => ids.Contains(o.Id))
                    .Select(o => new { o.Id, Name = o.CaseNumber }).ToListAsync(ct),
                AuditReferenceKind.ReviewRound => await db.ReviewRounds.AsNoTracking().Where(r => ids.Contains(r.Id))
                    .Select(r => new { r.Id, r.Name }).ToListAsync(ct),
                AuditReferenceKind.ItSystem => await db.ItSystems.AsNoTracking().Where(s => ids.Contains(s.Id))
                    .Select(s => new { s.Id, s.Name }).ToListAsync(ct),
                _ => [],
            };
            foreach (var record in found)
            {
                names[(group.Key, record.Id)] = record.Name;
            }
        }

        return new AuditNames(names);
    }

    private static async Task<IEnumerable<(string Id, string Name)>> NamesAsync(
        SocItDbContext db, string entityType, List<string> ids, CancellationToken ct)
    {
        switch (entityType)
        {
            case "Order":
                return ids.Select(id => (id, id));
            case "Key":
                return ids.Select(id => (id, $"Nyckel {id}"));
            case "KeyPool":
                // Pools are recorded as "unit/pool": their names, so nothing to look up.
                return ids.Select(id => (id, id.IndexOf('/', StringComparison.Ordinal) is var slash and > 0
                    ? $"{id[(slash + 1)..]} ({id[..slash]})"
                    : id));
            case "Matrix":
                return ids.Select(id => (id, $"Matris version {id}"));
            case "Job":
                return ids.Select(id => (id, JobName(id) ?? id));
            case "FollowUp":
                return await FollowUpsAsync(db, ids, ct);
            case "ReviewMessage":
            {
                var messages = await db.ReviewMessages.AsNoTracking().Where(m => ids.Contains(m.MessageId))
                    .Select(m => new { m.MessageId, m.Kind, m.ToName }).ToListAsync(ct);
                return messages.Select(m =>
                    (m.MessageId, $"{(m.Kind == ReviewMessageKind.Invitation ? "Inbjudan" : "Påminnelse")} till {m.ToName}"));
            }

            case "ReminderMessage":
            {
                var messages = await db.ReminderMessages.AsNoTracking().Where(m => ids.Contains(m.MessageId))
                    .Select(m => new { m.MessageId, m.ToName }).ToListAsync(ct);
                return messages.Select(m => (m.MessageId, $"Påminnelse till {m.ToName}"));
            }
        }

        var numbers = ids.Select(Number).OfType<int>().ToList();
        var unitsAll = entityType == "Unit" && ids.Contains(AllUnits, StringComparer.Ordinal)
            ? [(AllUnits, "Alla verksamheter")]
            : Array.Empty<(string, string)>();
        if (numbers.Count == 0)
        {
            return unitsAll;
        }

        var found = entityType switch
        {
            "Employee" => await db.Employees.AsNoTracking().Where(e => numbers.Contains(e.Id))
                .Select(e => new { e.Id, Name = PersonName.Shown(e.FullName, e.IsProtected) }).ToListAsync(ct),
            "Unit" => await db.Units.AsNoTracking().Where(u => numbers.Contains(u.Id))
                .Select(u => new { u.Id, u.Name }).ToListAsync(ct),
            "ItSystem" => await db.ItSystems.AsNoTracking().Where(s => numbers.Contains(s.Id))
                .Select(s => new { s.Id, s.Name }).ToListAsync(ct),
            "JobTitle" => await db.JobTitles.AsNoTracking().Where(t => numbers.Contains(t.Id))
                .Select(t => new { t.Id, t.Name }).ToListAsync(ct),
            "ReviewRound" => await db.ReviewRounds.AsNoTracking().Where(r => numbers.Contains(r.Id))
                .Select(r => new { r.Id, Name = "Granskning " + r.Name }).ToListAsync(ct),
            "ReviewLine" => await db.ReviewLines.AsNoTracking().Where(l => numbers.Contains(l.Id))
                .Select(l => new
                {
                    l.Id,
                    Name = PersonName.Shown(l.EmployeeName, db.Employees.Any(e => e.Id == l.EmployeeId && e.IsProtected)) + ": " + l.SystemName,
                }).ToListAsync(ct),
            "Grant" => await (
                    from g in db.Grants.AsNoTracking()
                    join e in db.Employees.AsNoTracking() on g.EmployeeId equals e.Id
                    where numbers.Contains(g.Id)
                    select new { g.Id, Name = PersonName.Shown(e.FullName, e.IsProtected) + ": " + g.SystemName })
                .ToListAsync(ct),
            _ => [],
        };
        return found.Select(r => (Id(r.Id), r.Name)).Concat(unitsAll);
    }

    /// <summary>
    /// A follow-up entry names one follow-up, a comma-separated batch (closed together) or, for the nightly flagging,
    /// the day of the run.
    /// </summary>
    private static async Task<IEnumerable<(string Id, string Name)>> FollowUpsAsync(
        SocItDbContext db, List<string> ids, CancellationToken ct)
    {
        var names = new List<(string, string)>();
        foreach (var id in ids)
        {
            if (DateOnly.TryParseExact(id, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                names.Add((id, $"Körningen {id}"));
            }
            else if (id.Contains(',', StringComparison.Ordinal))
            {
                names.Add((id, SwedishCount.Of(id.Split(',').Length, "uppföljning", "uppföljningar")));
            }
        }

        var numbers = ids.Select(Number).OfType<int>().ToList();
        if (numbers.Count > 0)
        {
            var found = await db.FollowUps.AsNoTracking().Where(f => numbers.Contains(f.Id))
                .Select(f => new
                {
                    f.Id,
                    EmployeeName = PersonName.Shown(f.EmployeeName, db.Employees.Any(e => e.Id == f.EmployeeId && e.IsProtected)),
                    f.SystemName,
                }).ToListAsync(ct);
            names.AddRange(found.Select(f => (Id(f.Id), $"{f.EmployeeName}: {f.SystemName}")));
        }

        return names;
    }

    private static async Task<Dictionary<long, string>> RecordedNamesAsync(SocItDbContext db, List<long> entryIds, CancellationToken ct)
    {
        var entries = await db.AuditEntries.AsNoTracking().Where(e => entryIds.Contains(e.Id))
            .Select(e => new { e.Id, e.EntityType, e.Before, e.After }).ToListAsync(ct);
        var names = new Dictionary<long, string>();
        foreach (var entry in entries)
        {
            var name = RecordedNameFields[entry.EntityType]
                .Select(field => StringField(entry.After, field) ?? StringField(entry.Before, field))
                .FirstOrDefault(n => n is not null);
            if (name is not null)
            {
                names[entry.Id] = entry.EntityType switch
                {
                    "ReviewRound" => $"Granskning {name}",
                    "Grant" => $"Behörighet: {name}",
                    _ => name,
                };
            }
        }

        return names;
    }

    private static string? StringField(string? json, string field)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(field, out var value)
                && value.ValueKind == JsonValueKind.String
                && value.GetString() is { Length: > 0 } text
                    ? text
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? JobName(string jobId) => jobId switch
    {
        FollowUpRun.JobId => "Påminnelsejobbet",
        ReviewRun.JobId => "Granskningsjobbet",
        _ => null,
    };

    private static int? Number(string id) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
