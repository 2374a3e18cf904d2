using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Email;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Hr;
using SocItConsole.Shared.Orderers;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Hr;

/// <summary>
/// One reconciliation of an HR file with the console: read the file (<see cref="HrFile"/>), map its units and titles
/// (<see cref="HrMappingRules"/>; values seen for the first time are recorded as waiting, with a suggestion), reconcile
/// (<see cref="HrReconciliation"/>), then store in one transaction the <see cref="HrImport"/>, its findings (an
/// earlier dismissal of the same facts carried over, an earlier still-open finding of the same facts superseded), the
/// managers' digests and orderers' joiner notices, and one audit entry with the figures; the notices are sent after
/// the save. The same file (by SHA-256) is reconciled once, whichever process tries; a malformed file and a dry run
/// change nothing.
/// </summary>
public sealed partial class HrReconciliationRun(
    IDbContextFactory<SocItDbContext> factory,
    HrNoticeMail mail,
    AuditTrail audit,
    IOptions<HrOptions> options,
    IOptions<EmailSettings> email,
    TimeProvider clock,
    ILogger<HrReconciliationRun> logger)
{
    public const string JobId = "hr-reconciliation";

    /// <summary>The nightly job and the command line act as this.</summary>
    public static readonly Actor Job = new("job:" + JobId, "Avstämningen mot HR");

    /// <summary>Reconciles the newest file (by last write time) in <c>Hr:ImportFolder</c>.</summary>
    public async Task<HrRunReport> RunNewestFileAsync(DateOnly? asOf, bool dryRun, HrImportSource source, CancellationToken ct)
    {
        var folder = options.Value.ImportFolder;
        if (string.IsNullOrWhiteSpace(folder))
        {
            return HrRunReport.NoFile(dryRun, "Ingen mapp för HR-filer är inställd (Hr:ImportFolder); ingenting att stämma av.");
        }

        if (!Directory.Exists(folder))
        {
            return HrRunReport.NoFile(dryRun, $"Mappen för HR-filer ({folder}) finns inte; ingenting stämdes av.");
        }

        var newest = new DirectoryInfo(folder).EnumerateFiles()
            .Where(f => !f.Name.StartsWith('.'))
            .OrderByDescending(f => f.LastWriteTimeUtc).ThenByDescending(f => f.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (newest is null)
        {
            return HrRunReport.NoFile(dryRun, $"Det finns ingen HR-fil i mappen {folder}; ingenting stämdes av.");
        }

        var bytes = await File.ReadAllBytesAsync(newest.FullName, ct);
        return await RunAsync(bytes, newest.Name, asOf, dryRun, source, Job, ct);
    }

    /// <summary>
    /// Reconciles <paramref name="bytes"/> as of <paramref name="asOf"/> (else the date in the file's name, else today
    /// in Sweden). A dry run computes everything and stores nothing.
    /// </summary>
    public async Task<HrRunReport> RunAsync(
        ReadOnlyMemory<byte> bytes, string fileName, DateOnly? asOf, bool dryRun, HrImportSource source, Actor actor, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(actor);
        fileName = Path.GetFileName(fileName);
        var today = AdminTimeZone.Today(clock);
        var day = asOf ?? DateInName(fileName) ?? today;
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes.Span));
        var empty = new HrRunReport(HrRunOutcome.Reconciled, fileName, day, dryRun);

        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (await db.HrImports.AsNoTracking().SingleOrDefaultAsync(i => i.FileSha256 == sha, ct) is { } earlier)
            {
                // Nothing new; but a notice the server refused last time is sent now (the nightly job sees the same file).
                var (resent, refused) = dryRun ? (0, []) : await mail.SendPendingAsync(ct);
                return empty with
                {
                    Outcome = HrRunOutcome.AlreadyReconciled, Earlier = earlier, Figures = FiguresOf(earlier), NoticesSent = resent, Failures = refused,
                };
            }
        }

        var read = HrFile.Read(bytes, today);
        if (!read.IsValid)
        {
            var failed = empty with { Outcome = HrRunOutcome.Failed, Problems = read.Errors, LinesRead = read.LinesRead };
            LogFailed(logger, fileName, read.Errors.Count);
            return failed;
        }

        var prepared = await PrepareAsync(read, day, ct);
        var created = dryRun ? [] : await RecordFirstSightAsync(prepared.Unseen, ct);
        var result = HrReconciliation.Reconcile(prepared.Input);
        var findings = result.Findings;

        await using var save = await factory.CreateDbContextAsync(ct);
        var keys = findings.Select(f => f.FactsKey).Distinct().ToList();
        var earlierFindings = await save.HrFindings
            .Where(f => keys.Contains(f.FactsKey) && (f.Status == HrFindingStatus.Open || f.Status == HrFindingStatus.Dismissed))
            .ToListAsync(ct);
        var dismissals = earlierFindings.Where(f => f.Status == HrFindingStatus.Dismissed)
            .GroupBy(f => f.FactsKey).ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.Id).First(), StringComparer.Ordinal);
        var figures = new HrRunFigures(
            read.LinesRead, prepared.LinesSkipped, prepared.LinesUnmapped, result.PersonsMatched,
            findings.Count(f => f.Kind == HrFindingKind.Leaver), findings.Count(f => f.Kind == HrFindingKind.Mover),
            findings.Count(f => f.Kind == HrFindingKind.Joiner), findings.Count(f => f.Kind == HrFindingKind.UnknownToHr),
            findings.Count(f => dismissals.ContainsKey(f.FactsKey)));
        var report = empty with
        {
            Outcome = dryRun ? HrRunOutcome.DryRun : HrRunOutcome.Reconciled,
            Figures = figures,
            LinesRead = read.LinesRead,
            Waiting = prepared.Waiting,
            Findings = findings,
        };
        if (dryRun)
        {
            return report;
        }

        var now = clock.GetUtcNow();
        await using var transaction = await save.Database.BeginTransactionAsync(ct);
        var import = new HrImport(fileName, sha, bytes.Length, day, source, actor, now);
        save.HrImports.Add(import);
        try
        {
            await save.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another process reconciled the same file a moment ago: its run stands, this one adds nothing.
            await transaction.RollbackAsync(ct);
            await using var db = await factory.CreateDbContextAsync(ct);
            var earlier = await db.HrImports.AsNoTracking().SingleAsync(i => i.FileSha256 == sha, ct);
            return empty with { Outcome = HrRunOutcome.AlreadyReconciled, Earlier = earlier, Figures = FiguresOf(earlier) };
        }

        var stored = new List<HrFinding>();
        foreach (var proposal in findings)
        {
            var finding = ToEntity(import.Id, proposal);
            save.HrFindings.Add(finding);
            stored.Add(finding);
        }

        await save.SaveChangesAsync(ct);
        foreach (var finding in stored)
        {
            if (dismissals.TryGetValue(finding.FactsKey, out var dismissed))
            {
                finding.CarryDismissal(dismissed, now);
            }
        }

        foreach (var open in earlierFindings.Where(f => f.Status == HrFindingStatus.Open))
        {
            open.Supersede(now);
        }

        if (created.Count > 0)
        {
            await save.HrMappings.Where(m => created.Contains(m.Id) && m.FirstSeenImportId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.FirstSeenImportId, import.Id), ct);
        }

        var notices = await RecordNoticesAsync(save, import, stored.Where(f => f.IsOpen).ToList(), prepared.Protected, ct);
        import.Finish(figures, now);
        audit.Record(save, actor, "Hr.Reconciled", "HrImport", import.Id.ToString(CultureInfo.InvariantCulture),
            $"HR-filen {fileName} stämdes av per {Dates.Iso(day)}: {Describe(figures)}.",
            before: null,
            after: new
            {
                import.FileName, AsOf = Dates.Iso(day), Source = source.ToString(), figures.LinesRead, figures.LinesSkipped,
                figures.LinesUnmapped, figures.PersonsMatched, figures.Leavers, figures.Movers, figures.Joiners, figures.UnknownToHr,
                figures.CarriedDismissals, NewMappings = created.Count, Notices = notices,
            });
        await save.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        LogReconciled(logger, fileName, import.Id, findings.Count);

        // After the save: a notice exists before it is sent; one the server refuses stays for the next run.
        var (sent, failures) = await mail.SendPendingAsync(ct);
        return report with { ImportId = import.Id, NoticesSent = sent, Failures = failures };
    }

    /// <summary>The date in a file's name ("hr-2026-12-07.csv", "anst_20261207.csv"), when there is a valid one.</summary>
    public static DateOnly? DateInName(string fileName)
    {
        foreach (Match match in DateLike().Matches(fileName ?? string.Empty))
        {
            var text = match.Value.Replace("-", string.Empty, StringComparison.Ordinal);
            if (DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
        }

        return null;
    }

    internal static string Describe(HrRunFigures figures) =>
        $"{SwedishCount.Of(figures.LinesRead, "rad läst", "rader lästa")}, " +
        $"{SwedishCount.Of(figures.PersonsMatched, "person matchad", "personer matchade")}, " +
        $"{figures.Leavers.ToString(CultureInfo.InvariantCulture)} slutat, " +
        $"{figures.Movers.ToString(CultureInfo.InvariantCulture)} bytt titel eller enhet, " +
        $"{figures.Joiners.ToString(CultureInfo.InvariantCulture)} börjar snart, " +
        $"{figures.UnknownToHr.ToString(CultureInfo.InvariantCulture)} okända i HR";

    private static HrRunFigures FiguresOf(HrImport i) =>
        new(i.LinesRead, i.LinesSkipped, i.LinesUnmapped, i.PersonsMatched, i.Leavers, i.Movers, i.Joiners, i.UnknownToHr, i.CarriedDismissals);

    private static HrFinding ToEntity(int importId, HrProposedFinding p) =>
        new(importId, p.Kind, p.FactsKey, p.Personnummer, Text(p.Name, Employee.FullNameMaxLength)!, p.UnitId, p.UnitName)
        {
            EmployeeId = p.EmployeeId,
            EmploymentId = p.EmploymentId,
            TitleId = p.TitleId,
            TitleName = Text(p.TitleName, HrFinding.TextMaxLength),
            HrUnitId = p.HrUnitId,
            HrUnitName = Text(p.HrUnitName, HrFinding.TextMaxLength),
            HrTitleId = p.HrTitleId,
            HrTitleName = Text(p.HrTitleName, HrFinding.TextMaxLength),
            HrFrom = p.HrFrom,
            HrTo = p.HrTo,
            LineNumber = p.LineNumber,
            EffectiveDate = p.EffectiveDate,
        };

    private static string? Text(string? text, int max) => text is { Length: > 0 } && text.Length > max ? text[..max] : text;

    /// <summary>Maps every line and gathers the console's side: what the rule needs, and what is reported.</summary>
    private async Task<Prepared> PrepareAsync(HrFileReadResult read, DateOnly day, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var units = new HrTargetIndex(HrMappingKind.Unit,
            await db.Units.AsNoTracking().Select(u => new HrTarget(u.Id, u.Name, u.CostCentre, u.IsActive)).ToListAsync(ct));
        var titles = new HrTargetIndex(HrMappingKind.Title,
            await db.JobTitles.AsNoTracking().Select(t => new HrTarget(t.Id, t.Name, null, t.IsActive)).ToListAsync(ct));
        var mappings = await db.HrMappings.AsNoTracking().ToListAsync(ct);
        var unitMappings = mappings.Where(m => m.Kind == HrMappingKind.Unit).ToDictionary(m => m.Key, StringComparer.Ordinal);
        var titleMappings = mappings.Where(m => m.Kind == HrMappingKind.Title).ToDictionary(m => m.Key, StringComparer.Ordinal);

        var hr = new List<HrEmployment>();
        var waiting = new Dictionary<(HrMappingKind, string), (string Value, string? Suggestion, HrTarget? Unseen, bool IsNew, List<int> Lines)>();
        var waitingPersons = new HashSet<Personnummer>();
        var (skipped, unmapped) = (0, 0);
        foreach (var line in read.Lines)
        {
            var unit = HrMappingRules.Resolve(line.Unit, units, unitMappings);
            var title = HrMappingRules.Resolve(line.Title, titles, titleMappings);
            if (unit is HrResolution.Ignored || title is HrResolution.Ignored)
            {
                skipped++;
                continue;
            }

            if (unit is HrResolution.Mapped u && title is HrResolution.Mapped t)
            {
                hr.Add(new HrEmployment(line.LineNumber, line.Personnummer, line.Name, u.Target.Id, u.Target.Name, t.Target.Id, t.Target.Name, line.From, line.To));
                continue;
            }

            unmapped++;
            waitingPersons.Add(line.Personnummer);
            Wait(HrMappingKind.Unit, line.Unit, unit, line.LineNumber);
            Wait(HrMappingKind.Title, line.Title, title, line.LineNumber);
        }

        void Wait(HrMappingKind kind, string value, HrResolution resolution, int lineNumber)
        {
            var (suggestion, unseen, isNew) = resolution switch
            {
                HrResolution.Pending p => (p.Mapping.SuggestedTargetName, (HrTarget?)null, false),
                HrResolution.Unseen s => (s.Suggestion?.Name, s.Suggestion, true),
                _ => (null, null, false),
            };
            if (resolution is not (HrResolution.Pending or HrResolution.Unseen))
            {
                return;
            }

            var key = (kind, HrMappingRules.Key(value));
            if (!waiting.TryGetValue(key, out var entry))
            {
                entry = (value.Trim(), suggestion, unseen, isNew, []);
                waiting[key] = entry;
            }

            entry.Lines.Add(lineNumber);
        }

        var employments = await (
                from e in db.Employments.AsNoTracking()
                join p in db.Employees on e.EmployeeId equals p.Id
                where e.To == null || e.To >= day
                select new
                {
                    e.Id, e.EmployeeId, p.Personnummer, p.FullName, p.IsProtected, e.UnitId, e.UnitName, e.TitleId, e.TitleName, e.From, e.To,
                    Ordered = db.Orders.Any(o => o.EmploymentId == e.Id && (o.Type == OrderType.Terminate || o.Type == OrderType.Change)
                        && o.Status != OrderStatus.Rejected),
                })
            .ToListAsync(ct);
        var joinerFrom = day.AddDays(-options.Value.JoinerWindowDays);
        var withNewOrder = (await db.Orders.AsNoTracking()
                .Where(o => o.Type == OrderType.New && o.Status != OrderStatus.Rejected
                    && (o.Status != OrderStatus.Completed || o.StartDate == null || o.StartDate >= joinerFrom))
                .Select(o => o.Employee!.Personnummer).ToListAsync(ct))
            .ToHashSet();
        var filePersons = read.Lines.Select(l => l.Personnummer).ToHashSet();
        var protectedPersons = employments.Where(e => e.IsProtected).Select(e => e.Personnummer).ToHashSet();
        var others = filePersons.Except(employments.Select(e => e.Personnummer)).ToList();
        if (others.Count > 0)
        {
            // A joiner the console knows from before (a rehire) may be protected too.
            protectedPersons.UnionWith(await db.Employees.AsNoTracking()
                .Where(e => e.IsProtected && others.Contains(e.Personnummer)).Select(e => e.Personnummer).ToListAsync(ct));
        }

        var input = new HrReconciliationInput(
            hr,
            [.. employments.Select(e => new ConsoleEmployment(
                e.EmployeeId, e.Personnummer, e.FullName, e.Id, e.UnitId, e.UnitName, e.TitleId, e.TitleName, e.From, e.To, e.Ordered))],
            filePersons, waitingPersons, withNewOrder, day, options.Value.JoinerWindowDays);
        var waitingValues = waiting
            .OrderBy(w => w.Key.Item1).ThenBy(w => w.Value.Value, StringComparer.Ordinal)
            .Select(w => new HrWaitingValue(w.Key.Item1, w.Value.Value, w.Value.Suggestion, w.Value.Lines))
            .ToList();
        var unseenValues = waiting.Where(w => w.Value.IsNew).Select(w => (w.Key.Item1, w.Value.Value, w.Value.Unseen)).ToList();
        return new Prepared(input, skipped, unmapped, waitingValues, unseenValues, protectedPersons);
    }

    /// <summary>
    /// Records each value seen for the first time as waiting, with its suggestion; the unique (kind, key) index makes a
    /// value another run recorded a moment ago a no-op here. Returns the ids recorded by this run.
    /// </summary>
    private async Task<List<int>> RecordFirstSightAsync(IReadOnlyList<(HrMappingKind Kind, string Value, HrTarget? Suggestion)> unseen, CancellationToken ct)
    {
        var ids = new List<int>();
        foreach (var (kind, value, suggestion) in unseen)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var mapping = new HrMapping(kind, value, suggestion?.Id, suggestion?.Name, clock.GetUtcNow(), null);
            db.HrMappings.Add(mapping);
            try
            {
                await db.SaveChangesAsync(ct);
                ids.Add(mapping.Id);
            }
            catch (DbUpdateException)
            {
                // Recorded by another run since this one read the mappings.
            }
        }

        return ids;
    }

    /// <summary>One digest per manager of the units with open findings, one joiner notice per appointed orderer; returns how many.</summary>
    private async Task<int> RecordNoticesAsync(
        SocItDbContext db, HrImport import, List<HrFinding> open, IReadOnlySet<Personnummer> protectedPersons, CancellationToken ct)
    {
        if (open.Count == 0)
        {
            return 0;
        }

        var unitIds = open.Select(f => f.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToListAsync(ct);
        var settings = email.Value;
        var now = clock.GetUtcNow();
        var count = 0;
        HrNoticeLine Line(HrFinding f) => new(
            f.Kind, PersonName.Shown(f.Name, protectedPersons.Contains(f.Personnummer)), f.TitleName, f.HrTitleName, f.HrUnitName, f.HrFrom,
            f.EffectiveDate);
        List<(string UnitName, IReadOnlyList<HrNoticeLine> Lines)> Sections(IEnumerable<int> ids, Func<HrFinding, bool> which) =>
        [
            .. units.Where(u => ids.Contains(u.Id)).OrderBy(u => u.Name, StringComparer.Create(new CultureInfo("sv-SE"), false))
                .Select(u => (u.Name, (IReadOnlyList<HrNoticeLine>)[.. open.Where(f => f.UnitId == u.Id && which(f)).Select(Line)]))
                .Where(s => s.Item2.Count > 0),
        ];

        var managers = units.SelectMany(u => u.Managers.Select(m => (Unit: u.Id, m.Name, m.Email)))
            .GroupBy(m => m.Email).ToList();
        foreach (var manager in managers)
        {
            var content = HrNoticeText.Digest(
                manager.First().Name, import.AsOf, Sections(manager.Select(m => m.Unit), _ => true),
                settings.Link("/my-orders"), settings.Link("/orders/new"), settings.FromName);
            db.HrNotices.Add(Notice(HrNoticeKind.Digest, manager.First().Name, manager.Key, content));
            count++;
        }

        var joinerUnits = open.Where(f => f.Kind == HrFindingKind.Joiner).Select(f => f.UnitId).Distinct().ToList();
        if (joinerUnits.Count > 0)
        {
            var orderers = await db.AppointedOrderers.AsNoTracking().Where(AppointedOrderer.ValidOn(import.AsOf))
                .Where(a => joinerUnits.Contains(a.UnitId)).ToListAsync(ct);
            foreach (var orderer in orderers.GroupBy(a => a.Email))
            {
                var content = HrNoticeText.Joiners(
                    orderer.First().Name, import.AsOf, Sections(orderer.Select(a => a.UnitId), f => f.Kind == HrFindingKind.Joiner),
                    settings.Link("/orders/new"), settings.FromName);
                db.HrNotices.Add(Notice(HrNoticeKind.Joiner, orderer.First().Name, orderer.Key, content));
                count++;
            }
        }

        return count;

        HrNotice Notice(HrNoticeKind kind, string name, EmailAddress to, Shared.FollowUps.ReminderContent content) => new(
            import.Id, kind, name, to,
            settings.MessageId(string.Create(CultureInfo.InvariantCulture, $"hr-{import.Id}-{kind.ToString().ToLowerInvariant()}"), to.Value),
            content.Subject, content.Body, now);
    }

    [GeneratedRegex(@"(?<!\d)(\d{4}-\d{2}-\d{2}|\d{8})(?!\d)")]
    private static partial Regex DateLike();

    [LoggerMessage(Level = LogLevel.Warning, Message = "HR file {FileName} not reconciled: {Count} line problem(s)")]
    private static partial void LogFailed(ILogger logger, string fileName, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "HR file {FileName} reconciled as import {ImportId}: {Findings} finding(s)")]
    private static partial void LogReconciled(ILogger logger, string fileName, int importId, int findings);

    private sealed record Prepared(
        HrReconciliationInput Input, int LinesSkipped, int LinesUnmapped, IReadOnlyList<HrWaitingValue> Waiting,
        IReadOnlyList<(HrMappingKind Kind, string Value, HrTarget? Suggestion)> Unseen, IReadOnlySet<Personnummer> Protected);
}
