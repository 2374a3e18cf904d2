using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.CaseMail;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Changes;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.Orders;

/// <summary>
/// The orderer answers Soc-IT's question under Mina ärenden: the case is under way again, the answer is a comment in
/// its history, and the operator who has the case is told by e-mail — all in one save with its audit entry.
/// </summary>
public sealed class CaseAnswers(AuditedChange changes, CurrentUser currentUser, CaseNotices notices)
{
    private const string ConflictMessage =
        "Ärendet har ändrats sedan du öppnade sidan. Inget sparades; ladda om sidan och försök igen.";

    /// <summary>Not the user's case, or none: said the same way, so that another orderer's cases are not revealed.</summary>
    internal const string NotYoursMessage = "Ärendet finns inte bland dina ärenden.";

    private static readonly ChangeRules<CaseResult> Rules = new(
        Policies.Orderer, ConflictMessage, m => new CaseResult.Refused(m), m => new CaseResult.Conflict(m));

    /// <summary>
    /// Answers the question of a case waiting for its orderer. Only the case's orderer (by e-mail) or whoever placed
    /// it may; a case that waits for nothing is refused with the reason.
    /// </summary>
    public async Task<CaseResult> AnswerAsync(int orderId, int expectedVersion, string answer, CancellationToken ct = default)
    {
        var email = (await currentUser.GetPrincipalAsync()).EmailAddress();
        return await changes.RunAsync(Rules, async c =>
        {
            var order = await c.Db.Orders.AsSplitQuery().Include(o => o.Employee).SingleOrDefaultAsync(o => o.Id == orderId, ct);
            if (order is null || !(order.PlacedById == c.Actor.Id || (email is { } address && order.Orderer.Email == address)))
            {
                return new CaseResult.Refused(NotYoursMessage);
            }

            if (order.Version != expectedVersion)
            {
                return new CaseResult.Conflict(ConflictMessage);
            }

            var before = new { Status = order.Status.ToString(), order.Question, order.Answer, Comments = order.Comments.Count };
            var text = Text.Required(answer, CaseComment.TextMaxLength, "Svaret");
            // The comment first: answering marks the case as having a new answer, which any later change clears.
            order.AddComment(c.Actor, c.Now, text);
            order.AnswerQuestion(c.Actor, c.Now, text);
            await notices.OnAnsweredAsync(c.Db, order, ct);
            c.Audit(
                "Case.Answered", "Order", order.CaseNumber, $"{c.Actor.Name} svarade på Soc-IT:s fråga i {order.CaseNumber}.",
                before, new { Status = order.Status.ToString(), order.Question, order.Answer, Comments = order.Comments.Count });
            return new CaseResult.Done(order.Version, $"Ditt svar är skickat till Soc-IT. {order.CaseNumber} är under arbete igen.");
        }, ct);
    }
}
