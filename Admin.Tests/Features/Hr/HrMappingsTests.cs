using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Hr;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Hr;
using TestContext = Xunit.TestContext;

namespace SocItConsole.Admin.Tests.Features.Hr;

/// <summary>The HR mappings service on the demo organisation: each decision checked, saved and audited, or refused.</summary>
public sealed class HrMappingsTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(AppServices.Clock());
    }

    public ValueTask DisposeAsync()
    {
        _database.Dispose();
        return ValueTask.CompletedTask;
    }

    internal static async Task<int> AddPendingAsync(
        TestDatabase database, HrMappingKind kind, string value, string? suggestion = null, DateTimeOffset? seen = null)
    {
        await using var db = database.CreateDbContext();
        int? suggestedId = suggestion is null ? null
            : kind == HrMappingKind.Unit
                ? await db.Units.Where(u => u.Name == suggestion).Select(u => u.Id).SingleAsync()
                : await db.JobTitles.Where(t => t.Name == suggestion).Select(t => t.Id).SingleAsync();
        var mapping = new HrMapping(kind, value, suggestedId, suggestion, seen ?? AppServices.Clock().GetUtcNow().AddDays(-2), null);
        db.HrMappings.Add(mapping);
        await db.SaveChangesAsync();
        return mapping.Id;
    }

    [Fact]
    public async Task Map_ToAnActiveUnit_MapsIt_AndRecordsOneEntry()
    {
        var id = await AddPendingAsync(_database, HrMappingKind.Unit, "ORG 4711");
        var centrum = await UnitIdAsync("Hemtjänst Centrum");

        var result = await Service("admin").MapAsync(id, centrum, Ct);

        Assert.IsType<HrMappingResult.Done>(result);
        var mapping = await MappingAsync(id);
        Assert.Equal((HrMappingStatus.Mapped, centrum, "Hemtjänst Centrum"), (mapping.Status, mapping.TargetId, mapping.TargetName));
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal(("HrMapping.Mapped", "HrMapping", id.ToString(CultureInfo.InvariantCulture)), (entry.Action, entry.EntityType, entry.EntityId));
        Assert.Contains("Pending", entry.Before, StringComparison.Ordinal);
        Assert.Contains("Hemtjänst Centrum", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_ToAnUnknownOrInactiveTarget_IsRefusedByItsId_AndNothingChanges()
    {
        var id = await AddPendingAsync(_database, HrMappingKind.Title, "Usk natt");
        int inactive;
        await using (var db = _database.CreateDbContext())
        {
            var title = await db.JobTitles.FirstAsync(t => t.IsActive, Ct);
            title.Deactivate();
            await db.SaveChangesAsync(Ct);
            inactive = title.Id;
        }

        var unknown = await Service("admin").MapAsync(id, 999_999, Ct);
        var deactivated = await Service("admin").MapAsync(id, inactive, Ct);

        Assert.Equal("Titeln finns inte eller är inaktiv. Välj en aktiv titel.", Assert.IsType<HrMappingResult.Refused>(unknown).Message);
        Assert.IsType<HrMappingResult.Refused>(deactivated);
        Assert.Equal(HrMappingStatus.Pending, (await MappingAsync(id)).Status);
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Map_AUnitIdForATitle_IsRefused()
    {
        var id = await AddPendingAsync(_database, HrMappingKind.Title, "Usk natt");
        var unitOnly = await UnitIdAsync("Hemtjänst Centrum") + 100_000;

        Assert.IsType<HrMappingResult.Refused>(await Service("admin").MapAsync(id, unitOnly, Ct));
    }

    [Fact]
    public async Task Ignore_PutsTheValueOutsideSocItsRemit_AndIsAudited()
    {
        var id = await AddPendingAsync(_database, HrMappingKind.Unit, "KST 8000 Fritid");

        var result = await Service("admin").IgnoreAsync(id, Ct);

        Assert.Equal("HR-värdet \"KST 8000 Fritid\" markerades som utanför Soc-IT:s uppdrag.", Assert.IsType<HrMappingResult.Done>(result).Message);
        Assert.Equal(HrMappingStatus.Ignored, (await MappingAsync(id)).Status);
        Assert.Equal("HrMapping.Ignored", Assert.Single(await AuditAsync()).Action);
    }

    [Fact]
    public async Task Reopen_ADecision_MakesItWaitAgain_AndReopeningAWaitingOneIsRefused()
    {
        var id = await AddPendingAsync(_database, HrMappingKind.Unit, "KST 8000 Fritid");
        var service = Service("admin");
        await service.IgnoreAsync(id, Ct);

        var reopened = await service.ReopenAsync(id, Ct);
        var again = await service.ReopenAsync(id, Ct);

        Assert.IsType<HrMappingResult.Done>(reopened);
        Assert.Equal("Kopplingen väntar redan på beslut.", Assert.IsType<HrMappingResult.Refused>(again).Message);
        var mapping = await MappingAsync(id);
        Assert.Equal((HrMappingStatus.Pending, (int?)null), (mapping.Status, mapping.TargetId));
        Assert.Equal(["HrMapping.Ignored", "HrMapping.Reopened"], (await AuditAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task Add_MapsAValueBeforeHrsFileHasIt_AndTheSameValueTwiceIsRefused()
    {
        var title = await TitleIdAsync("Undersköterska");
        var service = Service("admin");

        var added = await service.AddAsync(HrMappingKind.Title, "  Undersköterska   natt ", title, Ct);
        var twice = await service.AddAsync(HrMappingKind.Title, "UNDERSKÖTERSKA NATT", title, Ct);
        var blank = await service.AddAsync(HrMappingKind.Title, " ", title, Ct);

        var id = Assert.IsType<HrMappingResult.Done>(added).Id;
        var mapping = await MappingAsync(id);
        Assert.Equal(("Undersköterska   natt", "UNDERSKÖTERSKA NATT", HrMappingStatus.Mapped, (int?)title), (mapping.HrValue, mapping.Key, mapping.Status, mapping.TargetId));
        Assert.Equal("HR-värdet \"UNDERSKÖTERSKA NATT\" har redan en koppling. Sök fram den i listan.", Assert.IsType<HrMappingResult.Refused>(twice).Message);
        Assert.Equal("Ange HR-värdet, som det står i HR-filen.", Assert.IsType<HrMappingResult.Refused>(blank).Message);
        Assert.Equal("HrMapping.Added", Assert.Single(await AuditAsync()).Action);
    }

    [Theory]
    [InlineData("operator")]
    [InlineData("chef1")]
    public async Task NonAdministrator_IsRefused_AndNothingIsRecorded(string user)
    {
        var id = await AddPendingAsync(_database, HrMappingKind.Unit, "ORG 4711");
        var service = Service(user);
        var centrum = await UnitIdAsync("Hemtjänst Centrum");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.MapAsync(id, centrum, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.IgnoreAsync(id, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ListAsync(HrMappingKind.Unit, null, 0, 25, Ct));
        Assert.Equal(HrMappingStatus.Pending, (await MappingAsync(id)).Status);
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task List_ShowsWaitingOnesFirst_CountsThemPerKind_AndSearches()
    {
        var service = Service("admin");
        var mapped = await AddPendingAsync(_database, HrMappingKind.Unit, "AAA mappad");
        await service.MapAsync(mapped, await UnitIdAsync("Hemtjänst Centrum"), Ct);
        var ignored = await AddPendingAsync(_database, HrMappingKind.Unit, "BBB utanför");
        await service.IgnoreAsync(ignored, Ct);
        await AddPendingAsync(_database, HrMappingKind.Unit, "ZZZ väntar", "Hemtjänst Centrum");
        await AddPendingAsync(_database, HrMappingKind.Title, "Usk natt");

        var page = await service.ListAsync(HrMappingKind.Unit, null, 0, 25, Ct);
        var searched = await service.ListAsync(HrMappingKind.Unit, "centrum", 0, 25, Ct);

        Assert.Equal(["ZZZ väntar", "AAA mappad", "BBB utanför"], page.Rows.Select(r => r.HrValue));
        Assert.Equal((3, 1, 1), (page.Total, page.UnitsWaiting, page.TitlesWaiting));
        Assert.Equal("Hemtjänst Centrum", page.Rows[0].SuggestedTargetName);
        Assert.Equal(["ZZZ väntar", "AAA mappad"], searched.Rows.Select(r => r.HrValue));
    }

    [Fact]
    public async Task Automatic_ListsEachActiveUnitsCostCentre()
    {
        var automatic = await Service("admin").AutomaticAsync(HrMappingKind.Unit, Ct);

        await using var db = _database.CreateDbContext();
        var centrum = await db.Units.SingleAsync(u => u.Name == "Hemtjänst Centrum", Ct);
        Assert.Contains(new HrAutomaticMapping(centrum.CostCentre, "Hemtjänst Centrum"), automatic);
    }

    private HrMappings Service(string user) =>
        new(_database, AppServices.CurrentUser(user), AppServices.AuditedChange(_database, user));

    private async Task<HrMapping> MappingAsync(int id)
    {
        await using var db = _database.CreateDbContext();
        return await db.HrMappings.AsNoTracking().SingleAsync(m => m.Id == id, Ct);
    }

    private async Task<int> UnitIdAsync(string name)
    {
        await using var db = _database.CreateDbContext();
        return await db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync(Ct);
    }

    private async Task<int> TitleIdAsync(string name)
    {
        await using var db = _database.CreateDbContext();
        return await db.JobTitles.Where(t => t.Name == name).Select(t => t.Id).SingleAsync(Ct);
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.AuditEntries.Where(e => e.Action.StartsWith("HrMapping.")).OrderBy(e => e.Id).ToListAsync(Ct);
    }
}
