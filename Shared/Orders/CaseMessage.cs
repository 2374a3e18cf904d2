using SocItConsole.Shared.Common;
using SocItConsole.Shared.FollowUps;

namespace SocItConsole.Shared.Orders;

/// <summary>The e-mail a case gives rise to, one per event.</summary>
public enum CaseMessageKind
{
    /// <summary>To the orderer: the order is received, with its case number and what was ordered.</summary>
    Received,

    /// <summary>To the orderer: Soc-IT asks a question and waits, with a link to answer it.</summary>
    Question,

    /// <summary>To the orderer: the case is done, with what was granted and the key.</summary>
    Completed,

    /// <summary>To the orderer: the case is rejected, with the reason.</summary>
    Rejected,

    /// <summary>To the receiving unit's manager: approve or reject temporary access to the unit.</summary>
    ConsentRequest,

    /// <summary>To the receiving unit's manager, once: the request is still unanswered.</summary>
    ConsentReminder,

    /// <summary>To the assigned operator: the orderer has answered the question.</summary>
    Answered,
}

/// <summary>
/// One e-mail about a case to one recipient (besked). Like the expiry reminders it is recorded as an attempt, with
/// its Message-Id and text, in the same save as the event it tells of, and marked sent when the server took it: a
/// retry sends the same message, and one event never gives two. <see cref="Sequence"/> tells events of one kind on
/// one case apart (the second question is 2). It never names a personnummer, nor a person with protected identity.
/// </summary>
public sealed class CaseMessage
{
    private CaseMessage()
    {
        ToName = Subject = Body = MessageId = string.Empty;
    }

    public CaseMessage(
        int orderId, CaseMessageKind kind, int sequence, string toName, EmailAddress toEmail, string messageId,
        string subject, string body, DateTimeOffset createdAt)
    {
        OrderId = orderId;
        Kind = kind;
        Sequence = sequence;
        ToName = toName;
        ToEmail = toEmail;
        MessageId = messageId;
        Subject = subject;
        Body = body;
        CreatedAt = createdAt.ToUniversalTime();
        Status = ReminderStatus.Attempted;
    }

    public int Id { get; private set; }

    public int OrderId { get; private set; }

    public CaseMessageKind Kind { get; private set; }

    public int Sequence { get; private set; }

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
