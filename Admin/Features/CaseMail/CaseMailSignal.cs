using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.CaseMail;

/// <summary>
/// Wakes <see cref="CaseMailDispatcher"/> when a save that recorded a <see cref="CaseMessage"/> is durable: after the
/// save, or after the commit of the transaction it was part of, so that the dispatcher never looks before the
/// message can be seen. Whoever records the message (intake, a case's work, a consent) does nothing for it, and its
/// event never waits for the mail: the signal is a non-blocking write to a channel of one.
/// </summary>
public sealed class CaseMailSignal : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly object Recorded = new();

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    // The contexts whose save recorded a message inside a transaction not yet committed.
    private readonly ConditionalWeakTable<DbContext, object> _waitingForCommit = [];

    internal ChannelReader<bool> Reader => _wake.Reader;

    /// <summary>Asks the dispatcher to send what is pending; several calls before it looks count as one.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData?.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData?.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Committed(eventData?.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Committed(eventData?.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        Forget(eventData?.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Forget(eventData?.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<CaseMessage>().Any(e => e.State == EntityState.Added))
        {
            _waitingForCommit.AddOrUpdate(context, Recorded);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null && _waitingForCommit.Remove(context))
        {
            Wake();
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _waitingForCommit.Remove(context))
        {
            Wake();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _waitingForCommit.Remove(context);
        }
    }
}
