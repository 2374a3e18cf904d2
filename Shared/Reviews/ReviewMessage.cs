using SocItConsole.Shared.Common;
using SocItConsole.Shared.FollowUps;

namespace SocItConsole.Shared.Reviews;

public enum ReviewMessageKind
{
    /// <summary>Sent when the round starts: the manager's task and the due date.</summary>
    Invitation,

    /// <summary>Sent before the due date to managers whose units still have unanswered lines.</summary>
    Reminder,
}

/// <summary>
/// One e-mail of a review round to one manager: the invitation, or the reminder. Like the expiry reminders it is
/// recorded as an attempt, with its Message-Id and text, before it is sent and marked sent after, so that a retry
/// sends the same message and a sent one is never sent twice. One of each kind per manager and round.
/// </summary>
public sealed class ReviewMessage
{
    private ReviewMessage()
    {
        ToName = Subject = Body = MessageId = UnitIds = string.Empty;
    }

    public ReviewMessage(
        int roundId, ReviewMessageKind kind, DateOnly day, string toName, EmailAddress toEmail, string messageId,
        string subject, string body, IEnumerable<int> unitIds, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        RoundId = roundId;
        Kind = kind;
        Day = day;
        ToName = toName;
        ToEmail = toEmail;
        MessageId = messageId;
        Subject = subject;
        Body = body;
        UnitIds = string.Join(',', unitIds.Order());
        CreatedAt = createdAt.ToUniversalTime();
        Status = ReminderStatus.Attempted;
    }

    public int Id { get; private set; }

    public int RoundId { get; private set; }

    public ReviewMessageKind Kind { get; private set; }

    /// <summary>The day (in Sweden) the message was composed.</summary>
    public DateOnly Day { get; private set; }

    public string ToName { get; private set; }

    public EmailAddress ToEmail { get; private set; }

    public string MessageId { get; private set; }

    public string Subject { get; private set; }

    /// <summary>The plain text as sent; it names units and counts, never a person.</summary>
    public string Body { get; private set; }

    /// <summary>The units the message is about, comma-separated ids.</summary>
    public string UnitIds { get; private set; }

    public ReminderStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>
    /// While a sender holds the message: until when. A sender claims the message in the database before it sends, so
    /// that two senders (the round's start in the console and the review job on the command line, say) never both
    /// send it; a sender that crashed mid-send lets go when this passes, and the next run sends it again with the same
    /// Message-Id.
    /// </summary>
    public DateTimeOffset? SendingUntil { get; private set; }

    public IReadOnlyList<int> UnitIdList =>
        [.. UnitIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))];

    public void MarkSent(DateTimeOffset at)
    {
        Status = ReminderStatus.Sent;
        SentAt = at.ToUniversalTime();
        SendingUntil = null;
    }
}
