using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Orders;

/// <summary>
/// The orderer answers Soc-IT's question under Mina ärenden: only their own case, only while it waits; the case is
/// under way again, the answer is a comment, the operator is told, and the answer is audited.
/// </summary>
public sealed class CaseAnswersTests : IAsyncLifetime
{
    private TestDatabase? _database;
    private int _id;
    private int _version;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(AppServices.Clock());
        var placed = await AppServices.OrderIntake(_database).PlaceAsync(
            OrderRequests.NewUndersköterska(), OrderChannel.Console, new Actor("chef1-oid", "Anna Lindqvist"), ct: Ct);
        _id = Assert.IsType<PlaceOrderResult.Created>(placed).Receipt.Id;
        var work = AppServices.CaseWork(_database, "operator");
        var taken = Assert.IsType<CaseResult.Done>(await work.TakeAsync(_id, 0, Ct));
        _version = Assert.IsType<CaseResult.Done>(
            await work.MoveAsync(_id, taken.Version, OrderStatus.WaitingForOrderer, "Vilken titel ska hon ha?", Ct)).Version;
    }

    public ValueTask DisposeAsync()
    {
        _database?.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task TheOrderer_Answers_TheCaseIsUnderWayAgain_WithTheAnswerAsAComment_Audited()
    {
        var result = await AppServices.CaseAnswers(Database, "chef1").AnswerAsync(_id, _version, "  Undersköterska, som beställt.  ", Ct);

        var done = Assert.IsType<CaseResult.Done>(result);
        Assert.Equal("Ditt svar är skickat till Soc-IT. SOC-2026-00001 är under arbete igen.", done.Message);
        await using var db = Database.CreateDbContext();
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == _id, Ct);
        Assert.Equal(
            (OrderStatus.InProgress, "Undersköterska, som beställt.", "Anna Lindqvist", true),
            (order.Status, order.Answer, order.AnsweredByName, order.HasNewAnswer));
        var comment = Assert.Single(order.Comments);
        Assert.Equal(("Anna Lindqvist", "Undersköterska, som beställt."), (comment.ByName, comment.Text));
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "Case.Answered", Ct);
        Assert.Equal(("Order", "SOC-2026-00001"), (entry.EntityType, entry.EntityId));
        Assert.Equal(1, await db.CaseMessages.CountAsync(m => m.OrderId == _id && m.Kind == CaseMessageKind.Answered, Ct));

        var rows = await AppServices.OrderForm(Database, "chef1").MyOrdersAsync(0, 25, null, MyOrdersFilter.Open, Ct);
        var row = Assert.Single(rows.Items);
        Assert.Equal(("Undersköterska, som beställt.", (string?)null), (row.Answer, row.Question));
    }

    [Fact]
    public async Task AnotherManager_CannotAnswer_AndNothingChanges()
    {
        var result = await AppServices.CaseAnswers(Database, "chef2").AnswerAsync(_id, _version, "Jag svarar ändå.", Ct);

        Assert.Equal("Ärendet finns inte bland dina ärenden.", Assert.IsType<CaseResult.Refused>(result).Message);
        await using var db = Database.CreateDbContext();
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == _id, Ct);
        Assert.Equal((OrderStatus.WaitingForOrderer, (string?)null, 0), (order.Status, order.Answer, order.Comments.Count));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "Case.Answered", Ct));
    }

    [Fact]
    public async Task ACaseNotWaiting_OrAnEmptyAnswer_IsRefused()
    {
        var answers = AppServices.CaseAnswers(Database, "chef1");
        Assert.IsType<CaseResult.Refused>(await answers.AnswerAsync(_id, _version, "   ", Ct));
        Assert.IsType<CaseResult.Done>(await answers.AnswerAsync(_id, _version, "Undersköterska.", Ct));

        var again = await answers.AnswerAsync(_id, _version + 2, "En gång till.", Ct);

        Assert.Contains("väntar inte på något svar", Assert.IsType<CaseResult.Refused>(again).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOperator_IsRefused_ByThePolicy()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            AppServices.CaseAnswers(Database, "operator").AnswerAsync(_id, _version, "Svar.", Ct));
    }

    [Fact]
    public async Task MyOrders_FiltersByStatus_AndShowsTheQuestionWhileTheCaseWaits()
    {
        var form = AppServices.OrderForm(Database, "chef1");

        var waiting = Assert.Single((await form.MyOrdersAsync(0, 25, null, MyOrdersFilter.WaitingForYou, Ct)).Items);

        Assert.Equal(("Vilken titel ska hon ha?", _version), (waiting.Question, waiting.Version));
        Assert.Empty((await form.MyOrdersAsync(0, 25, null, MyOrdersFilter.Open, Ct)).Items);
        Assert.Empty((await form.MyOrdersAsync(0, 25, null, MyOrdersFilter.Completed, Ct)).Items);
        Assert.Empty((await form.MyOrdersAsync(0, 25, null, MyOrdersFilter.Rejected, Ct)).Items);
        Assert.Single((await form.MyOrdersAsync(0, 25, null, MyOrdersFilter.All, Ct)).Items);
    }
}
