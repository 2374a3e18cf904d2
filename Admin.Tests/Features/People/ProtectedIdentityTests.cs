using System.Text;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Admin.Features.Grants;
using SocItConsole.Admin.Features.People;
using SocItConsole.Admin.Features.Reviews;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Tests.Features.People;

/// <summary>
/// Skyddad identitet on SQLite: Lisa Andersson (chef1's Hemtjänst Centrum) is marked by an operator, and then every
/// channel that names people — the queue, Mina ärenden, the access view and its CSV, the reminder e-mail and the
/// outbox, the review lines, evidence and mail, the key register's person search and the audit log — shows
/// "Skyddad person", and no search by her name finds her. Jonas Berg, in the same unit, is not protected.
/// </summary>
public sealed class ProtectedIdentityTests : IAsyncLifetime
{
    private const string Lisa = "Lisa Andersson";
    private const string Jonas = "Jonas Berg";
    private const string Reason = "Skyddad folkbokföring enligt Skatteverket";

    private ReviewWorld? _world;
    private int _lisaId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ReviewWorld World => _world ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _world = await ReviewWorld.CreateAsync();
        await World.AddStandardGrantsAsync();
        await using var db = World.Database.CreateDbContext();
        _lisaId = await db.Employees.Where(e => e.FullName == Lisa).Select(e => e.Id).SingleAsync(Ct);
    }

    public ValueTask DisposeAsync()
    {
        _world?.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Protect_AsOperator_IsAuditedWithTheFlagAndReason_BeforeAndAfter_AndNeverTheName()
    {
        var result = await ProtectLisaAsync();

        Assert.IsType<EmployeeResult.Done>(result);
        await using var db = World.Database.CreateDbContext();
        var lisa = await db.Employees.SingleAsync(e => e.Id == _lisaId, Ct);
        Assert.True(lisa.IsProtected);
        Assert.Equal(Reason, lisa.ProtectionReason);
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "Employee.Protected", Ct);
        Assert.Equal(("Employee", _lisaId.ToString(System.Globalization.CultureInfo.InvariantCulture)), (entry.EntityType, entry.EntityId));
        Assert.Equal("""{"IsProtected":false,"ProtectionReason":null}""", entry.Before);
        Assert.Equal($$"""{"IsProtected":true,"ProtectionReason":"{{Reason}}"}""", entry.After);
        Assert.DoesNotContain(Lisa, entry.Summary, StringComparison.Ordinal);
        Assert.Contains("19900101-****", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protect_WithoutAReason_IsRefused_AndChangesNothing()
    {
        var result = await Register("operator").SetProtectionAsync(_lisaId, isProtected: true, "  ", Ct);

        Assert.Equal("Skälet måste anges.", Assert.IsType<EmployeeResult.Refused>(result).Message);
        await using var db = World.Database.CreateDbContext();
        Assert.False(await db.Employees.Where(e => e.Id == _lisaId).Select(e => e.IsProtected).SingleAsync(Ct));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "Employee.Protected", Ct));
    }

    [Theory]
    [InlineData("chef1")]
    [InlineData("admin")]
    public async Task Protect_ByAnyoneButAnOperator_IsDenied_AndChangesNothing(string user)
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Register(user).SetProtectionAsync(_lisaId, isProtected: true, Reason, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Register(user).RevealNameAsync(_lisaId, Ct));

        await using var db = World.Database.CreateDbContext();
        Assert.False(await db.Employees.Where(e => e.Id == _lisaId).Select(e => e.IsProtected).SingleAsync(Ct));
    }

    [Fact]
    public async Task Clear_NeedsAReason_IsAudited_AndShowsTheNameAgain()
    {
        await ProtectLisaAsync();
        var register = Register("operator");

        Assert.IsType<EmployeeResult.Refused>(await register.SetProtectionAsync(_lisaId, isProtected: false, "", Ct));
        Assert.IsType<EmployeeResult.Done>(await register.SetProtectionAsync(_lisaId, isProtected: false, "Skyddet upphört", Ct));

        Assert.Equal(Lisa, (await register.GetAsync(_lisaId, Ct))!.ShownName);
        await using var db = World.Database.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "Employee.Unprotected", Ct);
        Assert.Equal($$"""{"IsProtected":true,"ProtectionReason":"{{Reason}}"}""", entry.Before);
        Assert.Equal("""{"IsProtected":false,"ProtectionReason":"Skyddet upphört"}""", entry.After);
    }

    [Fact]
    public async Task EmployeePage_HidesTheName_UntilRevealed_AndTheRevealIsAuditedLikeThePersonnummer()
    {
        await ProtectLisaAsync();
        var register = Register("operator");

        var details = (await register.GetAsync(_lisaId, Ct))!;
        Assert.Equal((PersonName.Protected, true, Reason), (details.ShownName, details.IsProtected, details.ProtectionReason));
        Assert.All(details.Cases, c => Assert.Equal(PersonName.Protected, c.EmployeeName));

        Assert.Equal(Lisa, await register.RevealNameAsync(_lisaId, Ct));

        await using var db = World.Database.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "Employee.NameViewed", Ct);
        Assert.Equal("Employee", entry.EntityType);
        Assert.DoesNotContain(Lisa, entry.Summary, StringComparison.Ordinal);
        Assert.Equal("Namn på skyddad person visat", SocItConsole.Admin.Features.Audit.AuditCatalogue.ActionName(entry.Action));
    }

    [Fact]
    public async Task Queue_ShowsSkyddadPerson_ANameSearchFindsNothing_AndThePersonnummerStillFindsThem()
    {
        await ProtectLisaAsync();
        var cases = AppServices.CaseList(World.Database, "operator", World.Clock);

        var all = await cases.SearchAsync(new CaseQuery(), CaseSort.ReceivedNewest, 0, 100, Ct);
        var byName = await cases.SearchAsync(new CaseQuery(Search: "Lisa"), CaseSort.ReceivedNewest, 0, 100, Ct);
        var byPersonnummer = await cases.SearchAsync(new CaseQuery(Search: OrderRequests.Pnr1990), CaseSort.ReceivedNewest, 0, 100, Ct);
        var summary = await cases.SummaryAsync(Ct);

        Assert.DoesNotContain(all.Items, r => r.EmployeeName == Lisa);
        Assert.Equal(2, all.Items.Count(r => r.EmployeeName == PersonName.Protected));
        Assert.Contains(all.Items, r => r.EmployeeName == Jonas);
        Assert.Empty(byName.Items);
        Assert.Equal(2, byPersonnummer.Items.Count);
        Assert.All(byPersonnummer.Items, r => Assert.Equal(PersonName.Protected, r.EmployeeName));
        Assert.NotEqual(Lisa, summary.OldestWaiting?.EmployeeName);
    }

    [Fact]
    public async Task StartPage_TodaysCases_ShowSkyddadPerson()
    {
        await ProtectLisaAsync();
        var home = new SocItConsole.Admin.Features.Home.HomeOverview(World.Database, AppServices.CurrentUser("operator"), World.Clock);

        var today = await home.TodaysCasesAsync(50, Ct);

        Assert.Equal(2, today.Cases.Count(c => c.EmployeeName == PersonName.Protected));
        Assert.Contains(today.Cases, c => c.EmployeeName == Jonas);
        Assert.DoesNotContain(today.Cases, c => c.EmployeeName == Lisa);
    }

    [Fact]
    public async Task MyOrders_ShowTheManagerSkyddadPerson_AndTheirNameSearchFindsNothing()
    {
        await ProtectLisaAsync();
        var form = AppServices.OrderForm(World.Database, "chef1", World.Clock);

        var mine = await form.MyOrdersAsync(0, 50, null, Ct);
        var byName = await form.MyOrdersAsync(0, 50, "Andersson", Ct);

        Assert.Equal(2, mine.Items.Count(r => r.EmployeeName == PersonName.Protected));
        Assert.DoesNotContain(mine.Items, r => r.EmployeeName == Lisa);
        Assert.Empty(byName.Items);
    }

    [Fact]
    public async Task AccessView_ListAndCsv_ShowSkyddadPerson_AndANameSearchFindsNothing()
    {
        await ProtectLisaAsync();
        var grants = AppServices.UnitGrants(World.Database, "chef1", World.Clock);

        var list = await grants.ListAsync(new UnitGrantQuery(), 0, 50, Ct);
        var byName = await grants.ListAsync(new UnitGrantQuery(Search: "Lisa"), 0, 50, Ct);
        var file = (await grants.ExportAsync(new UnitGrantQuery(), Ct))!;
        var csv = Encoding.UTF8.GetString(file.Content);

        Assert.Equal(2, list.Items.Count(r => r.EmployeeName == PersonName.Protected));
        Assert.Contains(list.Items, r => r.EmployeeName == Jonas);
        Assert.Empty(byName.Items);
        Assert.DoesNotContain(Lisa, csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Andersson", csv, StringComparison.Ordinal);
        Assert.Contains(PersonName.Protected, csv, StringComparison.Ordinal);
        Assert.Contains(Jonas, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminder_ComposedAfterTheMark_NamesSkyddadPerson_InTheMailTheFollowUpsAndTheOutbox()
    {
        await World.AddGrantAsync("chef1", Lisa, OrderRequests.Pnr1990, "Appva", "Standard", endsIn: -2);
        await ProtectLisaAsync();

        await AppServices.FollowUpRun(World.Database, World.Mail, World.Clock).RunAsync(World.CurrentDay, dryRun: false, Ct);

        var mail = Assert.Single(World.Mail.Sent);
        Assert.DoesNotContain(Lisa, mail.Body, StringComparison.Ordinal);
        Assert.Contains($"- {PersonName.Protected}: Appva (Standard) i Hemtjänst Centrum", mail.Body, StringComparison.Ordinal);
        var followUps = await AppServices.FollowUpService(World.Database, "chef1", World.Clock)
            .ListAsync(FollowUpFilter.Undecided, null, 0, 50, Ct);
        Assert.Equal(PersonName.Protected, Assert.Single(followUps.Items).EmployeeName);
        Assert.Empty((await AppServices.FollowUpService(World.Database, "chef1", World.Clock)
            .ListAsync(FollowUpFilter.Undecided, "Lisa", 0, 50, Ct)).Items);
        var outbox = Outbox();
        var row = Assert.Single((await outbox.ListAsync(0, 10, Ct)).Items, r => r.Kind == OutboxKind.FollowUpReminder);
        Assert.DoesNotContain(Lisa, await outbox.BodyAsync(row.Kind, row.Id, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbox_ShowsAReminderSentBeforeTheMark_Masked_WhileTheMailAsSentStaysWhatItWas()
    {
        await World.AddGrantAsync("chef1", Lisa, OrderRequests.Pnr1990, "Appva", "Standard", endsIn: -2);
        await AppServices.FollowUpRun(World.Database, World.Mail, World.Clock).RunAsync(World.CurrentDay, dryRun: false, Ct);
        var outbox = Outbox();
        var row = Assert.Single((await outbox.ListAsync(0, 10, Ct)).Items, r => r.Kind == OutboxKind.FollowUpReminder);
        Assert.Contains($"- {Lisa}: Appva", await outbox.BodyAsync(row.Kind, row.Id, Ct), StringComparison.Ordinal);

        await ProtectLisaAsync();

        var body = await outbox.BodyAsync(row.Kind, row.Id, Ct);
        Assert.DoesNotContain(Lisa, body, StringComparison.Ordinal);
        Assert.Contains($"- {PersonName.Protected}: Appva (Standard) i Hemtjänst Centrum", body, StringComparison.Ordinal);
        Assert.Contains("Hej Anna Lindqvist!", body, StringComparison.Ordinal);
        await using var db = World.Database.CreateDbContext();
        Assert.Contains(Lisa, await db.ReminderMessages.Select(m => m.Body).SingleAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_LinesEvidenceCsvAndMail_ShowSkyddadPerson_AndTheManagersNameSearchFindsNothing()
    {
        var roundId = await World.StartRoundAsync();
        await ProtectLisaAsync();

        var lines = await World.Tasks("chef1").AllLinesAsync(roundId);
        var byName = await World.Tasks("chef1").LinesAsync(roundId, null, ReviewTaskFilter.All, "Lisa", 0, 50, Ct);
        var evidence = (await World.Rounds("admin").EvidenceAsync(roundId, Ct))!;
        var csv = Encoding.UTF8.GetString((await World.Rounds("admin").EvidenceCsvAsync(roundId, Ct))!.Value.Content);

        Assert.Equal(2, lines.Count(l => l.EmployeeName == PersonName.Protected));
        Assert.Contains(lines, l => l.EmployeeName == Jonas);
        Assert.Empty(byName.Lines);
        Assert.Equal(2, evidence.Lines.Count(l => l.EmployeeName == PersonName.Protected));
        Assert.DoesNotContain(evidence.Lines, l => l.EmployeeName == Lisa);
        Assert.DoesNotContain(Lisa, csv, StringComparison.Ordinal);
        Assert.Contains(PersonName.Protected, csv, StringComparison.Ordinal);
        Assert.NotEmpty(World.Mail.Sent);
        Assert.All(World.Mail.Sent, m => Assert.DoesNotContain("Andersson", m.Body, StringComparison.Ordinal));

        var lisaLine = lines.First(l => l.EmployeeName == PersonName.Protected);
        var answered = await World.Tasks("chef1").AnswerAsync(roundId, lisaLine.LineId, SocItConsole.Shared.Reviews.ReviewAnswer.Keep, null, Ct);
        Assert.StartsWith($"{PersonName.Protected}: ", Assert.IsType<ReviewResult.Done>(answered).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyRegisterPersonSearch_FindsAProtectedPersonByPersonnummerOnly_ShownAsSkyddadPerson()
    {
        await ProtectLisaAsync();
        var keys = KeyServices.Queries(World.Database, "operator", World.Clock);

        Assert.Empty(await keys.FindEmployeesAsync("Lisa", Ct));
        var found = Assert.Single(await keys.FindEmployeesAsync(OrderRequests.Pnr1990, Ct));
        Assert.Equal((_lisaId, PersonName.Protected, "19900101-****"), (found.Id, found.FullName, found.MaskedPersonnummer));
        Assert.Equal(Jonas, Assert.Single(await keys.FindEmployeesAsync("Jonas", Ct)).FullName);
    }

    [Fact]
    public async Task AuditLog_NamesTheProtectedPerson_AsSkyddadPerson_WhereItLooksTheNameUp()
    {
        await ProtectLisaAsync();
        var log = AppServices.AuditLog(World.Database, "operator");

        var page = await log.SearchAsync(new SocItConsole.Admin.Features.Audit.AuditQuery { EntityType = "Employee" }, 0, 50, Ct);

        var marked = page.Items.Single(e => e.Action == "Employee.Protected");
        Assert.Equal(PersonName.Protected, marked.Entity);
        Assert.DoesNotContain(page.Items, e => e.Entity.Contains(Lisa, StringComparison.Ordinal));
    }

    private Task<EmployeeResult> ProtectLisaAsync() => Register("operator").SetProtectionAsync(_lisaId, isProtected: true, Reason, Ct);

    private EmployeeRegister Register(string user) => AppServices.EmployeeRegister(World.Database, user, World.Clock);

    private Outbox Outbox() =>
        new(World.Database, AppServices.CurrentUser("operator"), AppServices.FollowUpRun(World.Database, World.Mail, World.Clock),
            AppServices.JobRunner(World.Database, World.Clock), new AuditTrail(World.Clock), World.Clock);
}
