using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Changes;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.MasterData;

namespace SocItConsole.Admin.Features.MasterData;

/// <summary>
/// Changes the master data administrators keep: IT systems with their levels, job titles and units. Each change is
/// checked against the administrator policy here (not only on the page), validated, applied through the domain and
/// saved together with its one audit entry. A record that something refers to is deactivated, never deleted.
/// </summary>
public sealed class MasterDataService(AuditedChange changes)
{
    private const string SystemType = nameof(ItSystem);
    private const string TitleType = nameof(JobTitle);
    private const string UnitType = nameof(Unit);
    private const string SystemGone = "IT-systemet finns inte längre. Ladda om sidan.";
    private const string TitleGone = "Titeln finns inte längre. Ladda om sidan.";
    private const string UnitGone = "Verksamheten finns inte längre. Ladda om sidan.";
    private const string SaveFailed =
        "Ändringen kunde inte sparas, kanske för att någon annan ändrade samma uppgifter samtidigt. Ladda om sidan och försök igen.";

    private static readonly StringComparer Swedish = AdminLocalization.SwedishOrder;

    // A failed save (a name taken or a record changed at the same moment) is logged and refused as one message.
    private static readonly ChangeRules<MasterDataResult> Rules = new(
        Policies.Administrator, SaveFailed, MasterDataResult.Fail, MasterDataResult.Fail)
    {
        InTransaction = true,
        SaveFailedMessage = SaveFailed,
    };

    // IT systems

    public async Task<MasterDataResult> CreateSystemAsync(ItSystemInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await changes.RunAsync(Rules, async c =>
        {
            if ((LevelError(input.Levels) ?? await SystemNameTakenAsync(c.Db, input.Name, exceptId: null, ct)) is { } error)
            {
                return MasterDataResult.Fail(error);
            }

            var system = new ItSystem(input.Name ?? string.Empty, input.Description, input.Contact, input.RequiresDigitalKeys);
            // A new system comes with the domain's default level; the form's first level takes its place.
            system.RenameLevel(system.Levels[0], input.Levels[0].Name ?? string.Empty);
            foreach (var level in input.Levels.Skip(1))
            {
                system.AddLevel(level.Name ?? string.Empty);
            }

            c.Db.ItSystems.Add(system);
            return await CreatedAsync(
                c, () => system.Id, "ItSystem.Created", SystemType,
                $"IT-systemet {system.Name} lades till.", Snapshot(system), ct);
        }, ct);
    }

    public async Task<MasterDataResult> UpdateSystemAsync(int id, ItSystemInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await changes.RunAsync(Rules, async c =>
        {
            var system = await c.Db.ItSystems.Include(s => s.Levels).SingleOrDefaultAsync(s => s.Id == id, ct);
            if (system is null)
            {
                return MasterDataResult.Fail(SystemGone);
            }

            if ((LevelError(input.Levels) ?? await SystemNameTakenAsync(c.Db, input.Name, id, ct)) is { } error)
            {
                return MasterDataResult.Fail(error);
            }

            var removed = system.Levels.Where(l => input.Levels.All(i => i.Id != l.Id)).ToList();
            foreach (var level in removed)
            {
                var cells = await c.Db.MatrixEntries.CountAsync(e => e.SystemLevelId == level.Id, ct);
                if (cells > 0)
                {
                    return MasterDataResult.Fail(
                        $"Nivån \"{level.Name}\" används i {SwedishCount.MatrixCells(cells)} i matrisen och kan inte tas bort. " +
                        "Flytta cellerna till en annan nivå i matrisen först.");
                }
            }

            var before = Snapshot(system);
            system.Update(input.Name ?? string.Empty, input.Description, input.Contact, input.RequiresDigitalKeys);
            ApplyLevels(system, input.Levels, removed);
            return Changed(c, "ItSystem.Updated", SystemType, system.Id,
                $"IT-systemet {system.Name} ändrades.", before, Snapshot(system));
        }, ct);
    }

    public async Task<MasterDataResult> SetSystemActiveAsync(int id, bool active, CancellationToken ct = default)
    {
        return await changes.RunAsync(Rules, async c =>
        {
            var system = await c.Db.ItSystems.Include(s => s.Levels).SingleOrDefaultAsync(s => s.Id == id, ct);
            if (system is null)
            {
                return MasterDataResult.Fail(SystemGone);
            }

            var before = Snapshot(system);
            if (active)
            {
                system.Activate();
            }
            else
            {
                system.Deactivate();
            }

            return Changed(c, active ? "ItSystem.Activated" : "ItSystem.Deactivated", SystemType, system.Id,
                $"IT-systemet {system.Name} {(active ? "aktiverades" : "inaktiverades")}.", before, Snapshot(system));
        }, ct);
    }

    public async Task<MasterDataResult> DeleteSystemAsync(int id, CancellationToken ct = default)
    {
        return await changes.RunAsync(Rules, async c =>
        {
            var system = await c.Db.ItSystems.Include(s => s.Levels).SingleOrDefaultAsync(s => s.Id == id, ct);
            if (system is null)
            {
                return MasterDataResult.Fail(SystemGone);
            }

            var units = await c.Db.Units.CountAsync(u => u.Systems.Any(s => s.Id == id), ct);
            var cells = await c.Db.MatrixEntries.CountAsync(e => e.ItSystemId == id, ct);
            if (SwedishCount.Usage(units, cells) is { } usage)
            {
                return MasterDataResult.Fail(
                    $"{system.Name} kan inte tas bort eftersom det {usage}. Inaktivera systemet i stället.");
            }

            var before = Snapshot(system);
            c.Db.ItSystems.Remove(system);
            return Changed(c, "ItSystem.Deleted", SystemType, id,
                $"IT-systemet {system.Name} togs bort.", before, null);
        }, ct);
    }

    // Job titles

    public async Task<MasterDataResult> CreateTitleAsync(JobTitleInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await changes.RunAsync(Rules, async c =>
        {
            if (await TitleNameTakenAsync(c.Db, input.Name, exceptId: null, ct) is { } error)
            {
                return MasterDataResult.Fail(error);
            }

            var title = new JobTitle(input.Name ?? string.Empty);
            c.Db.JobTitles.Add(title);
            return await CreatedAsync(
                c, () => title.Id, "JobTitle.Created", TitleType,
                $"Titeln {title.Name} lades till.", Snapshot(title), ct);
        }, ct);
    }

    public async Task<MasterDataResult> UpdateTitleAsync(int id, JobTitleInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await changes.RunAsync(Rules, async c =>
        {
            var title = await c.Db.JobTitles.SingleOrDefaultAsync(t => t.Id == id, ct);
            if (title is null)
            {
                return MasterDataResult.Fail(TitleGone);
            }

            if (await TitleNameTakenAsync(c.Db, input.Name, id, ct) is { } error)
            {
                return MasterDataResult.Fail(error);
            }

            var before = Snapshot(title);
            title.Rename(input.Name ?? string.Empty);
            return Changed(c, "JobTitle.Updated", TitleType, title.Id,
                $"Titeln {before.Name} bytte namn till {title.Name}.", before, Snapshot(title));
        }, ct);
    }

    public async Task<MasterDataResult> SetTitleActiveAsync(int id, bool active, CancellationToken ct = default)
    {
        return await changes.RunAsync(Rules, async c =>
        {
            var title = await c.Db.JobTitles.SingleOrDefaultAsync(t => t.Id == id, ct);
            if (title is null)
            {
                return MasterDataResult.Fail(TitleGone);
            }

            var before = Snapshot(title);
            if (active)
            {
                title.Activate();
            }
            else
            {
                title.Deactivate();
            }

            return Changed(c, active ? "JobTitle.Activated" : "JobTitle.Deactivated", TitleType, title.Id,
                $"Titeln {title.Name} {(active ? "aktiverades" : "inaktiverades")}.", before, Snapshot(title));
        }, ct);
    }

    public async Task<MasterDataResult> DeleteTitleAsync(int id, CancellationToken ct = default)
    {
        return await changes.RunAsync(Rules, async c =>
        {
            var title = await c.Db.JobTitles.SingleOrDefaultAsync(t => t.Id == id, ct);
            if (title is null)
            {
                return MasterDataResult.Fail(TitleGone);
            }

            var cells = await c.Db.MatrixEntries.CountAsync(e => e.JobTitleId == id, ct);
            if (SwedishCount.Usage(0, cells) is { } usage)
            {
                return MasterDataResult.Fail(
                    $"{title.Name} kan inte tas bort eftersom den {usage}. Inaktivera titeln i stället.");
            }

            if (await c.Db.Orders.AnyAsync(o => o.TitleId == id, ct))
            {
                return MasterDataResult.Fail($"{title.Name} kan inte tas bort eftersom beställningar hänvisar till den. Inaktivera titeln i stället.");
            }

            var before = Snapshot(title);
            c.Db.JobTitles.Remove(title);
            return Changed(c, "JobTitle.Deleted", TitleType, id, $"Titeln {title.Name} togs bort.", before, null);
        }, ct);
    }

    // Units

    public async Task<MasterDataResult> CreateUnitAsync(UnitInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await changes.RunAsync(Rules, async c =>
        {
            if (await UnitNameTakenAsync(c.Db, input.Name, exceptId: null, ct) is { } error)
            {
                return MasterDataResult.Fail(error);
            }

            var systems = await SystemsByIdAsync(c.Db, input.SystemIds, ct);
            if (systems is null)
            {
                return MasterDataResult.Fail(SystemGone);
            }

            var unit = new Unit(input.Name ?? string.Empty, input.Area ?? string.Empty, input.CostCentre ?? string.Empty, input.UsesDigitalKeys);
            ApplyContactsAndSystems(unit, input, systems);
            c.Db.Units.Add(unit);
            return await CreatedAsync(
                c, () => unit.Id, "Unit.Created", UnitType,
                $"Verksamheten {unit.Name} lades till.", Snapshot(unit), ct);
        }, ct);
    }

    public async Task<MasterDataResult> UpdateUnitAsync(int id, UnitInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await changes.RunAsync(Rules, async c =>
        {
            var unit = await c.Db.Units.AsSplitQuery().Include(u => u.Systems).SingleOrDefaultAsync(u => u.Id == id, ct);
            if (unit is null)
            {
                return MasterDataResult.Fail(UnitGone);
            }

            if (await UnitNameTakenAsync(c.Db, input.Name, id, ct) is { } error)
            {
                return MasterDataResult.Fail(error);
            }

            var systems = await SystemsByIdAsync(c.Db, input.SystemIds, ct);
            if (systems is null)
            {
                return MasterDataResult.Fail(SystemGone);
            }

            var before = Snapshot(unit);
            unit.Update(input.Name ?? string.Empty, input.Area ?? string.Empty, input.CostCentre ?? string.Empty, input.UsesDigitalKeys);
            ApplyContactsAndSystems(unit, input, systems);
            return Changed(c, "Unit.Updated", UnitType, unit.Id,
                $"Verksamheten {unit.Name} ändrades.", before, Snapshot(unit));
        }, ct);
    }

    public async Task<MasterDataResult> SetUnitActiveAsync(int id, bool active, CancellationToken ct = default)
    {
        return await changes.RunAsync(Rules, async c =>
        {
            var unit = await c.Db.Units.AsSplitQuery().Include(u => u.Systems).SingleOrDefaultAsync(u => u.Id == id, ct);
            if (unit is null)
            {
                return MasterDataResult.Fail(UnitGone);
            }

            var before = Snapshot(unit);
            if (active)
            {
                unit.Activate();
            }
            else
            {
                unit.Deactivate();
            }

            return Changed(c, active ? "Unit.Activated" : "Unit.Deactivated", UnitType, unit.Id,
                $"Verksamheten {unit.Name} {(active ? "aktiverades" : "inaktiverades")}.", before, Snapshot(unit));
        }, ct);
    }

    /// <summary>Deletes a unit that no order refers to; one with orders can only be deactivated.</summary>
    public async Task<MasterDataResult> DeleteUnitAsync(int id, CancellationToken ct = default)
    {
        return await changes.RunAsync(Rules, async c =>
        {
            var unit = await c.Db.Units.AsSplitQuery().Include(u => u.Systems).SingleOrDefaultAsync(u => u.Id == id, ct);
            if (unit is null)
            {
                return MasterDataResult.Fail(UnitGone);
            }

            if (await c.Db.Orders.AnyAsync(o => o.UnitId == id || o.TargetUnitId == id, ct))
            {
                return MasterDataResult.Fail($"{unit.Name} kan inte tas bort eftersom beställningar hänvisar till den. Inaktivera verksamheten i stället.");
            }

            var before = Snapshot(unit);
            c.Db.Units.Remove(unit);
            return Changed(c, "Unit.Deleted", UnitType, id, $"Verksamheten {unit.Name} togs bort.", before, null);
        }, ct);
    }

    // Validation

    private static string? LevelError(IReadOnlyList<SystemLevelInput> levels)
    {
        if (levels.Count == 0)
        {
            return "Systemet måste ha minst en nivå.";
        }

        var duplicate = levels
            .Select(l => l.Name?.Trim())
            .Where(name => !string.IsNullOrEmpty(name))
            .GroupBy(name => name, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? null : $"Nivån \"{duplicate.Key}\" står med mer än en gång.";
    }

    private static async Task<string?> SystemNameTakenAsync(SocItDbContext db, string? name, int? exceptId, CancellationToken ct)
    {
        var names = await db.ItSystems.Where(s => s.Id != exceptId).Select(s => s.Name).ToListAsync(ct);
        return Taken(names, name) is { } taken ? $"Det finns redan ett system som heter \"{taken}\"." : null;
    }

    private static async Task<string?> TitleNameTakenAsync(SocItDbContext db, string? name, int? exceptId, CancellationToken ct)
    {
        var names = await db.JobTitles.Where(t => t.Id != exceptId).Select(t => t.Name).ToListAsync(ct);
        return Taken(names, name) is { } taken ? $"Det finns redan en titel som heter \"{taken}\"." : null;
    }

    private static async Task<string?> UnitNameTakenAsync(SocItDbContext db, string? name, int? exceptId, CancellationToken ct)
    {
        var names = await db.Units.Where(u => u.Id != exceptId).Select(u => u.Name).ToListAsync(ct);
        return Taken(names, name) is { } taken ? $"Det finns redan en verksamhet som heter \"{taken}\"." : null;
    }

    // Names are compared in memory: SQLite's NOCASE folds only ASCII, and "Äldreboende" must meet "äldreboende".
    private static string? Taken(IEnumerable<string> existing, string? name)
    {
        var trimmed = name?.Trim();
        return string.IsNullOrEmpty(trimmed)
            ? null
            : existing.FirstOrDefault(n => string.Equals(n, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The systems with the given ids, or null when one of them no longer exists.</summary>
    private static async Task<List<ItSystem>?> SystemsByIdAsync(SocItDbContext db, IReadOnlyList<int> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var systems = await db.ItSystems.Where(s => wanted.Contains(s.Id)).ToListAsync(ct);
        return systems.Count == wanted.Count ? systems : null;
    }

    // Applying

    private static void ApplyLevels(ItSystem system, IReadOnlyList<SystemLevelInput> levels, List<SystemLevel> removed)
    {
        // Removing first frees names for renamed and new levels; a system's last level goes only once another exists.
        var last = removed.Count == system.Levels.Count ? removed[^1] : null;
        foreach (var level in removed.Where(l => l != last))
        {
            system.RemoveLevel(level);
        }

        foreach (var input in levels.Where(l => l.Id is not null))
        {
            var level = system.Levels.SingleOrDefault(l => l.Id == input.Id)
                ?? throw new DomainException("En av nivåerna finns inte längre. Stäng dialogen och försök igen.");
            if (!string.Equals(level.Name, input.Name?.Trim(), StringComparison.Ordinal))
            {
                system.RenameLevel(level, input.Name ?? string.Empty);
            }
        }

        foreach (var input in levels.Where(l => l.Id is null))
        {
            system.AddLevel(input.Name ?? string.Empty);
        }

        if (last is not null)
        {
            system.RemoveLevel(last);
        }
    }

    private static void ApplyContactsAndSystems(Unit unit, UnitInput input, List<ItSystem> systems)
    {
        unit.ReplaceManagers([.. input.Managers.Where(m => !m.IsBlank).Select(m => ToContact(m, "varje chef"))]);
        unit.SetMobileRepresentative(input.MobileRepresentative is { IsBlank: false } representative
            ? ToContact(representative, "mobilombudet, eller lämna båda tomma")
            : null);
        unit.ReplaceSystems(systems);
    }

    private static Contact ToContact(ContactInput input, string whom)
    {
        if (string.IsNullOrWhiteSpace(input.Name) || string.IsNullOrWhiteSpace(input.Email))
        {
            throw new DomainException($"Ange både namn och e-postadress för {whom}.");
        }

        return EmailAddress.TryParse(input.Email, out var email, out var error)
            ? new Contact(input.Name, email)
            : throw new DomainException(error);
    }

    // Saving

    /// <summary>Records a change to an existing record; a change that changed nothing leaves no entry and saves nothing.</summary>
    private static MasterDataResult Changed(
        ChangeContext c, string action, string entityType, int id, string summary, object before, object? after)
    {
        if (after is null || JsonSerializer.Serialize(before) != JsonSerializer.Serialize(after))
        {
            c.Audit(action, entityType, Key(id), summary, before, after);
        }

        return MasterDataResult.Ok(id);
    }

    /// <summary>
    /// SQLite hands out a new record's id only when it is inserted, and the audit entry must name it: the record is
    /// saved first, inside the change's transaction, so that it and its entry are stored together or not at all.
    /// </summary>
    private static async Task<MasterDataResult> CreatedAsync(
        ChangeContext c, Func<int> id, string action, string entityType, string summary, object after, CancellationToken ct)
    {
        await c.Db.SaveChangesAsync(ct);
        c.Audit(action, entityType, Key(id()), summary, null, after);
        return MasterDataResult.Ok(id());
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    // Audit snapshots: the fields an administrator edits, small enough to read in the history.

    private static object Snapshot(ItSystem system) => new
    {
        system.Name,
        system.Description,
        system.Contact,
        system.RequiresDigitalKeys,
        system.IsActive,
        Levels = system.Levels.Select(l => l.Name).ToArray(),
    };

    private static TitleSnapshot Snapshot(JobTitle title) => new(title.Name, title.IsActive);

    private static object Snapshot(Unit unit) => new
    {
        unit.Name,
        unit.Area,
        unit.CostCentre,
        unit.UsesDigitalKeys,
        unit.IsActive,
        Managers = unit.Managers.Select(m => $"{m.Name} <{m.Email}>").ToArray(),
        MobileRepresentative = unit.MobileRepresentative is { } r ? $"{r.Name} <{r.Email}>" : null,
        Systems = unit.Systems.Select(s => s.Name).Order(Swedish).ToArray(),
    };

    private sealed record TitleSnapshot(string Name, bool IsActive);

}
