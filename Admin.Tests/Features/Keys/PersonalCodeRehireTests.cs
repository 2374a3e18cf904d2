using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Keys;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Keys;

/// <summary>
/// A person known by personnummer who comes back after leaving: their personal code is kept unless it was revoked.
/// A kept code counts as "har redan personlig kod"; a revoked one does not, and a new one can be given.
/// </summary>
public sealed class PersonalCodeRehireTests : IAsyncLifetime
{
    private static readonly Actor Chef = new("chef1-oid", "Anna Lindqvist");
    private static readonly DateOnly Rehired = new(2027, 1, 11);

    private TestDatabase? _database;
    private CaseWork? _work;
    private int _employeeId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    private CaseWork Work => _work ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(AppServices.Clock());
        _work = AppServices.CaseWork(_database, "operator");
        // Lisa Andersson joins the pool of Hemtjänst Centrum, gets her personal code, and leaves on 2026-12-31.
        await CompleteAsync(await PlaceAsync(OrderRequests.NewUndersköterska()));
        await using (var db = Database.CreateDbContext())
        {
            _employeeId = await db.Employees.Select(e => e.Id).SingleAsync(Ct);
        }

        Assert.IsType<KeyResult.CodeIssued>(await Codes().IssueAsync(_employeeId, Ct));
        // The end case would revoke the code with the last employment; here the operator keeps it (Ej aktuell), so that
        // each test decides whether the code was revoked.
        var end = await PlaceAsync(OrderRequests.Terminate());
        Assert.IsType<CaseResult.Done>(await Work.TakeAsync(end, 0, Ct));
        var details = (await Work.GetAsync(end, Ct))!;
        var version = details.Version;
        foreach (var item in details.Checklist)
        {
            var keep = item.Label == CaseChecklist.RevokeCodeLabel;
            version = Assert.IsType<CaseResult.Done>(await Work.MarkItemAsync(
                end, version, item.Id, keep ? ChecklistState.NotApplicable : ChecklistState.Done, keep ? "Återanställs i januari" : null, Ct)).Version;
        }

        Assert.IsType<CaseResult.Done>(await Work.MoveAsync(end, version, OrderStatus.Completed, null, Ct));
    }

    public ValueTask DisposeAsync()
    {
        _database?.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task AKeptCode_SurvivesTheRehire_AndTheKeyStepDoesNotAskForANewOne()
    {
        var rehire = await PlaceAsync(OrderRequests.NewUndersköterska() with { StartDate = Rehired });

        Assert.Equal("Swedlock: lägg till i verksamhetens nyckelpool (har redan personlig kod)", await KeyStepAsync(rehire));
        await CompleteWorkAsync(rehire);
        var refused = Assert.IsType<KeyResult.Refused>(await Codes().IssueAsync(_employeeId, Ct));
        Assert.StartsWith("Lisa Andersson har redan en personlig kod.", refused.Message, StringComparison.Ordinal);
        Assert.Equal((1, false), await CodeAsync());
    }

    [Fact]
    public async Task ARevokedCode_DoesNotCount_AndTheRehiredPersonIsGivenANewOne()
    {
        await RevokeAsync();
        var rehire = await PlaceAsync(OrderRequests.NewUndersköterska() with { StartDate = Rehired });

        Assert.Equal("Swedlock: lägg till i verksamhetens nyckelpool och ge personlig kod", await KeyStepAsync(rehire));
        await CompleteWorkAsync(rehire);
        var issued = Assert.IsType<KeyResult.CodeIssued>(await Codes().IssueAsync(_employeeId, Ct));

        Assert.Equal("Ny personlig kod gavs till Lisa Andersson (den förra var spärrad).", issued.Message);
        Assert.Equal((2, false), await CodeAsync());
        await using var db = Database.CreateDbContext();
        var code = await db.PersonalCodes.SingleAsync(Ct);
        Assert.True(code.Verify(issued.Code.Reveal()));
        var entry = await db.AuditEntries.Where(a => a.Action == "PersonalCode.Issued").OrderByDescending(a => a.Id).FirstAsync(Ct);
        Assert.Equal(("""{"Version":1,"Revoked":true}""", """{"Version":2,"Revoked":false}"""), (entry.Before, entry.After));
        Assert.DoesNotContain(issued.Code.Reveal(), entry.After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARevokedCode_IsNotReset_ItIsGivenAnew()
    {
        await RevokeAsync();

        var refused = Assert.IsType<KeyResult.Refused>(
            await Codes().ResetAsync(_employeeId, 1, PersonalCodeResetReason.Forgotten, Ct));

        Assert.Equal("Koden är spärrad eftersom anställningen upphörde. Ge en ny kod i stället.", refused.Message);
        Assert.Equal((1, true), await CodeAsync());
    }

    [Fact]
    public async Task TheEmployeePage_SaysTheCodeIsRevoked()
    {
        await RevokeAsync();

        var keys = await KeyServices.Queries(Database, "operator").ForEmployeeAsync(_employeeId, Ct);

        Assert.Equal("Sara Nilsson", keys.Code!.RevokedByName);
        Assert.NotNull(keys.Code.RevokedAt);
    }

    private PersonalCodes Codes() => KeyServices.Codes(Database, "operator");

    /// <summary>The end of the person's last employment revokes the code.</summary>
    private async Task RevokeAsync()
    {
        await using var db = Database.CreateDbContext();
        var code = await db.PersonalCodes.SingleAsync(Ct);
        code.Revoke(new Actor("operator", "Sara Nilsson"), AppServices.Clock().GetUtcNow());
        await db.SaveChangesAsync(Ct);
    }

    private async Task<(int Version, bool Revoked)> CodeAsync()
    {
        await using var db = Database.CreateDbContext();
        var code = await db.PersonalCodes.AsNoTracking().SingleAsync(Ct);
        return (code.Version, code.IsRevoked);
    }

    private async Task<int> PlaceAsync(OrderRequest request)
    {
        var result = await AppServices.OrderIntake(Database).PlaceAsync(request, OrderChannel.Console, Chef, ct: Ct);
        return Assert.IsType<PlaceOrderResult.Created>(result).Receipt.Id;
    }

    private async Task<string> KeyStepAsync(int orderId)
    {
        Assert.IsType<CaseResult.Done>(await Work.TakeAsync(orderId, 0, Ct));
        return (await Work.GetAsync(orderId, Ct))!.Checklist.Single(i => i.Kind == ChecklistItemKind.Key).Label;
    }

    private async Task CompleteAsync(int orderId)
    {
        Assert.IsType<CaseResult.Done>(await Work.TakeAsync(orderId, 0, Ct));
        await CompleteWorkAsync(orderId);
    }

    /// <summary>Ticks every item of a taken case Klar and completes it.</summary>
    private async Task CompleteWorkAsync(int orderId)
    {
        var details = (await Work.GetAsync(orderId, Ct))!;
        var version = details.Version;
        foreach (var item in details.Checklist)
        {
            version = Assert.IsType<CaseResult.Done>(await Work.MarkItemAsync(orderId, version, item.Id, ChecklistState.Done, null, Ct)).Version;
        }

        Assert.IsType<CaseResult.Done>(await Work.MoveAsync(orderId, version, OrderStatus.Completed, null, Ct));
    }
}
