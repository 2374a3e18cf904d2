using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.FollowUps;

public enum ReminderStatus
{
    /// <summary>Recorded before the send; not known to have reached the mail server.</summary>
    Attempted,

    /// <summary>The mail server accepted it.</summary>
    Sent,
}

/// <summary>
/// One reminder e-mail to one manager on one day, listing their follow-ups. Written as an attempt, with its
/// Message-Id, before the send, and marked sent after it: a retry re-sends an attempt with the same Message-Id and
/// the same text, and never sends a manager a second reminder for the same day.
/// </summary>
public sealed class ReminderMessage
{
    public const int SubjectMaxLength = 200;
    public const int MessageIdMaxLength = 200;

    private readonly List<ReminderItem> _items = [];

    private ReminderMessage()
    {
        ToName = Subject = Body = MessageId = string.Empty;
    }

    public ReminderMessage(
        DateOnly day, string toName, EmailAddress toEmail, string messageId, string subject, string body,
        IEnumerable<int> followUpIds, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(followUpIds);
        Day = day;
        ToName = toName;
        ToEmail = toEmail;
        MessageId = messageId;
        Subject = subject;
        Body = body;
        CreatedAt = createdAt.ToUniversalTime();
        Status = ReminderStatus.Attempted;
        _items.AddRange(followUpIds.Select(id => new ReminderItem(id)));
    }

    public int Id { get; private set; }

    /// <summary>The day (in Sweden) the reminder is for; one per manager and day.</summary>
    public DateOnly Day { get; private set; }

    public string ToName { get; private set; }

    public EmailAddress ToEmail { get; private set; }

    /// <summary>The Message-Id header, the same on every attempt, so a receiving server can tell a repeat.</summary>
    public string MessageId { get; private set; }

    public string Subject { get; private set; }

    /// <summary>The plain text as sent; it names employees and systems, never a personnummer.</summary>
    public string Body { get; private set; }

    public ReminderStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public IReadOnlyList<ReminderItem> Items => _items;

    public void RecordAttempt() => Attempts++;

    public void MarkSent(DateTimeOffset at)
    {
        Status = ReminderStatus.Sent;
        SentAt = at.ToUniversalTime();
    }
}

/// <summary>One follow-up a reminder listed.</summary>
public sealed class ReminderItem
{
    private ReminderItem()
    {
    }

    public ReminderItem(int followUpId) => FollowUpId = followUpId;

    public int Id { get; private set; }

    public int FollowUpId { get; private set; }
}
