using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Tests.Features.Orders;

/// <summary>
/// A change of title or unit end to end on SQLite: through the e-service's names and the form's ids, its difference
/// stored on the order and made into the checklist, and completion into employments, grants and keys.
/// </summary>
public sealed class ChangeOrderTests : IAsyncLifetime
{
    private static readonly Actor Chef = new("chef1-oid", "Anna Lindqvist");
    private static readonly DateOnly Effective = new(2027, 2, 1);

    private TestDatabase? _database;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    private CaseWork Work => AppServices.CaseWork(Database, "operator");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(AppServices.Clock());
    }

    public ValueTask DisposeAsync()
    {
        _database?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>An undersköterska in Hemtjänst Centrum becomes biståndshandläggare in Biståndsenheten from 2027-02-01.</summary>
    private static OrderRequest ToAssessment() => (OrderRequests.NewUndersköterska() with
    {
        Type = OrderType.Change,
        EmploymentUnit = "Hemtjänst Centrum",
        Title = "Biståndshandläggare",
        StartDate = Effective,
        KeyKind = null,
    }).ForUnit("Biståndsenheten äldreomsorg");

    [Fact]
    public async Task ThroughTheEService_TheEmploymentIsNamedByItsUnit_AndTheDifferenceIsStoredOnTheOrder()
    {
        await CompleteAsync(await PlaceAsync(OrderRequests.NewUndersköterska()));

        var orderId = await PlaceAsync(ToAssessment());

        await using var db = Database.CreateDbContext();
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId, Ct);
        var employment = await db.Employments.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((employment.Id, "Biståndshandläggare", "Biståndsenheten äldreomsorg"), (order.EmploymentId!.Value, order.TitleName, order.UnitName));
        Assert.Equal(
            [
                "Avslutas: Appva (Standard)", "Behålls: Citrix (Standard)", "Avslutas: Combine (Standard)", "Avslutas: IntraPhone (Standard)",
                "Ny nivå: Lifecare (Utförare → Handläggare)", "Läggs till: Qlikview (Standard)", "Behålls: Smartkort (SITHS) (Standard)",
                "Avslutas: Swedlock (Standard)",
            ],
            order.Changes.Select(ChangeOrderRules.Summary));
        var created = await db.AuditEntries.SingleAsync(a => a.Action == "Order.Created" && a.EntityId == order.CaseNumber, Ct);
        Assert.Contains("Ny nivå: Lifecare (Utförare → Handläggare)", created.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completing_ReplacesTheEmployment_MovesWhatIsKept_EndsWhatIsNot_AddsWhatIsNew_AndLeavesTheKeyPool()
    {
        var newId = await PlaceAsync(OrderRequests.NewUndersköterska());
        await CompleteAsync(newId);
        var changeId = await PlaceAsync(ToAssessment());
        await Work.TakeAsync(changeId, 0, Ct);

        var checklist = (await Work.GetAsync(changeId, Ct))!.Checklist.Select(i => i.Label).ToList();
        Assert.Equal(
            [
                "Avsluta Appva (Standard) i Hemtjänst Centrum", "Avsluta Combine (Standard) i Hemtjänst Centrum",
                "Avsluta IntraPhone (Standard) i Hemtjänst Centrum", "Ändra nivå i Lifecare: Utförare → Handläggare",
                "Lägg till Qlikview (Standard) i Biståndsenheten äldreomsorg", "Avsluta Swedlock (Standard) i Hemtjänst Centrum",
            ],
            checklist);

        var message = await CompleteAsync(changeId, taken: true);

        Assert.StartsWith("SOC-2026-00002 är klart: 2 behörigheter tillagda, 5 avslutade, 2 flyttade till den nya anställningen.", message, StringComparison.Ordinal);
        Assert.Contains("är 2027-01-31.", message, StringComparison.Ordinal);
        await using var db = Database.CreateDbContext();
        var employments = await db.Employments.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct);
        Assert.Equal(2, employments.Count);
        var (old, next) = (employments[0], employments[1]);
        Assert.Equal(((DateOnly?)new DateOnly(2027, 1, 31), (int?)changeId, (int?)next.Id), (old.To, old.EndedByOrderId, old.ReplacedById));
        Assert.Equal(("Biståndsenheten äldreomsorg", "Biståndshandläggare", Effective, (DateOnly?)null, (int?)changeId),
            (next.UnitName, next.TitleName!, next.From, next.To, next.StartedByOrderId));
        var grants = await db.Grants.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(9, grants.Count);
        var kept = grants.Where(g => g.SystemName is "Citrix" or "Smartkort (SITHS)").ToList();
        Assert.All(kept, g => Assert.Equal((next.Id, "Biståndsenheten äldreomsorg", new DateOnly(2026, 12, 7), (DateOnly?)null, newId),
            (g.EmploymentId, g.UnitName, g.From, g.To, g.SourceOrderId)));
        Assert.All(grants.Where(g => g.EmploymentId == old.Id), g => Assert.Equal(((DateOnly?)new DateOnly(2027, 1, 31), (int?)changeId), (g.To, g.EndedByOrderId)));
        Assert.Equal(5, grants.Count(g => g.EmploymentId == old.Id));
        Assert.Equal(
            ["Lifecare: Handläggare", "Qlikview: Standard"],
            grants.Where(g => g.SourceOrderId == changeId).OrderBy(g => g.SystemName).Select(g => $"{g.SystemName}: {g.LevelName}"));
        Assert.All(grants.Where(g => g.SourceOrderId == changeId), g => Assert.Equal((Effective, next.Id), (g.From, g.EmploymentId)));
        var pool = await db.KeyPools.AsNoTracking().Include(p => p.Members).SingleAsync(p => p.Members.Any(), Ct);
        Assert.Equal(new DateOnly(2027, 1, 31), Assert.Single(pool.Members).To);
        var completed = await db.AuditEntries.SingleAsync(a => a.Action == "Case.Completed" && a.Summary == message, Ct);
        using var before = JsonDocument.Parse(completed.Before!);
        using var after = JsonDocument.Parse(completed.After!);
        Assert.Equal(
            [(old.Id, "Hemtjänst Centrum"), (old.Id, "Hemtjänst Centrum")],
            before.RootElement.GetProperty("Grants").EnumerateArray().Select(g => (g.GetProperty("Employment").GetInt32(), g.GetProperty("Unit").GetString()!)));
        Assert.Equal(
            [(next.Id, "Biståndsenheten äldreomsorg"), (next.Id, "Biståndsenheten äldreomsorg")],
            after.RootElement.GetProperty("Grants").EnumerateArray().Select(g => (g.GetProperty("Employment").GetInt32(), g.GetProperty("Unit").GetString()!)));
    }

    [Fact]
    public async Task AnItemMarkedNotApplicable_NeitherEndsNorAdds_AndTheGrantMovesOn()
    {
        await CompleteAsync(await PlaceAsync(OrderRequests.NewUndersköterska()));
        var changeId = await PlaceAsync(ToAssessment());

        var message = await CompleteAsync(
            changeId, notApplicable: label => label.StartsWith("Avsluta Appva", StringComparison.Ordinal) || label.StartsWith("Lägg till Qlikview", StringComparison.Ordinal));

        Assert.StartsWith("SOC-2026-00002 är klart: 1 behörighet tillagd, 4 avslutade, 3 flyttade till den nya anställningen, 2 system ej aktuella.", message, StringComparison.Ordinal);
        await using var db = Database.CreateDbContext();
        var appva = await db.Grants.AsNoTracking().SingleAsync(g => g.SystemName == "Appva", Ct);
        Assert.Equal(((DateOnly?)null, (int?)null, "Biståndsenheten äldreomsorg"), (appva.To, appva.EndedByOrderId, appva.UnitName));
        Assert.False(await db.Grants.AnyAsync(g => g.SystemName == "Qlikview", Ct));
    }

    [Fact]
    public async Task IntoAKeyUnit_AsksForTheKeyChoice_AsANewOrderDoes_AndAChangeOfTitleAloneRefusesOne()
    {
        // Ordered by the assessment unit's own manager: the e-service marks anyone else's order for checking.
        await CompleteAsync(await PlaceAsync(OrderRequests.NewUndersköterska() with
        {
            Title = "Biståndshandläggare", Unit = "Biståndsenheten äldreomsorg", KeyKind = null,
            OrdererName = "Lena Holm", OrdererEmail = "lena.holm@kommun.example", ManagerName = "Lena Holm", ManagerEmail = "lena.holm@kommun.example",
        }));
        var intoCentrum = (ToAssessment() with { EmploymentUnit = "Biståndsenheten äldreomsorg", Title = "Undersköterska" }).ForUnit("Hemtjänst Centrum");

        var withoutKey = await PlaceResultAsync(intoCentrum);
        var titleOnlyWithKey = await PlaceResultAsync(intoCentrum with { Unit = null, Title = "Socialsekreterare", KeyKind = KeyChoiceKind.Pool });

        Assert.Equal(
            ["Hemtjänst Centrum använder digitala nycklar: välj personlig nyckel, köp av ny nyckel eller nyckelpoolen."],
            Assert.IsType<PlaceOrderResult.Invalid>(withoutKey).Errors[OrderField.KeyKind]);
        Assert.Equal(
            ["Biståndsenheten äldreomsorg använder inte digitala nycklar."],
            Assert.IsType<PlaceOrderResult.Invalid>(titleOnlyWithKey).Errors[OrderField.KeyKind]);
        var placed = await PlaceAsync(intoCentrum with { KeyKind = KeyChoiceKind.Pool });
        await Work.TakeAsync(placed, 0, Ct);
        Assert.Contains(
            (await Work.GetAsync(placed, Ct))!.Checklist, i => i.Kind == ChecklistItemKind.Key && i.Label.StartsWith("Swedlock: lägg till i verksamhetens nyckelpool", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheEService_IsToldInSwedish_WhenNoOrSeveralEmploymentsMatch_OrNothingChanges()
    {
        await CompleteAsync(await PlaceAsync(OrderRequests.NewUndersköterska()));
        await using (var db = Database.CreateDbContext())
        {
            // A second post in the same unit, as a nurse (a new order there would find the first employment).
            var first = await db.Employments.SingleAsync(Ct);
            var nurse = await db.JobTitles.SingleAsync(t => t.Name == "Sjuksköterska", Ct);
            db.Employments.Add(new Employment(first.EmployeeId, first.UnitId, first.UnitName, nurse.Id, nurse.Name, new DateOnly(2026, 12, 8), null, null));
            await db.SaveChangesAsync(Ct);
        }

        var several = await ErrorsAsync(ToAssessment());
        var none = await ErrorsAsync(ToAssessment() with { EmploymentUnit = "Hemtjänst Skrea" });
        var nothing = await ErrorsAsync(ToAssessment() with { EmploymentTitle = "Sjuksköterska", Title = "Sjuksköterska", Unit = null });
        var past = await ErrorsAsync(ToAssessment() with { EmploymentTitle = "Undersköterska", StartDate = new DateOnly(2026, 12, 1) });
        var ended = await ErrorsAsync(ToAssessment() with { EmploymentTitle = "Undersköterska", EndDate = new DateOnly(2027, 6, 30) });

        Assert.Equal(["Medarbetaren har 2 anställningar i Hemtjänst Centrum. Ange titeln för den som ändras (Undersköterska, Sjuksköterska)."], several[OrderField.Employment]);
        Assert.Equal(["Medarbetaren har ingen pågående anställning i Hemtjänst Skrea."], none[OrderField.Employment]);
        Assert.Equal(
            ["Titeln och verksamheten är desamma som i anställningen (Sjuksköterska i Hemtjänst Centrum). Ändra titeln, verksamheten eller båda."],
            nothing[OrderField.Title]);
        Assert.Equal(["Anställningen i Hemtjänst Centrum börjar 2026-12-07. Bytet kan gälla tidigast dagen efter."], past[OrderField.Employment]);
        Assert.StartsWith("Ett byte av titel eller verksamhet har inget slutdatum", Assert.Single(ended[OrderField.EndDate]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheForm_OffersAManagerTheEmploymentsInHerUnits_PreviewsTheDifference_AndPlacesTheChangeById()
    {
        await CompleteAsync(await PlaceAsync(OrderRequests.NewUndersköterska()));
        var chef1 = AppServices.OrderForm(Database, "chef1");
        var chef2 = AppServices.OrderForm(Database, "chef2");

        var offered = Assert.Single(await chef1.ChangeableEmploymentsAsync(OrderRequests.Pnr1990, Ct));
        Assert.Empty(await chef2.ChangeableEmploymentsAsync(OrderRequests.Pnr1990, Ct));
        Assert.Equal("Undersköterska i Hemtjänst Centrum, från 2026-12-07", offered.Label);
        var input = (await ToAssessment().ByIdAsync(Database)) with { EmploymentId = offered.Id };

        var preview = await chef1.PreviewChangeAsync(offered.Id, input.TitleId, input.UnitId, Effective, Ct);
        Assert.Null(await chef2.PreviewChangeAsync(offered.Id, input.TitleId, input.UnitId, Effective, Ct));
        Assert.Equal((2, 1, 4, 1, true, false),
            (preview!.Difference.OfKind(ChangeKind.Kept).Count(), preview.Difference.OfKind(ChangeKind.Added).Count(),
             preview.Difference.OfKind(ChangeKind.Ended).Count(), preview.Difference.OfKind(ChangeKind.LevelChanged).Count(),
             preview.Difference.LeavesKeyUnit, preview.Difference.EntersKeyUnit));

        var refused = Assert.IsType<PlaceOrderResult.Invalid>(await chef2.SubmitAsync(input with { OrdererEmail = "erik.johansson@kommun.example" }, OrderChannel.Console, Ct));
        Assert.Equal(["Du kan bara beställa byte för anställningar i verksamheter som du är chef eller utsedd beställare för."], refused.Errors[OrderField.Employment]);
        var created = Assert.IsType<PlaceOrderResult.Created>(await chef1.SubmitAsync(input, OrderChannel.Console, Ct));
        Assert.Equal(OrderType.Change, created.Receipt.Type);
        await using var db = Database.CreateDbContext();
        Assert.Equal(8, await db.Orders.Where(o => o.Id == created.Receipt.Id).SelectMany(o => o.Changes).CountAsync(Ct));
    }

    private async Task<int> PlaceAsync(OrderRequest request) =>
        Assert.IsType<PlaceOrderResult.Created>(await PlaceResultAsync(request)).Receipt.Id;

    private Task<PlaceOrderResult> PlaceResultAsync(OrderRequest request) =>
        AppServices.OrderIntake(Database).PlaceAsync(request, OrderChannel.EService, Chef, ct: Ct);

    private async Task<IReadOnlyDictionary<OrderFieldKey, string[]>> ErrorsAsync(OrderRequest request) =>
        Assert.IsType<PlaceOrderResult.Invalid>(await PlaceResultAsync(request)).Errors;

    /// <summary>Takes the case (unless taken), marks each item "Ej aktuell" where the test says so and "Klar" otherwise, completes it.</summary>
    private async Task<string> CompleteAsync(int orderId, Func<string, bool>? notApplicable = null, bool taken = false)
    {
        var version = taken
            ? (await Work.GetAsync(orderId, Ct))!.Version
            : Assert.IsType<CaseResult.Done>(await Work.TakeAsync(orderId, 0, Ct)).Version;
        foreach (var item in (await Work.GetAsync(orderId, Ct))!.Checklist)
        {
            var state = notApplicable?.Invoke(item.Label) == true ? ChecklistState.NotApplicable : ChecklistState.Done;
            version = Assert.IsType<CaseResult.Done>(
                await Work.MarkItemAsync(orderId, version, item.Id, state, state == ChecklistState.NotApplicable ? "Inte aktuellt" : null, Ct)).Version;
        }

        return Assert.IsType<CaseResult.Done>(await Work.MoveAsync(orderId, version, OrderStatus.Completed, null, Ct)).Message;
    }
}
