using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Email;
using SocItConsole.Admin.Features.CaseMail;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Consents;

/// <summary>The e-mail of a consent: the request to the receiving unit's managers when the order comes in.</summary>
public sealed class ConsentNotices(IOptions<EmailSettings> email, CaseMessageRecorder recorder)
{
    /// <summary>Where a manager finds the requests to approve.</summary>
    public const string ApprovalsPath = "/approvals";

    /// <summary>One request to each registered manager of the receiving unit, recorded in the caller's save.</summary>
    public async Task OnRequestedAsync(SocItDbContext db, Order order, bool isProtected, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(order);
        var consent = order.Consent ?? throw new InvalidOperationException("The order asks for no consent.");
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == consent.UnitId, ct);
        foreach (var manager in unit.Managers)
        {
            var content = ConsentMailText.Request(
                manager.Name, order.CaseNumber, PersonName.Shown(order.EmployeeName, isProtected), order.UnitName, consent.UnitName,
                order.StartDate, order.EndDate, order.Orderer.Name, email.Value.Link(ApprovalsPath), email.Value.FromName);
            await recorder.RecordAsync(
                db, order, CaseMessageKind.ConsentRequest, 0, manager.Name, manager.Email, content.Subject, content.Body, ct);
        }
    }
}
