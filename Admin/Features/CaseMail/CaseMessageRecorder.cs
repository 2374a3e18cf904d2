using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Email;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.CaseMail;

/// <summary>Records one case message as an attempt, once per event and recipient, with a Message-Id that never changes.</summary>
public sealed class CaseMessageRecorder(IOptions<EmailSettings> email, TimeProvider clock)
{
    /// <summary>
    /// Records one message about <paramref name="order"/> (saved with the caller's save), unless this event already
    /// gave one to this recipient. The order must have its id.
    /// </summary>
    public async Task<CaseMessage?> RecordAsync(
        SocItDbContext db, Order order, CaseMessageKind kind, int sequence, string toName, EmailAddress to,
        string subject, string body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(order);
        if (order.Id == 0)
        {
            throw new InvalidOperationException("A case message needs a saved order.");
        }

        var exists = db.CaseMessages.Local.Any(m => m.OrderId == order.Id && m.Kind == kind && m.Sequence == sequence && m.ToEmail == to)
            || await db.CaseMessages.AnyAsync(m => m.OrderId == order.Id && m.Kind == kind && m.Sequence == sequence && m.ToEmail == to, ct);
        if (exists)
        {
            return null;
        }

        var message = new CaseMessage(
            order.Id, kind, sequence, toName, to, MessageIdFor(order.Id, kind, sequence, to), subject, body, clock.GetUtcNow());
        db.CaseMessages.Add(message);
        return message;
    }

    /// <summary>The same id on every attempt; the address is hashed so that it does not show in headers and logs.</summary>
    internal string MessageIdFor(int orderId, CaseMessageKind kind, int sequence, EmailAddress to) =>
        email.Value.MessageId(
            string.Create(CultureInfo.InvariantCulture, $"case-{orderId}-{kind.ToString().ToLowerInvariant()}-{sequence}"), to.Value);
}
