using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>Two operators acting on one case at once, through the app's own services and database.</summary>
public class CaseConcurrencyTests
{
    [Fact]
    public async Task TwoOperatorsTakingTheSameCaseAtOnce_OneSucceeds_TheOtherIsToldToReload()
    {
        await using var app = AdminAppFactory.Development();
        using var client = app.CreateTestClient();
        var ct = TestContext.Current.CancellationToken;
        var placed = await app.Services.CreateScope().ServiceProvider.GetRequiredService<OrderIntake>()
            .PlaceAsync(Soon(OrderRequests.NewUndersköterska()), OrderChannel.Console, new Actor("chef1-oid", "Anna Lindqvist"), ct: ct);
        var orderId = ((PlaceOrderResult.Created)placed).Receipt.Id;

        await using var saraScope = SignedIn(app, "operator");
        await using var olleScope = SignedIn(app, "operator");
        var sara = saraScope.ServiceProvider.GetRequiredService<CaseWork>();
        var olle = olleScope.ServiceProvider.GetRequiredService<CaseWork>();

        var results = await Task.WhenAll(
            Task.Run(() => sara.TakeAsync(orderId, 0, ct), ct),
            Task.Run(() => olle.CommentAsync(orderId, 0, "Jag tittar på den", ct), ct));

        Assert.Single(results, r => r is CaseResult.Done);
        Assert.Single(results, r => r is CaseResult.Conflict);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(ct);
        var order = await db.Orders.SingleAsync(o => o.Id == orderId, ct);
        Assert.Equal(1, order.Version);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityId == order.CaseNumber && a.Action.StartsWith("Case."), ct));
    }

    /// <summary>The message every loser must get (CaseWork's conflict text, word for word).</summary>
    private const string ChangedMeanwhile =
        "Ärendet har ändrats av någon annan sedan du öppnade det. Inget sparades; ladda om ärendet och försök igen.";

    private const int Editors = 8;
    private const int Rounds = 100;

    /// <summary>
    /// Eight operators, each in their own scope, open the same version of one case and save a different change to it
    /// at the same moment (a comment, a checklist item with a note, or a status move), 100 times over. Each round the
    /// case must show exactly the winner's change and nothing of the losers', one version further and with one audit
    /// entry more.
    /// </summary>
    [Fact]
    public async Task EightOperatorsSavingOneCaseAtOnce_For100Rounds_ExactlyOneWinsEachRound_AndNoUpdateIsLost()
    {
        await using var app = AdminAppFactory.Development();
        using var client = app.CreateTestClient();
        var ct = TestContext.Current.CancellationToken;
        var placed = await app.Services.CreateScope().ServiceProvider.GetRequiredService<OrderIntake>()
            .PlaceAsync(Soon(OrderRequests.NewUndersköterska()), OrderChannel.Console, new Actor("chef1-oid", "Anna Lindqvist"), ct: ct);
        var orderId = ((PlaceOrderResult.Created)placed).Receipt.Id;
        var scopes = Enumerable.Range(0, Editors).Select(_ => SignedIn(app, "operator")).ToList();
        try
        {
            var editors = scopes.Select(s => s.ServiceProvider.GetRequiredService<CaseWork>()).ToList();
            Assert.IsType<CaseResult.Done>(await editors[0].TakeAsync(orderId, 0, ct));
            var caseNumber = (await editors[0].GetAsync(orderId, ct))!.CaseNumber;
            Assert.NotEmpty((await editors[0].GetAsync(orderId, ct))!.Checklist);
            var (wins, conflicts) = (0, 0);

            for (var round = 0; round < Rounds; round++)
            {
                var before = (await editors[0].GetAsync(orderId, ct))!;
                var edits = Enumerable.Range(0, Editors).Select(i => CaseEdit.For(round, i, before)).ToList();

                var results = await Race.RunAsync(
                    Editors,
                    i => editors[i].GetAsync(orderId, ct),
                    (i, loaded) => edits[i].ApplyAsync(editors[i], loaded!, ct));

                var winner = Assert.Single(Enumerable.Range(0, Editors), i => results[i] is CaseResult.Done);
                Assert.All(results.Where((_, i) => i != winner), r => Assert.Equal(new CaseResult.Conflict(ChangedMeanwhile), r));
                var after = (await editors[0].GetAsync(orderId, ct))!;
                Assert.Equal(before.Version + 1, after.Version);
                Assert.Equal(after.Version, ((CaseResult.Done)results[winner]).Version);
                Assert.Equal(edits[winner].Expected(before), Observable(after));
                wins++;
                conflicts += Editors - 1;
            }

            await using var db = await app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(ct);
            var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId, ct);
            Assert.Equal(1 + Rounds, order.Version);
            var changes = await db.AuditEntries.CountAsync(
                a => a.EntityId == caseNumber && a.Action.StartsWith("Case.") && a.Action != "Case.Taken", ct);
            Assert.Equal(Rounds, changes);
            Assert.Equal((Rounds, Rounds * (Editors - 1)), (wins, conflicts));
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"Case concurrency: {Editors} editors, {Rounds} rounds, {wins} wins, {conflicts} conflicts, {changes} audited changes.");
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }

    /// <summary>What a change can alter on a case, in a form that compares by value.</summary>
    private static string Observable(CaseDetails details) =>
        string.Join(
            " | ",
            details.Status.ToString(),
            string.Join(";", details.Checklist.Select(i => $"{i.Id}:{i.State}:{i.Note}")),
            string.Join(";", details.Comments.Select(c => c.Text)));

    /// <summary>One editor's change in a round, and what the case must look like when it is the one that wins.</summary>
    private sealed record CaseEdit(int Kind, string Text, int ItemId, OrderStatus MoveTo)
    {
        public static CaseEdit For(int round, int editor, CaseDetails before)
        {
            var text = $"Runda {round + 1}, handläggare {editor + 1}";
            var item = before.Checklist[(round + editor) % before.Checklist.Count];
            var moveTo = before.Status == OrderStatus.InProgress ? OrderStatus.WaitingForOrderer : OrderStatus.InProgress;
            return new CaseEdit((round + editor) % 3, text, item.Id, moveTo);
        }

        public Task<CaseResult> ApplyAsync(CaseWork work, CaseDetails loaded, CancellationToken ct) => Kind switch
        {
            0 => work.CommentAsync(loaded.Id, loaded.Version, Text, ct),
            1 => work.MarkItemAsync(loaded.Id, loaded.Version, ItemId, ChecklistState.Done, Text, ct),
            _ => work.MoveAsync(loaded.Id, loaded.Version, MoveTo, MoveTo == OrderStatus.WaitingForOrderer ? Text : null, ct),
        };

        public string Expected(CaseDetails before) => Observable(Kind switch
        {
            0 => before with { Comments = [.. before.Comments, new CommentRow("", default, Text)] },
            1 => before with
            {
                Checklist = [.. before.Checklist.Select(i => i.Id == ItemId ? i with { State = ChecklistState.Done, Note = Text } : i)],
            },
            _ => before with { Status = MoveTo },
        });
    }

    [Fact]
    public async Task QueueFilters_RunInTheDatabase_AndCombine()
    {
        await using var app = AdminAppFactory.Development();
        using var client = app.CreateTestClient();
        var ct = TestContext.Current.CancellationToken;
        var intake = app.Services.CreateScope().ServiceProvider.GetRequiredService<OrderIntake>();
        var chef = new Actor("chef1-oid", "Anna Lindqvist");
        await intake.PlaceAsync(Soon(OrderRequests.NewUndersköterska()), OrderChannel.Console, chef, ct: ct);
        await intake.PlaceAsync(Soon(OrderRequests.Extend(OrderRequests.Pnr1985)), OrderChannel.EService, chef, ct: ct);
        await intake.PlaceAsync(Soon(OrderRequests.TemporaryUnit(OrderRequests.Pnr1985)), OrderChannel.EService, chef, ct: ct);
        await using var scope = SignedIn(app, "operator");
        var list = scope.ServiceProvider.GetRequiredService<CaseList>();
        var tallgarden = await app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContext()
            .Units.Where(u => u.Name == "Tallgårdens vård- och omsorgsboende").Select(u => u.Id).SingleAsync(ct);

        var byUnit = await list.SearchAsync(new CaseQuery(UnitId: tallgarden), CaseSort.ReceivedNewest, 0, 25, ct);
        var byTypeAndPnr = await list.SearchAsync(new CaseQuery(Type: OrderType.Extend, Search: "198506152340"), CaseSort.ReceivedNewest, 0, 25, ct);
        var open = await list.SearchAsync(new CaseQuery(OnlyOpen: true), CaseSort.ReceivedOldest, 0, 2, ct);
        var mine = await list.SearchAsync(new CaseQuery(AssignedToId: "nobody"), CaseSort.ReceivedNewest, 0, 25, ct);

        Assert.Equal(OrderType.TemporaryUnit, Assert.Single(byUnit.Items).Type);
        Assert.Equal(OrderType.Extend, Assert.Single(byTypeAndPnr.Items).Type);
        Assert.Equal((3, 2), (open.TotalCount, open.Items.Count));
        Assert.EndsWith("-00001", open.Items[0].CaseNumber, StringComparison.Ordinal);
        Assert.Equal(0, mine.TotalCount);
    }

    /// <summary>The app runs on the real clock here: dates relative to today keep the test valid in any year.</summary>
    private static OrderRequest Soon(OrderRequest request)
    {
        var today = OrderApiBodies.Today;
        return request with { StartDate = today.AddDays(14), EndDate = request.EndDate is null ? null : today.AddDays(60) };
    }

    private static AsyncServiceScope SignedIn(AdminAppFactory app, string userName)
    {
        var scope = app.Services.CreateAsyncScope();
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(DevUsers.Find(userName)!.ToPrincipal())));
        return scope;
    }
}
