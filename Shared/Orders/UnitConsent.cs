using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.Orders;

public enum ConsentStatus
{
    /// <summary>Asked, not yet answered: the case cannot be completed.</summary>
    Pending,

    Approved,

    /// <summary>The receiving unit's manager said no, with a reason: the case is rejected.</summary>
    Rejected,
}

/// <summary>
/// The receiving unit's say in an order for temporary access to it (the routine: a unit whose records a person from
/// another unit will reach has its own manager's say). One per such order. Soc-IT may complete the case only once it
/// is approved; the unit's manager approves or rejects it in the console, or Soc-IT records an answer given by phone.
/// Unanswered, it is reminded once and then escalated to Soc-IT (<see cref="ConsentPolicy"/>).
/// </summary>
public sealed class UnitConsent
{
    public const int TextMaxLength = 1000;

    private UnitConsent()
    {
        UnitName = string.Empty;
    }

    public UnitConsent(int unitId, string unitName, DateTimeOffset requestedAt, DateOnly requestedOn)
    {
        UnitId = unitId;
        UnitName = unitName;
        RequestedAt = requestedAt.ToUniversalTime();
        RequestedOn = requestedOn;
        Status = ConsentStatus.Pending;
    }

    public int Id { get; private set; }

    public int OrderId { get; private set; }

    /// <summary>The receiving unit, whose manager decides.</summary>
    public int UnitId { get; private set; }

    public string UnitName { get; private set; }

    public ConsentStatus Status { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>The day (in Sweden) it was asked; the working days to answer count from it.</summary>
    public DateOnly RequestedOn { get; private set; }

    public DateTimeOffset? RemindedAt { get; private set; }

    /// <summary>The day (in Sweden) the reminder went; escalation counts from it.</summary>
    public DateOnly? RemindedOn { get; private set; }

    public DateTimeOffset? EscalatedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedById { get; private set; }

    public string? DecidedByName { get; private set; }

    /// <summary>True when Soc-IT recorded an answer the manager gave by phone.</summary>
    public bool ByPhone { get; private set; }

    /// <summary>The reason for a rejection, or Soc-IT's note on an answer given by phone.</summary>
    public string? Text { get; private set; }

    public bool IsPending => Status == ConsentStatus.Pending;

    public void Approve(Actor by, DateTimeOffset at, string? note = null) =>
        Decide(ConsentStatus.Approved, by, at, byPhone: false, note);

    public void Reject(Actor by, DateTimeOffset at, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Skriv varför behörigheten inte godkänns. Skälet skickas till beställaren.");
        }

        Decide(ConsentStatus.Rejected, by, at, byPhone: false, reason);
    }

    /// <summary>Soc-IT records what the unit's manager said by phone; the note says who said it and when.</summary>
    public void RecordByPhone(bool approved, Actor by, DateTimeOffset at, string note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("Skriv vem som lämnade beskedet per telefon och när.");
        }

        Decide(approved ? ConsentStatus.Approved : ConsentStatus.Rejected, by, at, byPhone: true, note);
    }

    public void MarkReminded(DateTimeOffset at, DateOnly on)
    {
        RemindedAt = at.ToUniversalTime();
        RemindedOn = on;
    }

    public void MarkEscalated(DateTimeOffset at) => EscalatedAt = at.ToUniversalTime();

    private void Decide(ConsentStatus status, Actor by, DateTimeOffset at, bool byPhone, string? text)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!IsPending)
        {
            throw new DomainException(Status == ConsentStatus.Approved
                ? $"Behörigheten till {UnitName} är redan godkänd."
                : $"Behörigheten till {UnitName} är redan nekad.");
        }

        Status = status;
        DecidedAt = at.ToUniversalTime();
        DecidedById = by.Id;
        DecidedByName = by.Name;
        ByPhone = byPhone;
        Text = string.IsNullOrWhiteSpace(text) ? null : Common.Text.Required(text, TextMaxLength, "Texten");
    }
}

/// <summary>What the nightly consent check does with one unanswered consent on a day.</summary>
public enum ConsentStep
{
    None,
    Remind,
    Escalate,
}

/// <summary>
/// When an unanswered consent is reminded and escalated: after <see cref="WorkingDaysToAnswer"/> working days
/// (Monday to Friday) without an answer, one reminder; after as many working days more, Soc-IT's dashboard.
/// </summary>
public static class ConsentPolicy
{
    public const int WorkingDaysToAnswer = 3;

    public static ConsentStep Next(UnitConsent consent, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(consent);
        if (!consent.IsPending || consent.EscalatedAt is not null)
        {
            return ConsentStep.None;
        }

        if (consent.RemindedOn is { } reminded)
        {
            return today >= AddWorkingDays(reminded, WorkingDaysToAnswer) ? ConsentStep.Escalate : ConsentStep.None;
        }

        return today >= AddWorkingDays(consent.RequestedOn, WorkingDaysToAnswer) ? ConsentStep.Remind : ConsentStep.None;
    }

    /// <summary>The day <paramref name="days"/> working days (Monday to Friday) after <paramref name="from"/>.</summary>
    public static DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var day = from;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                counted++;
            }
        }

        return day;
    }
}
