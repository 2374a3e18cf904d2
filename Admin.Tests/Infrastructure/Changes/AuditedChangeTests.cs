using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Changes;
using SocItConsole.Admin.Tests.Integration;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.MasterData;

namespace SocItConsole.Admin.Tests.Infrastructure.Changes;

public sealed class AuditedChangeTests : IAsyncLifetime
{
    private const string ConflictMessage = "Titeln har ändrats av någon annan. Ladda om sidan och försök igen.";
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static readonly ChangeRules<Outcome> Rules = new(
        Policies.Administrator, ConflictMessage, m => new Outcome("refused", m), m => new Outcome("conflict", m));

    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public ValueTask DisposeAsync()
    {
        _database.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Run_SavesTheChange_TogetherWithItsAuditEntry()
    {
        var outcome = await Runner("admin").RunAsync(Rules, c =>
        {
            c.Db.JobTitles.Add(new JobTitle("Fotvårdare"));
            c.Audit("JobTitle.Created", "JobTitle", "1", "Titeln Fotvårdare lades till.", null, new { Name = "Fotvårdare" });
            return Task.FromResult(new Outcome("done", "Sparat."));
        }, Ct);

        Assert.Equal(new Outcome("done", "Sparat."), outcome);
        await using var db = _database.CreateDbContext();
        Assert.Equal("Fotvårdare", Assert.Single(await db.JobTitles.Select(t => t.Name).ToListAsync(Ct)));
        var entry = Assert.Single(await db.AuditEntries.ToListAsync(Ct));
        Assert.Equal("JobTitle.Created", entry.Action);
        Assert.Equal("Titeln Fotvårdare lades till.", entry.Summary);
        Assert.Equal(DevUsers.Find("admin")!.DisplayName, entry.ActorName);
    }

    [Fact]
    public async Task Run_SavesTheEntriesOfRelatedRecords_AfterTheChangesOwn()
    {
        await Runner("admin").RunAsync(Rules, c =>
        {
            c.Db.JobTitles.Add(new JobTitle("Fotvårdare"));
            c.AuditRelated("JobTitle.Updated", "JobTitle", "2", "Titeln Fotterapeut ändrades med den.", null, new { Name = "Fotterapeut" });
            c.Audit("JobTitle.Created", "JobTitle", "1", "Titeln Fotvårdare lades till.", null, new { Name = "Fotvårdare" });
            return Task.FromResult(new Outcome("done", "Sparat."));
        }, Ct);

        await using var db = _database.CreateDbContext();
        var entries = await db.AuditEntries.OrderBy(e => e.Id).ToListAsync(Ct);
        Assert.Equal([("JobTitle.Created", "1"), ("JobTitle.Updated", "2")], entries.Select(e => (e.Action, e.EntityId)));
        Assert.All(entries, e => Assert.Equal(DevUsers.Find("admin")!.DisplayName, e.ActorName));
    }

    [Fact]
    public async Task Run_WithOnlyARelatedEntry_SavesNothing()
    {
        await Runner("admin").RunAsync(Rules, c =>
        {
            c.Db.JobTitles.Add(new JobTitle("Fotvårdare"));
            c.AuditRelated("JobTitle.Updated", "JobTitle", "2", "Titeln Fotterapeut ändrades med den.", null, null);
            return Task.FromResult(new Outcome("done", "Sparat."));
        }, Ct);

        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Run_RefusedByThePolicy_RunsNothing_SavesNothing_AndLogsTheSecurityEvent()
    {
        using var logs = new LogSink();
        var ran = false;

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Runner("utanroll", logs).RunAsync(Rules, c =>
        {
            ran = true;
            c.Db.JobTitles.Add(new JobTitle("Fotvårdare"));
            c.Audit("JobTitle.Created", "JobTitle", "1", "Titeln Fotvårdare lades till.", null, null);
            return Task.FromResult(new Outcome("done", "Sparat."));
        }, Ct));

        Assert.False(ran);
        await AssertNothingSavedAsync();
        var denied = Assert.Single(logs.Records, r => r.Category == SecurityLog.Category);
        Assert.Equal(SecurityLog.OperationDeniedId, denied.EventId.Id);
        Assert.Equal(Policies.Administrator, denied.Values.GetValueOrDefault("Policy"));
    }

    [Fact]
    public async Task Run_ReportsADomainRefusal_AsItsSwedishMessage_AndSavesNothing()
    {
        var outcome = await Runner("admin").RunAsync<Outcome>(Rules, c =>
        {
            c.Db.JobTitles.Add(new JobTitle("Fotvårdare"));
            c.Audit("JobTitle.Created", "JobTitle", "1", "Titeln Fotvårdare lades till.", null, null);
            throw new DomainException("Titeln får inte vara tom.");
        }, Ct);

        Assert.Equal(new Outcome("refused", "Titeln får inte vara tom."), outcome);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Run_ReportsAStaleVersion_AsTheFeaturesConflictMessage_AndSavesNothing()
    {
        var outcome = await Runner("admin").RunAsync<Outcome>(Rules, c =>
        {
            c.Db.JobTitles.Add(new JobTitle("Fotvårdare"));
            throw new StaleChangeException();
        }, Ct);

        Assert.Equal(new Outcome("conflict", ConflictMessage), outcome);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Run_ReportsARowChangedMeanwhile_AsTheConflictMessage_AndLeavesNoAuditEntry()
    {
        var outcome = await Runner("admin").RunAsync(Rules, c =>
        {
            RemoveTitleThatIsGone(c);
            return Task.FromResult(new Outcome("done", "Borttagen."));
        }, Ct);

        Assert.Equal(new Outcome("conflict", ConflictMessage), outcome);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Run_WithASaveFailedMessage_RefusesAFailedSave_WithThatMessage()
    {
        var rules = Rules with { InTransaction = true, SaveFailedMessage = "Ändringen kunde inte sparas." };

        var outcome = await Runner("admin").RunAsync(rules, c =>
        {
            RemoveTitleThatIsGone(c);
            return Task.FromResult(new Outcome("done", "Borttagen."));
        }, Ct);

        Assert.Equal(new Outcome("refused", "Ändringen kunde inte sparas."), outcome);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Run_InATransaction_UndoesAnEarlierSave_WhenTheChangeIsRefused()
    {
        var outcome = await Runner("admin").RunAsync<Outcome>(Rules with { InTransaction = true }, async c =>
        {
            c.Db.JobTitles.Add(new JobTitle("Fotvårdare"));
            await c.Db.SaveChangesAsync(Ct);
            throw new DomainException("Titeln används redan.");
        }, Ct);

        Assert.Equal(new Outcome("refused", "Titeln används redan."), outcome);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Run_SavesNothing_WhenTheChangeRecordsNoAuditEntry()
    {
        var outcome = await Runner("admin").RunAsync(Rules, c =>
        {
            c.Db.JobTitles.Add(new JobTitle("Fotvårdare"));
            return Task.FromResult(new Outcome("done", "Inget ändrades."));
        }, Ct);

        Assert.Equal(new Outcome("done", "Inget ändrades."), outcome);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Audit_Twice_IsAProgrammingError()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Runner("admin").RunAsync(Rules, c =>
        {
            c.Audit("JobTitle.Created", "JobTitle", "1", "Första.", null, null);
            c.Audit("JobTitle.Created", "JobTitle", "1", "Andra.", null, null);
            return Task.FromResult(new Outcome("done", "Sparat."));
        }, Ct));

        await AssertNothingSavedAsync();
    }

    /// <summary>Deletes a title that someone else deleted meanwhile: the save affects no row.</summary>
    private static void RemoveTitleThatIsGone(ChangeContext c)
    {
        var gone = new JobTitle("Borttagen");
        typeof(JobTitle).GetProperty(nameof(JobTitle.Id))!.SetValue(gone, 4711);
        c.Db.JobTitles.Remove(gone);
        c.Audit("JobTitle.Deleted", "JobTitle", "4711", "Titeln Borttagen togs bort.", null, null);
    }

    private async Task AssertNothingSavedAsync()
    {
        await using var db = _database.CreateDbContext();
        Assert.False(await db.JobTitles.AnyAsync(Ct));
        Assert.False(await db.AuditEntries.AnyAsync(Ct));
    }

    private AuditedChange Runner(string userName, LogSink? logs = null)
    {
        var clock = AppServices.Clock();
        var loggers = logs is null ? (ILoggerFactory)NullLoggerFactory.Instance : LoggerFactory.Create(b => b.AddProvider(logs));
        return new AuditedChange(
            _database, AppServices.CurrentUser(userName, loggers), new AuditTrail(clock), clock, NullLogger<AuditedChange>.Instance);
    }

    private sealed record Outcome(string Kind, string Message);
}
