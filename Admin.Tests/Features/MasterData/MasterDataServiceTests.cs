using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Features.MasterData;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Matrix;

namespace SocItConsole.Admin.Tests.Features.MasterData;

public sealed class MasterDataServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);
    private static readonly CancellationToken Ct = CancellationToken.None;
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public ValueTask DisposeAsync()
    {
        _database.Dispose();
        return ValueTask.CompletedTask;
    }

    // IT systems

    [Fact]
    public async Task CreateSystem_StoresItWithItsLevels_AndOneAuditEntry()
    {
        var result = await Service().CreateSystemAsync(
            SystemInput("Procapita", "Verksamhetssystem", "Supporten", levels: ["Läsare", "Handläggare"]), Ct);

        Assert.True(result.Succeeded, result.Error);
        await using var db = _database.CreateDbContext();
        var system = await db.ItSystems.Include(s => s.Levels).SingleAsync(s => s.Id == result.Id, Ct);
        Assert.Equal("Procapita", system.Name);
        Assert.Equal("Supporten", system.Contact);
        Assert.Equal(["Läsare", "Handläggare"], system.Levels.Select(l => l.Name));
        var entry = Assert.Single(await db.AuditEntries.ToListAsync(Ct));
        Assert.Equal("ItSystem.Created", entry.Action);
        Assert.Equal(nameof(ItSystem), entry.EntityType);
        Assert.Equal(result.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Equal("Johan Berg", entry.ActorName);
        Assert.Equal(Now, entry.OccurredAt);
        Assert.Null(entry.Before);
        Assert.Equal("Procapita", Json(entry.After).GetProperty("Name").GetString());
    }

    [Fact]
    public async Task UpdateSystem_RenamesAddsAndRemovesLevels_AndRecordsBeforeAndAfter()
    {
        var service = Service();
        var created = await service.CreateSystemAsync(SystemInput("Procapita", levels: ["Läsare", "Handläggare", "Admin"]), Ct);
        var levels = await LevelsAsync(created.Id);

        var result = await service.UpdateSystemAsync(created.Id, SystemInput(
            "Procapita IFO", "Nytt namn", null, requiresDigitalKeys: false,
            new SystemLevelInput(levels["Läsare"], "Läsbehörighet"),
            new SystemLevelInput(levels["Handläggare"], "Handläggare"),
            new SystemLevelInput(null, "Systemförvaltare")), Ct);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["Läsbehörighet", "Handläggare", "Systemförvaltare"], (await LevelsAsync(created.Id)).Keys);
        Assert.Equal(levels["Läsare"], (await LevelsAsync(created.Id))["Läsbehörighet"]);
        var entry = (await AuditAsync()).Last();
        Assert.Equal("ItSystem.Updated", entry.Action);
        Assert.Equal("Procapita", Json(entry.Before).GetProperty("Name").GetString());
        Assert.Equal("Procapita IFO", Json(entry.After).GetProperty("Name").GetString());
        Assert.Equal(
            ["Läsbehörighet", "Handläggare", "Systemförvaltare"],
            Json(entry.After).GetProperty("Levels").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task UpdateSystem_CanReplaceItsOnlyLevel()
    {
        var service = Service();
        var created = await service.CreateSystemAsync(SystemInput("Procapita"), Ct);

        var result = await service.UpdateSystemAsync(created.Id, SystemInput("Procapita", levels: ["Användare"]), Ct);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["Användare"], (await LevelsAsync(created.Id)).Keys);
    }

    [Theory]
    [InlineData("lifecare")]
    [InlineData("LIFECARE")]
    [InlineData("  Lifecare ")]
    public async Task CreateSystem_IsRefused_WhenTheNameIsTakenInAnyCase(string name)
    {
        var result = await Service().CreateSystemAsync(SystemInput(name), Ct);

        Assert.False(result.Succeeded);
        Assert.Equal("Det finns redan ett system som heter \"Lifecare\".", result.Error);
        await AssertNothingRecordedAsync();
    }

    [Fact]
    public async Task UpdateSystem_IsRefused_WhenRenamedToAnotherSystemsName_AndNothingChanges()
    {
        var result = await Service().UpdateSystemAsync(SystemId("Combine"), SystemInput("appva"), Ct);

        Assert.Equal("Det finns redan ett system som heter \"Appva\".", result.Error);
        await using var db = _database.CreateDbContext();
        Assert.True(await db.ItSystems.AnyAsync(s => s.Name == "Combine", Ct));
        await AssertNothingRecordedAsync();
    }

    [Theory]
    [InlineData("", "Systemets namn måste anges.")]
    [InlineData("En mycket lång systembeteckning som inte ryms i sextio tecken alls", "Systemets namn får vara högst 60 tecken.")]
    public async Task CreateSystem_IsRefused_WithTheDomainsMessage_ForABadName(string name, string message)
    {
        var result = await Service().CreateSystemAsync(SystemInput(name), Ct);

        Assert.Equal(message, result.Error);
        await AssertNothingRecordedAsync();
    }

    [Fact]
    public async Task SaveSystem_IsRefused_WithoutLevels_OrWithTheSameLevelTwice()
    {
        var service = Service();

        var none = await service.CreateSystemAsync(SystemInput("Procapita", levels: []), Ct);
        var twice = await service.CreateSystemAsync(SystemInput("Procapita", levels: ["Läsare", "läsare "]), Ct);

        Assert.Equal("Systemet måste ha minst en nivå.", none.Error);
        Assert.Equal("Nivån \"Läsare\" står med mer än en gång.", twice.Error);
        await AssertNothingRecordedAsync();
    }

    [Fact]
    public async Task UpdateSystem_RefusesToRemoveALevel_ThatMatrixCellsUse_AndSaysHowMany()
    {
        var service = Service();
        var created = await service.CreateSystemAsync(SystemInput("Procapita", levels: ["Läsare", "Handläggare"]), Ct);
        var levels = await LevelsAsync(created.Id);
        await AddMatrixEntryAsync("Undersköterska", created.Id, levels["Handläggare"]);
        await AddMatrixEntryAsync("Sjuksköterska", created.Id, levels["Handläggare"]);
        var auditBefore = (await AuditAsync()).Count;

        var result = await service.UpdateSystemAsync(
            created.Id, SystemInput("Procapita", null, null, false, new SystemLevelInput(levels["Läsare"], "Läsare")), Ct);

        Assert.False(result.Succeeded);
        Assert.StartsWith("Nivån \"Handläggare\" används i 2 celler i matrisen och kan inte tas bort.", result.Error, StringComparison.Ordinal);
        Assert.Equal(["Läsare", "Handläggare"], (await LevelsAsync(created.Id)).Keys);
        Assert.Equal(auditBefore, (await AuditAsync()).Count);
    }

    [Fact]
    public async Task DeleteSystem_IsRefused_WhileAUnitUsesIt_AndSaysToDeactivateInstead()
    {
        var system = (await Service().CreateSystemAsync(SystemInput("Procapita"), Ct)).Id;
        await Service().CreateUnitAsync(UnitInput("Hemtjänst Norr", systemIds: [system]), Ct);
        var auditBefore = (await AuditAsync()).Count;

        var result = await Service().DeleteSystemAsync(system, Ct);

        Assert.Equal(
            "Procapita kan inte tas bort eftersom det används av 1 verksamhet. Inaktivera systemet i stället.", result.Error);
        await using var db = _database.CreateDbContext();
        Assert.True(await db.ItSystems.AnyAsync(s => s.Id == system, Ct));
        Assert.Equal(auditBefore, (await AuditAsync()).Count);
    }

    [Fact]
    public async Task DeleteSystem_IsRefused_WhileTheMatrixUsesIt()
    {
        var lifecare = SystemId("Lifecare");
        await AddMatrixEntryAsync("Undersköterska", lifecare, (await LevelsAsync(lifecare))["Standard"]);

        var result = await Service().DeleteSystemAsync(lifecare, Ct);

        Assert.Equal(
            "Lifecare kan inte tas bort eftersom det används i 1 cell i matrisen. Inaktivera systemet i stället.", result.Error);
    }

    [Fact]
    public async Task DeleteSystem_RemovesAnUnusedSystemWithItsLevels_AndRecordsIt()
    {
        var created = await Service().CreateSystemAsync(SystemInput("Procapita", levels: ["Läsare", "Handläggare"]), Ct);

        var result = await Service().DeleteSystemAsync(created.Id, Ct);

        Assert.True(result.Succeeded, result.Error);
        await using var db = _database.CreateDbContext();
        Assert.False(await db.ItSystems.AnyAsync(s => s.Id == created.Id, Ct));
        Assert.False(await db.SystemLevels.AnyAsync(l => l.Name == "Läsare", Ct));
        var entry = (await AuditAsync()).Last();
        Assert.Equal("ItSystem.Deleted", entry.Action);
        Assert.Equal("IT-systemet Procapita togs bort.", entry.Summary);
        Assert.NotNull(entry.Before);
        Assert.Null(entry.After);
    }

    [Fact]
    public async Task SetSystemActive_DeactivatesAndActivates_WithOneEntryEach()
    {
        var lifecare = SystemId("Lifecare");

        var deactivated = await Service().SetSystemActiveAsync(lifecare, active: false, Ct);
        var inactive = await IsActiveAsync(lifecare);
        var activated = await Service().SetSystemActiveAsync(lifecare, active: true, Ct);

        Assert.True(deactivated.Succeeded && activated.Succeeded);
        Assert.False(inactive);
        Assert.True(await IsActiveAsync(lifecare));
        var entries = await AuditAsync();
        Assert.Equal(["ItSystem.Deactivated", "ItSystem.Activated"], entries.Select(e => e.Action));
        Assert.Equal("IT-systemet Lifecare inaktiverades.", entries[0].Summary);
        Assert.False(Json(entries[0].After).GetProperty("IsActive").GetBoolean());
    }

    [Fact]
    public async Task SavingWithoutAChange_LeavesNoAuditEntry()
    {
        var service = Service();
        var lifecare = SystemId("Lifecare");
        var level = (await LevelsAsync(lifecare))["Standard"];

        var result = await service.UpdateSystemAsync(
            lifecare, SystemInput("Lifecare", null, null, false, new SystemLevelInput(level, "Standard")), Ct);
        await service.SetSystemActiveAsync(lifecare, active: true, Ct);

        Assert.True(result.Succeeded, result.Error);
        await AssertNothingRecordedAsync();
    }

    // Job titles

    [Fact]
    public async Task CreateAndRenameTitle_StoresIt_WithOneAuditEntryEach()
    {
        var service = Service();

        var created = await service.CreateTitleAsync(new JobTitleInput(" Kurator "), Ct);
        var renamed = await service.UpdateTitleAsync(created.Id, new JobTitleInput("Skolkurator"), Ct);

        Assert.True(renamed.Succeeded, renamed.Error);
        await using var db = _database.CreateDbContext();
        Assert.Equal("Skolkurator", (await db.JobTitles.SingleAsync(t => t.Id == created.Id, Ct)).Name);
        var entries = await AuditAsync();
        Assert.Equal(["JobTitle.Created", "JobTitle.Updated"], entries.Select(e => e.Action));
        Assert.Equal("Titeln Kurator bytte namn till Skolkurator.", entries[1].Summary);
        Assert.Equal("Kurator", Json(entries[1].Before).GetProperty("Name").GetString());
        Assert.Equal("Skolkurator", Json(entries[1].After).GetProperty("Name").GetString());
    }

    [Fact]
    public async Task CreateTitle_IsRefused_WhenTheNameIsTaken_IgnoringCaseOfSwedishLetters()
    {
        var service = Service();
        await service.CreateTitleAsync(new JobTitleInput("Äldrepedagog"), Ct);

        var result = await service.CreateTitleAsync(new JobTitleInput("äLDREPEDAGOG"), Ct);

        Assert.Equal("Det finns redan en titel som heter \"Äldrepedagog\".", result.Error);
        Assert.Single(await AuditAsync());
    }

    [Fact]
    public async Task DeleteTitle_IsRefused_WhileTheMatrixUsesIt_AndAllowedOtherwise()
    {
        var service = Service();
        var used = (await service.CreateTitleAsync(new JobTitleInput("Undersköterska"), Ct)).Id;
        var unused = (await service.CreateTitleAsync(new JobTitleInput("Kurator"), Ct)).Id;
        var lifecare = SystemId("Lifecare");
        await AddMatrixEntryAsync(used, lifecare, (await LevelsAsync(lifecare))["Standard"]);

        var refused = await service.DeleteTitleAsync(used, Ct);
        var deleted = await service.DeleteTitleAsync(unused, Ct);

        Assert.Equal(
            "Undersköterska kan inte tas bort eftersom den används i 1 cell i matrisen. Inaktivera titeln i stället.",
            refused.Error);
        Assert.True(deleted.Succeeded, deleted.Error);
        await using var db = _database.CreateDbContext();
        Assert.Equal(["Undersköterska"], await db.JobTitles.Select(t => t.Name).ToListAsync(Ct));
        Assert.Equal(["JobTitle.Created", "JobTitle.Created", "JobTitle.Deleted"], (await AuditAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task SetTitleActive_Deactivates_WithAnAuditEntry()
    {
        var service = Service();
        var title = (await service.CreateTitleAsync(new JobTitleInput("Kurator"), Ct)).Id;

        var result = await service.SetTitleActiveAsync(title, active: false, Ct);

        Assert.True(result.Succeeded, result.Error);
        await using var db = _database.CreateDbContext();
        Assert.False((await db.JobTitles.SingleAsync(t => t.Id == title, Ct)).IsActive);
        Assert.Equal("JobTitle.Deactivated", (await AuditAsync()).Last().Action);
    }

    // Units

    [Fact]
    public async Task CreateUnit_StoresManagersRepresentativeAndSystems()
    {
        var lifecare = SystemId("Lifecare");
        var appva = SystemId("Appva");

        var result = await Service().CreateUnitAsync(UnitInput(
            "Hemtjänst Norr",
            managers: [new ContactInput("Anna Lindqvist", "Anna.Lindqvist@kommun.example"), new ContactInput("", " ")],
            representative: new ContactInput("Petra Olsson", "petra.olsson@kommun.example"),
            systemIds: [lifecare, appva]), Ct);

        Assert.True(result.Succeeded, result.Error);
        await using var db = _database.CreateDbContext();
        var unit = await db.Units.Include(u => u.Systems).SingleAsync(u => u.Id == result.Id, Ct);
        Assert.Equal("anna.lindqvist@kommun.example", Assert.Single(unit.Managers).Email.Value);
        Assert.Equal("Petra Olsson", unit.MobileRepresentative?.Name);
        Assert.Equal(["Appva", "Lifecare"], unit.Systems.Select(s => s.Name).Order());
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal("Unit.Created", entry.Action);
        Assert.Equal(
            ["Appva", "Lifecare"], Json(entry.After).GetProperty("Systems").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task UpdateUnit_ReplacesManagersAndSystems_AndClearsTheRepresentative()
    {
        var service = Service();
        var created = await service.CreateUnitAsync(UnitInput(
            "Hemtjänst Norr", representative: new ContactInput("Petra Olsson", "petra.olsson@kommun.example"),
            systemIds: [SystemId("Lifecare")]), Ct);

        var result = await service.UpdateUnitAsync(created.Id, UnitInput(
            "Hemtjänst Norra", costCentre: "4150-B",
            managers: [new ContactInput("Erik Johansson", "erik.johansson@kommun.example")],
            systemIds: [SystemId("Combine")]), Ct);

        Assert.True(result.Succeeded, result.Error);
        await using var db = _database.CreateDbContext();
        var unit = await db.Units.Include(u => u.Systems).SingleAsync(u => u.Id == created.Id, Ct);
        Assert.Equal(("Hemtjänst Norra", "4150-B"), (unit.Name, unit.CostCentre));
        Assert.Equal("Erik Johansson", Assert.Single(unit.Managers).Name);
        Assert.Null(unit.MobileRepresentative);
        Assert.Equal("Combine", Assert.Single(unit.Systems).Name);
        var entry = (await AuditAsync()).Last();
        Assert.Equal("Unit.Updated", entry.Action);
        Assert.Equal("Hemtjänst Norr", Json(entry.Before).GetProperty("Name").GetString());
    }

    [Fact]
    public async Task CreateUnit_IsRefused_WithoutAManager()
    {
        var result = await Service().CreateUnitAsync(UnitInput("Hemtjänst Norr", managers: [new ContactInput(" ", "")]), Ct);

        Assert.Equal("Hemtjänst Norr måste ha minst en ansvarig chef.", result.Error);
        await AssertNothingRecordedAsync();
        await using var db = _database.CreateDbContext();
        Assert.False(await db.Units.AnyAsync(Ct));
    }

    [Theory]
    [InlineData("anna.lindqvist", "\"anna.lindqvist\" är inte en giltig e-postadress.")]
    [InlineData("anna@kommun", "\"anna@kommun\" är inte en giltig e-postadress.")]
    [InlineData("", "Ange både namn och e-postadress för varje chef.")]
    public async Task CreateUnit_IsRefused_ForAManagerWithoutAValidEmail(string email, string message)
    {
        var result = await Service().CreateUnitAsync(
            UnitInput("Hemtjänst Norr", managers: [new ContactInput("Anna Lindqvist", email)]), Ct);

        Assert.Equal(message, result.Error);
        await AssertNothingRecordedAsync();
    }

    [Fact]
    public async Task SaveUnit_IsRefused_ForAHalfFilledRepresentative_ABadCostCentre_OrATakenName()
    {
        var service = Service();
        await service.CreateUnitAsync(UnitInput("Hemtjänst Norr"), Ct);

        var representative = await service.CreateUnitAsync(
            UnitInput("Hemtjänst Syd", representative: new ContactInput("Petra Olsson", "")), Ct);
        var costCentre = await service.CreateUnitAsync(UnitInput("Hemtjänst Syd", costCentre: "41 10"), Ct);
        var taken = await service.CreateUnitAsync(UnitInput("HEMTJÄNST NORR"), Ct);

        Assert.Equal("Ange både namn och e-postadress för mobilombudet, eller lämna båda tomma.", representative.Error);
        Assert.Equal("Kostnadsstället får bara innehålla siffror, bokstäver och bindestreck.", costCentre.Error);
        Assert.Equal("Det finns redan en verksamhet som heter \"Hemtjänst Norr\".", taken.Error);
        Assert.Single(await AuditAsync());
    }

    [Fact]
    public async Task CreateUnit_IsRefused_ForAnInactiveSystem()
    {
        var lifecare = SystemId("Lifecare");
        await Service().SetSystemActiveAsync(lifecare, active: false, Ct);

        var result = await Service().CreateUnitAsync(UnitInput("Hemtjänst Norr", systemIds: [lifecare]), Ct);

        Assert.Equal("Lifecare är inaktiverat och kan inte kopplas till en verksamhet.", result.Error);
    }

    [Fact]
    public async Task SetUnitActive_AndDeleteUnit_RecordOneEntryEach()
    {
        var service = Service();
        var unit = (await service.CreateUnitAsync(UnitInput("Hemtjänst Norr", systemIds: [SystemId("Lifecare")]), Ct)).Id;

        var deactivated = await service.SetUnitActiveAsync(unit, active: false, Ct);
        var deleted = await service.DeleteUnitAsync(unit, Ct);

        Assert.True(deactivated.Succeeded && deleted.Succeeded);
        await using var db = _database.CreateDbContext();
        Assert.False(await db.Units.AnyAsync(Ct));
        Assert.True(await db.ItSystems.AnyAsync(s => s.Id == SystemId("Lifecare"), Ct));
        Assert.Equal(["Unit.Created", "Unit.Deactivated", "Unit.Deleted"], (await AuditAsync()).Select(e => e.Action));
    }

    // Authorization

    [Fact]
    public async Task AnOperator_CannotChangeMasterData_AndNothingChanges()
    {
        var service = Service("operator");
        var lifecare = SystemId("Lifecare");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.CreateSystemAsync(SystemInput("Procapita"), Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.SetSystemActiveAsync(lifecare, false, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.DeleteSystemAsync(lifecare, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.CreateTitleAsync(new JobTitleInput("Kurator"), Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.CreateUnitAsync(UnitInput("Hemtjänst Norr"), Ct));

        Assert.True(await IsActiveAsync(lifecare));
        await using var db = _database.CreateDbContext();
        Assert.False(await db.ItSystems.AnyAsync(s => s.Name == "Procapita", Ct));
        Assert.False(await db.JobTitles.AnyAsync(Ct));
        Assert.False(await db.Units.AnyAsync(Ct));
        await AssertNothingRecordedAsync();
    }

    // Helpers

    private MasterDataService Service(string user = "admin") =>
        new(AppServices.AuditedChange(_database, CurrentUserFor(user), new FakeTimeProvider(Now)));

    private static CurrentUser CurrentUserFor(string userName)
    {
        var services = new ServiceCollection().AddAuthorizationCore(Policies.Configure).AddLogging().BuildServiceProvider();
        return new CurrentUser(
            new FixedAuthenticationState(DevUsers.Find(userName)!.ToPrincipal()),
            new HttpContextAccessor(),
            services.GetRequiredService<IAuthorizationService>(),
            NullLoggerFactory.Instance);
    }

    private static ItSystemInput SystemInput(
        string name, string? description = null, string? contact = null, string[]? levels = null) =>
        new(name, description, contact, false, [.. (levels ?? ["Standard"]).Select(l => new SystemLevelInput(null, l))]);

    private static ItSystemInput SystemInput(
        string name, string? description, string? contact, bool requiresDigitalKeys, params SystemLevelInput[] levels) =>
        new(name, description, contact, requiresDigitalKeys, levels);

    private static UnitInput UnitInput(
        string name,
        string costCentre = "4110",
        ContactInput[]? managers = null,
        ContactInput? representative = null,
        int[]? systemIds = null) =>
        new(name, "Hemtjänst", costCentre, true,
            managers ?? [new ContactInput("Anna Lindqvist", "anna.lindqvist@kommun.example")],
            representative, systemIds ?? []);

    private int SystemId(string name)
    {
        using var db = _database.CreateDbContext();
        return db.ItSystems.Single(s => s.Name == name).Id;
    }

    private async Task<Dictionary<string, int>> LevelsAsync(int systemId)
    {
        await using var db = _database.CreateDbContext();
        var system = await db.ItSystems.Include(s => s.Levels).SingleAsync(s => s.Id == systemId, Ct);
        return system.Levels.ToDictionary(l => l.Name, l => l.Id);
    }

    private async Task<bool> IsActiveAsync(int systemId)
    {
        await using var db = _database.CreateDbContext();
        return (await db.ItSystems.SingleAsync(s => s.Id == systemId, Ct)).IsActive;
    }

    private async Task AddMatrixEntryAsync(string titleName, int systemId, int levelId)
    {
        await using var db = _database.CreateDbContext();
        var title = new JobTitle(titleName);
        db.JobTitles.Add(title);
        await db.SaveChangesAsync(Ct);
        db.MatrixEntries.Add(new MatrixEntry(title.Id, systemId, levelId));
        await db.SaveChangesAsync(Ct);
    }

    private async Task AddMatrixEntryAsync(int titleId, int systemId, int levelId)
    {
        await using var db = _database.CreateDbContext();
        db.MatrixEntries.Add(new MatrixEntry(titleId, systemId, levelId));
        await db.SaveChangesAsync(Ct);
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.AuditEntries.OrderBy(e => e.Id).ToListAsync(Ct);
    }

    private async Task AssertNothingRecordedAsync() => Assert.Empty(await AuditAsync());

    private static JsonElement Json(string? json) => JsonDocument.Parse(json!).RootElement;

    private sealed class FixedAuthenticationState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(user));
    }
}
