using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Changes;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Hr;

namespace SocItConsole.Admin.Features.Hr;

/// <summary>One HR value's row on the page: what HR wrote, what it maps to (or is proposed to), and who decided.</summary>
public sealed record HrMappingRow(
    int Id,
    HrMappingKind Kind,
    string HrValue,
    HrMappingStatus Status,
    string? TargetName,
    int? SuggestedTargetId,
    string? SuggestedTargetName,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset? DecidedAt,
    string? DecidedByName);

/// <summary>A page of one kind's rows, waiting ones first, and how many of each kind wait.</summary>
public sealed record HrMappingPage(IReadOnlyList<HrMappingRow> Rows, int Total, int UnitsWaiting, int TitlesWaiting);

/// <summary>A console unit or title a value may be mapped to (active ones only).</summary>
public sealed record HrTargetChoice(int Id, string Name, string? Code)
{
    public string Label => string.IsNullOrWhiteSpace(Code) ? Name : $"{Name} ({Code})";
}

/// <summary>A value that maps by itself: a unit's cost centre, or a title's own name.</summary>
public sealed record HrAutomaticMapping(string HrValue, string TargetName);

public abstract record HrMappingResult
{
    private HrMappingResult()
    {
    }

    public sealed record Done(int Id, string Message) : HrMappingResult;

    public sealed record Refused(string Message) : HrMappingResult;
}

/// <summary>
/// The HR mappings administrators decide (HR-kopplingar): which console unit or title an HR value that does not map by
/// itself stands for, or that it is outside Soc-IT's care. The reconciliation adds a waiting row on first sight; here
/// an administrator maps it (a target checked by id: it must exist and be active), ignores it, reopens a decision, or
/// adds a mapping before HR's file has it. Each decision is saved with its audit entry.
/// </summary>
public sealed class HrMappings(IDbContextFactory<SocItDbContext> factory, CurrentUser currentUser, AuditedChange changes)
{
    public const string EntityType = nameof(HrMapping);

    private const string Gone = "Kopplingen finns inte längre. Ladda om sidan.";

    private static readonly ChangeRules<HrMappingResult> Rules = new(
        Policies.Administrator,
        "Kopplingen ändrades av någon annan samtidigt. Ladda om sidan och försök igen.",
        message => new HrMappingResult.Refused(message),
        message => new HrMappingResult.Refused(message))
    {
        InTransaction = true,
        UniqueConflictMessage = "Värdet har redan en koppling. Ladda om sidan.",
    };

    public async Task<HrMappingPage> ListAsync(
        HrMappingKind kind, string? search, int page, int pageSize, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Administrator);
        await using var db = await factory.CreateDbContextAsync(ct);
        // A kind has at most some hundred values HR spells its own way: they are searched in memory, where "centrum"
        // meets "Centrum" and "åre" meets "Åre" (SQLite folds only ASCII).
        var all = await db.HrMappings.AsNoTracking().Where(m => m.Kind == kind)
            .Select(m => new HrMappingRow(
                m.Id, m.Kind, m.HrValue, m.Status, m.TargetName, m.SuggestedTargetId, m.SuggestedTargetName,
                m.FirstSeenAt, m.DecidedAt, m.DecidedByName))
            .ToListAsync(ct);
        var text = search?.Trim() ?? string.Empty;
        var matching = all
            .Where(m => text.Length == 0 || Contains(m.HrValue, text) || Contains(m.TargetName, text) || Contains(m.SuggestedTargetName, text))
            .OrderBy(m => m.Status switch { HrMappingStatus.Pending => 0, HrMappingStatus.Mapped => 1, _ => 2 })
            .ThenBy(m => m.HrValue, AdminLocalization.SwedishOrder)
            .ToList();
        var size = Math.Clamp(pageSize, 1, 200);
        var rows = matching.Skip(Math.Max(0, page) * size).Take(size).ToList();
        var total = matching.Count;
        var waiting = await db.HrMappings.Where(m => m.Status == HrMappingStatus.Pending)
            .GroupBy(m => m.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new HrMappingPage(
            rows,
            total,
            waiting.SingleOrDefault(w => w.Key == HrMappingKind.Unit)?.Count ?? 0,
            waiting.SingleOrDefault(w => w.Key == HrMappingKind.Title)?.Count ?? 0);
    }

    /// <summary>The active units (with their cost centres) or titles, for the autocomplete; matching by name or code.</summary>
    public async Task<IReadOnlyList<HrTargetChoice>> TargetsAsync(HrMappingKind kind, string? search, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Administrator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var all = kind == HrMappingKind.Unit
            ? await db.Units.AsNoTracking().Where(u => u.IsActive).Select(u => new HrTargetChoice(u.Id, u.Name, u.CostCentre)).ToListAsync(ct)
            : await db.JobTitles.AsNoTracking().Where(t => t.IsActive).Select(t => new HrTargetChoice(t.Id, t.Name, null)).ToListAsync(ct);
        var text = search?.Trim() ?? string.Empty;
        return
        [
            .. all.Where(c => text.Length == 0
                    || c.Name.Contains(text, StringComparison.CurrentCultureIgnoreCase)
                    || (c.Code?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false))
                .OrderBy(c => c.Name, AdminLocalization.SwedishOrder)
                .Take(50),
        ];
    }

    /// <summary>How values of <paramref name="kind"/> map by themselves: each active unit's cost centre, each active title's name.</summary>
    public async Task<IReadOnlyList<HrAutomaticMapping>> AutomaticAsync(HrMappingKind kind, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.Administrator);
        await using var db = await factory.CreateDbContextAsync(ct);
        var pairs = kind == HrMappingKind.Unit
            ? await db.Units.AsNoTracking().Where(u => u.IsActive && u.CostCentre != "")
                .Select(u => new HrAutomaticMapping(u.CostCentre, u.Name)).ToListAsync(ct)
            : await db.JobTitles.AsNoTracking().Where(t => t.IsActive).Select(t => new HrAutomaticMapping(t.Name, t.Name)).ToListAsync(ct);
        return [.. pairs.OrderBy(p => p.HrValue, AdminLocalization.SwedishOrder)];
    }

    /// <summary>Maps a value to a console unit or title (also "Godta förslaget", with the suggestion's id).</summary>
    public Task<HrMappingResult> MapAsync(int id, int targetId, CancellationToken ct = default) =>
        changes.RunAsync(Rules, async c =>
        {
            if (await c.Db.HrMappings.SingleOrDefaultAsync(m => m.Id == id, ct) is not { } mapping)
            {
                return new HrMappingResult.Refused(Gone);
            }

            if (await ActiveTargetNameAsync(c.Db, mapping.Kind, targetId, ct) is not { } targetName)
            {
                return new HrMappingResult.Refused(TargetGone(mapping.Kind));
            }

            var before = Snapshot(mapping);
            mapping.MapTo(targetId, targetName, c.Actor, c.Now);
            var message = $"HR-värdet \"{mapping.HrValue}\" kopplades till {Describe(mapping.Kind)} {targetName}.";
            c.Audit("HrMapping.Mapped", EntityType, Key(mapping.Id), message, before, Snapshot(mapping));
            return new HrMappingResult.Done(mapping.Id, message);
        }, ct);

    /// <summary>Outside Soc-IT's care: the value's lines are skipped by the reconciliation.</summary>
    public Task<HrMappingResult> IgnoreAsync(int id, CancellationToken ct = default) =>
        changes.RunAsync(Rules, async c =>
        {
            if (await c.Db.HrMappings.SingleOrDefaultAsync(m => m.Id == id, ct) is not { } mapping)
            {
                return new HrMappingResult.Refused(Gone);
            }

            var before = Snapshot(mapping);
            mapping.Ignore(c.Actor, c.Now);
            var message = $"HR-värdet \"{mapping.HrValue}\" markerades som utanför Soc-IT:s uppdrag.";
            c.Audit("HrMapping.Ignored", EntityType, Key(mapping.Id), message, before, Snapshot(mapping));
            return new HrMappingResult.Done(mapping.Id, message);
        }, ct);

    /// <summary>Undoes a decision: the value waits again and its lines are reported.</summary>
    public Task<HrMappingResult> ReopenAsync(int id, CancellationToken ct = default) =>
        changes.RunAsync(Rules, async c =>
        {
            if (await c.Db.HrMappings.SingleOrDefaultAsync(m => m.Id == id, ct) is not { } mapping)
            {
                return new HrMappingResult.Refused(Gone);
            }

            var before = Snapshot(mapping);
            mapping.Reopen(c.Actor, c.Now);
            var message = $"Beslutet om HR-värdet \"{mapping.HrValue}\" öppnades igen.";
            c.Audit("HrMapping.Reopened", EntityType, Key(mapping.Id), message, before, Snapshot(mapping));
            return new HrMappingResult.Done(mapping.Id, message);
        }, ct);

    /// <summary>A mapping made before HR's file has the value: the first file that has it maps it at once.</summary>
    public Task<HrMappingResult> AddAsync(HrMappingKind kind, string? hrValue, int targetId, CancellationToken ct = default) =>
        changes.RunAsync(Rules, async c =>
        {
            var value = hrValue?.Trim() ?? string.Empty;
            if (value.Length == 0)
            {
                return new HrMappingResult.Refused("Ange HR-värdet, som det står i HR-filen.");
            }

            if (value.Length > HrMapping.ValueMaxLength)
            {
                return new HrMappingResult.Refused($"HR-värdet får vara högst {HrMapping.ValueMaxLength} tecken.");
            }

            var key = HrMappingRules.Key(value);
            if (await c.Db.HrMappings.AnyAsync(m => m.Kind == kind && m.Key == key, ct))
            {
                return new HrMappingResult.Refused($"HR-värdet \"{value}\" har redan en koppling. Sök fram den i listan.");
            }

            if (await ActiveTargetNameAsync(c.Db, kind, targetId, ct) is not { } targetName)
            {
                return new HrMappingResult.Refused(TargetGone(kind));
            }

            var mapping = new HrMapping(kind, value, null, null, c.Now, null);
            mapping.MapTo(targetId, targetName, c.Actor, c.Now);
            c.Db.HrMappings.Add(mapping);
            await c.Db.SaveChangesAsync(ct);
            var message = $"HR-värdet \"{mapping.HrValue}\" lades till och kopplades till {Describe(kind)} {targetName}.";
            c.Audit("HrMapping.Added", EntityType, Key(mapping.Id), message, null, Snapshot(mapping));
            return new HrMappingResult.Done(mapping.Id, message);
        }, ct);

    private static bool Contains(string? value, string text) =>
        value is not null && value.Contains(text, StringComparison.CurrentCultureIgnoreCase);

    private static async Task<string?> ActiveTargetNameAsync(SocItDbContext db, HrMappingKind kind, int targetId, CancellationToken ct) =>
        kind == HrMappingKind.Unit
            ? await db.Units.Where(u => u.Id == targetId && u.IsActive).Select(u => u.Name).SingleOrDefaultAsync(ct)
            : await db.JobTitles.Where(t => t.Id == targetId && t.IsActive).Select(t => t.Name).SingleOrDefaultAsync(ct);

    private static string TargetGone(HrMappingKind kind) => kind == HrMappingKind.Unit
        ? "Verksamheten finns inte eller är inaktiv. Välj en aktiv verksamhet."
        : "Titeln finns inte eller är inaktiv. Välj en aktiv titel.";

    private static string Describe(HrMappingKind kind) => kind == HrMappingKind.Unit ? "verksamheten" : "titeln";

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static object Snapshot(HrMapping mapping) => new
    {
        Kind = mapping.Kind.ToString(),
        mapping.HrValue,
        Status = mapping.Status.ToString(),
        mapping.TargetId,
        mapping.TargetName,
    };
}
