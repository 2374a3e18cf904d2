using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Admin.Features.Hr;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.Hr;

namespace SocItConsole.Admin.Tests.Features.Hr;

/// <summary>The reconciliation run on the demo organisation and a fake clock (Friday 2026-11-27).</summary>
public sealed class HrReconciliationRunTests
{
    private static CancellationToken Ct => HrWorld.Ct;

    /// <summary>
    /// Maria has left Hemtjänst Centrum (HR ended her on 2026-11-20), Ahmed is a nurse there now, Elin starts in
    /// Hemtjänst Centrum next week with no order, and Sara in Tallgården is not in the file at all.
    /// </summary>
    private const string File1 =
        HrWorld.Maria + ";Maria Lundgren;4110;Undersköterska;2020-01-01;2026-11-20\n" +
        HrWorld.Ahmed + ";Ahmed Yusuf;4110;Sjuksköterska;2026-11-01;\n" +
        HrWorld.Elin + ";Elin Karlsson;4110;Undersköterska;2026-12-02;\n";

    [Fact]
    public async Task Run_StoresTheImportItsFindingsAndFigures_WithOneAuditEntry()
    {
        using var world = await WorldWithStaffAsync();

        var report = await world.RunAsync(File1);

        Assert.Equal(HrRunOutcome.Reconciled, report.Outcome);
        Assert.True(report.Succeeded);
        Assert.Equal(new HrRunFigures(3, 0, 0, 2, 1, 1, 1, 1, 0), report.Figures);
        Assert.Equal(
            "Avstämning mot HR per 2026-11-27 (hr.csv): 3 rader lästa, 2 personer matchade, 1 slutat, 1 bytt titel eller enhet, "
            + "1 börjar snart, 1 okända i HR, 0 beställningar lagda.",
            report.Summary);
        var findings = await world.FindingsAsync();
        Assert.Equal(
            [(HrFindingKind.Leaver, new DateOnly(2026, 11, 20)), (HrFindingKind.Mover, HrWorld.Today), (HrFindingKind.Joiner, new DateOnly(2026, 12, 2)),
                (HrFindingKind.UnknownToHr, (DateOnly?)null)],
            findings.OrderBy(f => f.Kind).Select(f => (f.Kind, f.EffectiveDate)));
        Assert.All(findings, f => Assert.Equal((report.ImportId!.Value, HrFindingStatus.Open), (f.ImportId, f.Status)));
        await using var db = world.Database.CreateDbContext();
        var import = await db.HrImports.SingleAsync(Ct);
        Assert.Equal((3, 2, 1, 1, 1, 1, HrImportSource.Upload, "Sara Admin"),
            (import.LinesRead, import.PersonsMatched, import.Leavers, import.Movers, import.Joiners, import.UnknownToHr, import.Source, import.ByName));
        var entry = Assert.Single(await db.AuditEntries.Where(a => a.Action == "Hr.Reconciled").ToListAsync(Ct));
        Assert.Equal(("admin-oid", "HrImport", import.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (entry.ActorId, entry.EntityType, entry.EntityId));
        Assert.Contains("\"Leavers\":1", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_EachManagerGetsOneDigestOfTheirOwnUnitsOnly_NeverAPersonnummer_AndAProtectedPersonAsSkyddadPerson()
    {
        using var world = await WorldWithStaffAsync(protectAhmed: true);

        await world.RunAsync(File1);

        var chef1 = Assert.Single(world.Mail.To(HrWorld.Chef1Email));
        var chef2 = Assert.Single(world.Mail.To(HrWorld.Chef2Email));
        Assert.Equal("Avstämning mot HR 2026-11-27: 3 avvikelser i dina verksamheter", chef1.Subject);
        Assert.Contains("Hemtjänst Centrum", chef1.Body, StringComparison.Ordinal);
        Assert.Contains("Slutat enligt HR:\n  - Maria Lundgren, Undersköterska, sista dag 2026-11-20", chef1.Body.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Skyddad person, Undersköterska – enligt HR Sjuksköterska i Hemtjänst Centrum från 2026-11-27", chef1.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Ahmed", chef1.Body, StringComparison.Ordinal);
        Assert.Contains("Elin Karlsson, Undersköterska, börjar 2026-12-02", chef1.Body, StringComparison.Ordinal);
        Assert.Contains("/my-orders", chef1.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Sara Lindberg", chef1.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Tallgården", chef1.Body, StringComparison.Ordinal);
        Assert.Contains("Okänd i HR:\n  - Sara Lindberg, Sjuksköterska", chef2.Body.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("Maria", chef2.Body, StringComparison.Ordinal);
        foreach (var mail in world.Mail.Sent)
        {
            Assert.DoesNotMatch(@"\d{6}[-+]?\d{4}", mail.Body);
        }

        await using var db = world.Database.CreateDbContext();
        Assert.All(await db.HrNotices.ToListAsync(Ct), n => Assert.Equal(ReminderStatus.Sent, n.Status));
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Action == "HrNotice.Sent" && a.ActorId == "job:hr-reconciliation", Ct));
    }

    [Fact]
    public async Task Outbox_ListsTheRunsNotices_WithTheirText()
    {
        using var world = await WorldWithStaffAsync();
        await world.RunAsync(File1);
        var outbox = new Outbox(
            world.Database, AppServices.CurrentUser("operator"), AppServices.FollowUpRun(world.Database, world.Mail, world.Clock),
            AppServices.JobRunner(world.Database, world.Clock), new SocItConsole.Admin.Infrastructure.Audit.AuditTrail(world.Clock), world.Clock);

        var page = await outbox.ListAsync(0, 50, Ct);

        var rows = page.Items.Where(r => r.Kind == OutboxKind.HrNotice).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(3, page.TotalCount);
        var chef1 = Assert.Single(rows, r => r.ToEmail == HrWorld.Chef1Email);
        Assert.Equal(("Avstämning mot HR", "HR-fil per 2026-11-27", ReminderStatus.Sent), (chef1.KindName, chef1.Concerns, chef1.Status));
        Assert.Contains("Slutat enligt HR", await outbox.BodyAsync(OutboxKind.HrNotice, chef1.Id, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TheAppointedOrdererOfAUnitWithJoinersGetsOneNotice_AndEachRecipientOnlyOnePerRun()
    {
        using var world = await WorldWithStaffAsync();

        await world.RunAsync(File1 + HrWorld.Sara + ";Sara Lindberg;4110;Undersköterska;2026-12-03;\n");

        var notice = Assert.Single(world.Mail.To(HrWorld.OrdererEmail));
        Assert.Equal("Börjar snart utan beställning: 1 person", notice.Subject);
        Assert.Contains("Elin Karlsson, Undersköterska, börjar 2026-12-02", notice.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Maria", notice.Body, StringComparison.Ordinal);
        Assert.Single(world.Mail.To(HrWorld.Chef1Email));
        await using var db = world.Database.CreateDbContext();
        var notices = await db.HrNotices.ToListAsync(Ct);
        Assert.Equal(notices.Count, notices.Select(n => (n.Kind, n.ToEmail)).Distinct().Count());
        Assert.Equal(world.Mail.Sent.Count, notices.Count);
    }

    [Fact]
    public async Task DryRun_ReportsTheFigures_AndStoresNothing()
    {
        using var world = await WorldWithStaffAsync();

        var report = await world.RunAsync(File1 + HrWorld.Sara + ";Sara Lindberg;9999;Undersköterska;2020-01-01;\n", dryRun: true);

        Assert.Equal(HrRunOutcome.DryRun, report.Outcome);
        Assert.Equal((4, 1, 1, 1, 1), (report.Figures!.LinesRead, report.Figures.LinesUnmapped, report.Figures.Leavers, report.Figures.Movers, report.Figures.Joiners));
        Assert.StartsWith("Provkörning: Avstämning mot HR per 2026-11-27", report.Summary, StringComparison.Ordinal);
        var waiting = Assert.Single(report.Waiting);
        Assert.Equal((HrMappingKind.Unit, "9999"), (waiting.Kind, waiting.Value));
        Assert.Equal([5], waiting.LineNumbers);
        Assert.Null(report.ImportId);
        Assert.Equal((0, 0, 0, 0, 0), await world.CountsAsync());
        Assert.Empty(world.Mail.Sent);
    }

    [Fact]
    public async Task SecondRunOfTheSameFile_IsAlreadyReconciled_SaysWhenAndByWhom_AndAddsNothing()
    {
        using var world = await WorldWithStaffAsync();
        await world.RunAsync(File1);
        var before = await world.CountsAsync();
        var mailBefore = world.Mail.Sent.Count;
        world.Clock.Advance(TimeSpan.FromDays(1));

        var again = await world.RunAsync(File1, asOf: HrWorld.Today.AddDays(1));

        Assert.Equal(HrRunOutcome.AlreadyReconciled, again.Outcome);
        Assert.True(again.Succeeded);
        Assert.StartsWith("hr.csv är redan avstämd (2026-11-27 10:00 av Sara Admin, per 2026-11-27); ingenting nytt.", again.Summary, StringComparison.Ordinal);
        Assert.Equal(before, await world.CountsAsync());
        Assert.Equal(mailBefore, world.Mail.Sent.Count);
    }

    [Fact]
    public async Task ANoticeTheServerRefused_FailsTheRun_AndIsSentWhenTheSameFileComesAgain()
    {
        using var world = await WorldWithStaffAsync();
        world.Mail.Refuse.Add(HrWorld.Chef2Email);

        var first = await world.RunAsync(File1);
        world.Mail.Refuse.Clear();
        var again = await world.RunAsync(File1);

        Assert.False(first.Succeeded);
        Assert.Single(first.Failures);
        Assert.Equal((HrRunOutcome.AlreadyReconciled, 1, true), (again.Outcome, again.NoticesSent, again.Succeeded));
        Assert.Single(world.Mail.To(HrWorld.Chef2Email));
        Assert.Single(world.Mail.To(HrWorld.Chef1Email));
    }

    [Fact]
    public async Task MalformedFile_FailsNamingTheLine_AndChangesNothing()
    {
        using var world = await WorldWithStaffAsync();

        var report = await world.RunAsync(File1 + "19820407-2429;Fel Nummer;4110;Undersköterska;2020-01-01;\n");

        Assert.Equal(HrRunOutcome.Failed, report.Outcome);
        Assert.False(report.Succeeded);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(5, problem.LineNumber);
        Assert.StartsWith("Avstämningen misslyckades: hr.csv har 1 fel och ingenting ändrades. Rad 5: ", report.Summary, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0, 0), await world.CountsAsync());
        Assert.Empty(world.Mail.Sent);
    }

    [Fact]
    public async Task FirstSightValues_AreRecordedOnceAsWaiting_WithTheirSuggestion_AndTheirLinesAreNotReconciled()
    {
        using var world = await WorldWithStaffAsync();
        const string Unmapped = HrWorld.Maria + ";Maria Lundgren;4110;Undersköt.;2020-01-01;\n";

        var first = await world.RunAsync(Unmapped, fileName: "hr-1.csv");
        var second = await world.RunAsync(Unmapped + "\n", fileName: "hr-2.csv");

        await using var db = world.Database.CreateDbContext();
        var mapping = Assert.Single(await db.HrMappings.ToListAsync(Ct));
        Assert.Equal((HrMappingKind.Title, "UNDERSKÖT.", HrMappingStatus.Pending, "Undersköterska", first.ImportId),
            (mapping.Kind, mapping.Key, mapping.Status, mapping.SuggestedTargetName, mapping.FirstSeenImportId));
        Assert.Equal(1, second.Figures!.LinesUnmapped);
        Assert.Equal("Undersköterska", Assert.Single(second.Waiting).Suggestion);
        Assert.DoesNotContain(await world.FindingsAsync(), f => f.Personnummer.Formatted == HrWorld.Maria);
    }

    [Fact]
    public async Task DismissedFinding_IsCarriedOverToALaterFileWithTheSameFacts_AndAStillOpenOneIsSuperseded()
    {
        using var world = await WorldWithStaffAsync();
        await world.RunAsync(File1, fileName: "hr-2026-11-27.csv");
        await using (var db = world.Database.CreateDbContext())
        {
            var leaver = await db.HrFindings.SingleAsync(f => f.Kind == HrFindingKind.Leaver, Ct);
            leaver.Dismiss("Har ett nytt vikariat som HR inte registrerat.", new Actor("operator-oid", "Olle Operatör"), world.Clock.GetUtcNow());
            await db.SaveChangesAsync(Ct);
        }

        world.Clock.Advance(TimeSpan.FromDays(1));
        var next = await world.Run().RunAsync(
            HrWorld.Bytes(File1 + "\n"), "hr-2026-11-28.csv", asOf: null, dryRun: false, HrImportSource.Upload, new Actor("admin-oid", "Sara Admin"), Ct);

        Assert.Equal(new DateOnly(2026, 11, 28), next.AsOf);
        Assert.Equal(1, next.Figures!.CarriedDismissals);
        var findings = await world.FindingsAsync();
        var carried = Assert.Single(findings, f => f.ImportId == next.ImportId && f.Kind == HrFindingKind.Leaver);
        Assert.Equal((HrFindingStatus.Dismissed, "Har ett nytt vikariat som HR inte registrerat.", "Olle Operatör"),
            (carried.Status, carried.DismissReason, carried.DecidedByName));
        Assert.NotNull(carried.DismissedAsFindingId);
        Assert.All(findings.Where(f => f.ImportId != next.ImportId && f.Kind is HrFindingKind.Mover or HrFindingKind.UnknownToHr),
            f => Assert.Equal(HrFindingStatus.Superseded, f.Status));
        Assert.DoesNotContain("Maria Lundgren", world.Mail.To(HrWorld.Chef1Email)[^1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandLine_ReconcilesTheNewestFileInTheFolder_PrintsOneSummary_AndASecondRunIsAlreadyReconciled()
    {
        using var world = await WorldWithStaffAsync();
        world.WriteFile("hr-2026-11-20.csv", HrWorld.Maria + ";Maria Lundgren;4110;Undersköterska;2020-01-01;\n", new DateTime(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc));
        world.WriteFile("hr-2026-11-27.csv", File1, new DateTime(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc));
        await using var services = world.CommandLineServices();

        var (exit, output) = await RunJobAsync(services, new JobCommand(HrReconciliationJob.Id, null, DryRun: false));
        var (againExit, againOutput) = await RunJobAsync(services, new JobCommand(HrReconciliationJob.Id, null, DryRun: false));

        Assert.Equal(JobCommand.ExitOk, exit);
        Assert.EndsWith(
            "Avstämning mot HR per 2026-11-27 (hr-2026-11-27.csv): 3 rader lästa, 2 personer matchade, 1 slutat, 1 bytt titel eller enhet, "
            + "1 börjar snart, 1 okända i HR, 0 beställningar lagda." + Environment.NewLine,
            output, StringComparison.Ordinal);
        Assert.Equal(JobCommand.ExitOk, againExit);
        Assert.Contains("hr-2026-11-27.csv är redan avstämd", againOutput, StringComparison.Ordinal);
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(HrImportSource.CommandLine, (await db.HrImports.SingleAsync(Ct)).Source);
    }

    [Fact]
    public async Task CommandLine_AMalformedFile_ExitsNonZero_NamingTheLine_AndChangesNothing()
    {
        using var world = await WorldWithStaffAsync();
        world.WriteFile("hr.csv", HrWorld.Maria + ";Maria Lundgren;4110;Undersköterska;2020-13-01;\n", new DateTime(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc));
        await using var services = world.CommandLineServices();

        var (exit, output) = await RunJobAsync(services, new JobCommand(HrReconciliationJob.Id, HrWorld.Today, DryRun: false));

        Assert.Equal(JobCommand.ExitFailed, exit);
        Assert.Contains("Avstämningen misslyckades: hr.csv har 1 fel och ingenting ändrades. Rad 2: ", output, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0, 0), await world.CountsAsync());
    }

    [Fact]
    public async Task CommandLine_AnEmptyFolder_IsAClearMessage_NotACrash()
    {
        using var world = await WorldWithStaffAsync();
        await using var services = world.CommandLineServices();

        var (exit, output) = await RunJobAsync(services, new JobCommand(HrReconciliationJob.Id, null, DryRun: true));

        Assert.Equal(JobCommand.ExitFailed, exit);
        Assert.Equal($"Det finns ingen HR-fil i mappen {world.ImportFolder}; ingenting stämdes av.{Environment.NewLine}", output);
    }

    [Theory]
    [InlineData("hr-2026-12-07.csv", "2026-12-07")]
    [InlineData("anstallda_20261207_export.csv", "2026-12-07")]
    [InlineData("hr-20261350.csv", null)]
    [InlineData("hr.csv", null)]
    public void DateInName_FindsAValidDate(string fileName, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), HrReconciliationRun.DateInName(fileName));

    private static async Task<(int Exit, string Output)> RunJobAsync(IServiceProvider services, JobCommand command)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLineJobs.RunJobCommandAsync(services, command, output, error, Ct);
        return (exit, output.ToString() + error);
    }

    private static async Task<HrWorld> WorldWithStaffAsync(bool protectAhmed = false)
    {
        var world = await HrWorld.CreateAsync();
        await world.EmployAsync(HrWorld.Maria, "Maria Lundgren", "Hemtjänst Centrum", "Undersköterska");
        await world.EmployAsync(HrWorld.Ahmed, "Ahmed Yusuf", "Hemtjänst Centrum", "Undersköterska", protectAhmed);
        await world.EmployAsync(HrWorld.Sara, "Sara Lindberg", "Tallgårdens vård- och omsorgsboende", "Sjuksköterska");
        return world;
    }
}
