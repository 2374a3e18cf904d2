using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.CaseMail;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.CaseMail;

/// <summary>
/// The dispatcher is woken when a recorded case message is durable: after a plain save, or only after the commit of
/// the transaction it was saved in; never for a rolled-back one, nor for a save that recorded none.
/// </summary>
public sealed class CaseMailSignalTests : IAsyncLifetime
{
    private readonly CaseMailSignal _signal = new();
    private TestDatabase? _database;
    private int _orderId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(AppServices.Clock());
        var placed = await AppServices.OrderIntake(_database).PlaceAsync(
            TestData.OrderRequests.NewUndersköterska(), OrderChannel.Console, new SocItConsole.Shared.Audit.Actor("chef1-oid", "Anna Lindqvist"), ct: Ct);
        _orderId = Assert.IsType<SocItConsole.Admin.Features.Orders.PlaceOrderResult.Created>(placed).Receipt.Id;
    }

    public ValueTask DisposeAsync()
    {
        _database?.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task APlainSave_WithAMessage_WakesTheDispatcher()
    {
        await using var db = Context();
        db.CaseMessages.Add(Message(1));

        Assert.False(_signal.Reader.TryRead(out _));
        await db.SaveChangesAsync(Ct);

        Assert.True(_signal.Reader.TryRead(out _));
    }

    [Fact]
    public async Task ASaveInATransaction_WakesItOnlyAtTheCommit()
    {
        await using var db = Context();
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        db.CaseMessages.Add(Message(1));
        await db.SaveChangesAsync(Ct);

        Assert.False(_signal.Reader.TryRead(out _));
        await transaction.CommitAsync(Ct);

        Assert.True(_signal.Reader.TryRead(out _));
    }

    [Fact]
    public async Task ARolledBackSave_OrOneWithoutAMessage_DoesNotWakeIt()
    {
        await using (var db = Context())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            db.CaseMessages.Add(Message(1));
            await db.SaveChangesAsync(Ct);
            await transaction.RollbackAsync(Ct);
        }

        await using (var db = Context())
        {
            var order = await db.Orders.SingleAsync(o => o.Id == _orderId, Ct);
            order.AddComment(new SocItConsole.Shared.Audit.Actor("x", "Sara Nilsson"), AppServices.Clock().GetUtcNow(), "Ringde chefen.");
            await db.SaveChangesAsync(Ct);
        }

        Assert.False(_signal.Reader.TryRead(out _));
    }

    private SocItDbContext Context() => Database.CreateDbContext(Database.OptionsWith(_signal));

    private CaseMessage Message(int sequence) => new(
        _orderId, CaseMessageKind.Question, sequence, "Anna Lindqvist", EmailAddress.Parse("anna.lindqvist@kommun.example"),
        $"<case-{_orderId}-question-{sequence}@kommun.example>", "Ämne", "Text", AppServices.Clock().GetUtcNow());
}
