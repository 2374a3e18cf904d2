using SocItConsole.Shared.Common;
using SocItConsole.Shared.FollowUps;

namespace SocItConsole.Shared.Hr;

/// <summary>
/// One e-mail a reconciliation run gives rise to, to one recipient: a unit manager's digest of their units' findings,
/// or an appointed orderer's notice of someone starting soon without an order. Recorded with its Message-Id and text in
/// the run's save and marked sent when the server took it (as <c>CaseMessage</c>): one run never sends two to anyone.
/// It never names a personnummer, nor a person with protected identity.
/// </summary>
public sealed class HrNotice
{
    private HrNotice()
    {
        ToName = Subject = Body = MessageId = string.Empty;
    }

    public HrNotice(
        int importId, HrNoticeKind kind, string toName, EmailAddress toEmail, string messageId, string subject, string body,
        DateTimeOffset createdAt)
    {
        ImportId = importId;
        Kind = kind;
        ToName = toName;
        ToEmail = toEmail;
        MessageId = messageId;
        Subject = subject;
        Body = body;
        CreatedAt = createdAt.ToUniversalTime();
        Status = ReminderStatus.Attempted;
    }

    public int Id { get; private set; }

    public int ImportId { get; private set; }

    public HrNoticeKind Kind { get; private set; }

    public string ToName { get; private set; }

    public EmailAddress ToEmail { get; private set; }

    public string MessageId { get; private set; }

    public string Subject { get; private set; }

    public string Body { get; private set; }

    public ReminderStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>While a sender holds the message: until when (see <c>ReviewMessage.SendingUntil</c>).</summary>
    public DateTimeOffset? SendingUntil { get; private set; }

    public void MarkSent(DateTimeOffset at)
    {
        Status = ReminderStatus.Sent;
        SentAt = at.ToUniversalTime();
        SendingUntil = null;
    }
}
