using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Consents;
using SocItConsole.Admin.Infrastructure.Email;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.CaseMail;

/// <summary>
/// Records the e-mail each event of a case gives (<see cref="CaseMessage"/>), in the caller's save, so that the
/// message exists exactly when the event does; <see cref="CaseMail"/> sends it afterwards.
/// </summary>
public sealed class CaseNotices(IOptions<EmailSettings> email, CaseMessageRecorder recorder, ConsentNotices consents)
{
    /// <summary>Where an orderer follows and answers their cases.</summary>
    public const string MyCasesPath = "/my-orders";

    public EmailSettings Settings => email.Value;

    /// <summary>A placed order (saved, so it has its id): the receipt to the orderer, and a consent request if it needs one.</summary>
    public async Task OnPlacedAsync(SocItDbContext db, Order order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(order);
        var isProtected = await IsProtectedAsync(db, order, ct);
        var content = CaseMailText.Received(
            order.Orderer.Name, order.CaseNumber, order.Type, PersonName.Shown(order.EmployeeName, isProtected),
            order.TargetUnitName ?? order.UnitName,
            [.. order.Systems.Select(s => $"{s.SystemName}: {s.LevelName}")],
            email.Value.Link(MyCasesPath), email.Value.FromName);
        await recorder.RecordAsync(db, order, CaseMessageKind.Received, 0, order.Orderer.Name, order.Orderer.Email, content.Subject, content.Body, ct);
        if (order.Consent is { IsPending: true })
        {
            await consents.OnRequestedAsync(db, order, isProtected, ct);
        }
    }

    /// <summary>The case moved to <see cref="OrderStatus.WaitingForOrderer"/>: the question to the orderer (one per question).</summary>
    public async Task OnQuestionAsync(SocItDbContext db, Order order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        var content = CaseMailText.Question(
            order.Orderer.Name, order.CaseNumber, order.Type, PersonName.Shown(order.EmployeeName, await IsProtectedAsync(db, order, ct)),
            order.Question ?? throw new InvalidOperationException("The case asks no question."),
            email.Value.Link(MyCasesPath), email.Value.FromName);
        await recorder.RecordAsync(
            db, order, CaseMessageKind.Question, order.QuestionCount, order.Orderer.Name, order.Orderer.Email, content.Subject, content.Body, ct);
    }

    /// <summary>The case is completed: what it granted or ended, and the notes on keys and codes.</summary>
    public async Task OnCompletedAsync(
        SocItDbContext db, Order order, IReadOnlyList<string> lines, IReadOnlyList<string> notes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        var content = CaseMailText.Completed(
            order.Orderer.Name, order.CaseNumber, order.Type, PersonName.Shown(order.EmployeeName, await IsProtectedAsync(db, order, ct)),
            order.TargetUnitName ?? order.UnitName, lines, notes, email.Value.Link(MyCasesPath), email.Value.FromName);
        await recorder.RecordAsync(
            db, order, CaseMessageKind.Completed, 0, order.Orderer.Name, order.Orderer.Email, content.Subject, content.Body, ct);
    }

    /// <summary>The case is rejected (by Soc-IT, or because the receiving unit said no): the reason to the orderer.</summary>
    public async Task OnRejectedAsync(SocItDbContext db, Order order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        var content = CaseMailText.Rejected(
            order.Orderer.Name, order.CaseNumber, order.Type, PersonName.Shown(order.EmployeeName, await IsProtectedAsync(db, order, ct)),
            order.RejectionReason ?? string.Empty, email.Value.Link(MyCasesPath), email.Value.FromName);
        await recorder.RecordAsync(
            db, order, CaseMessageKind.Rejected, 0, order.Orderer.Name, order.Orderer.Email, content.Subject, content.Body, ct);
    }

    /// <summary>The orderer answered: the assigned operator is told (when their address is known).</summary>
    public async Task OnAnsweredAsync(SocItDbContext db, Order order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!EmailAddress.TryParse(order.AssignedToEmail, out var to, out _))
        {
            return;
        }

        var name = order.AssignedToName ?? "Soc-IT";
        var content = CaseMailText.Answered(
            name, order.CaseNumber, order.AnsweredByName ?? order.Orderer.Name, order.Answer ?? string.Empty,
            email.Value.Link($"/cases/{order.Id}"), email.Value.FromName);
        await recorder.RecordAsync(db, order, CaseMessageKind.Answered, order.QuestionCount, name, to, content.Subject, content.Body, ct);
    }

    /// <summary>Whether the order's person has protected identity now: their name never goes out in e-mail.</summary>
    public static async Task<bool> IsProtectedAsync(SocItDbContext db, Order order, CancellationToken ct) =>
        order.Employee?.IsProtected
        ?? await db.Employees.AsNoTracking().Where(e => e.Id == order.EmployeeId).Select(e => e.IsProtected).SingleAsync(ct);
}
