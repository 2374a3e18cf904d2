using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.People;

namespace SocItConsole.Shared.Hr;

/// <summary>
/// One thing a reconciliation run found about one person: a leaver, a mover, a joiner or a person unknown to HR, with
/// the console's side (the employment) and HR's side (the line). An operator confirms it, which places its order
/// through the ordinary intake (<see cref="OrderId"/>), or dismisses it with a reason. <see cref="FactsKey"/> names the
/// facts it rests on: a later run that finds the same facts carries the dismissal over instead of asking again.
/// </summary>
public sealed class HrFinding
{
    public const int FactsKeyMaxLength = 200;
    public const int ReasonMaxLength = 500;
    public const int TextMaxLength = 200;

    private HrFinding()
    {
        FactsKey = Name = UnitName = string.Empty;
    }

    public HrFinding(int importId, HrFindingKind kind, string factsKey, Personnummer personnummer, string name, int unitId, string unitName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(factsKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (factsKey.Length > FactsKeyMaxLength)
        {
            throw new ArgumentException($"A facts key is at most {FactsKeyMaxLength} characters.", nameof(factsKey));
        }

        ImportId = importId;
        Kind = kind;
        FactsKey = factsKey;
        Personnummer = personnummer;
        Name = name;
        UnitId = unitId;
        UnitName = unitName;
        Status = HrFindingStatus.Open;
    }

    public int Id { get; private set; }

    public int ImportId { get; private set; }

    public HrFindingKind Kind { get; private set; }

    public HrFindingStatus Status { get; private set; }

    /// <summary>The facts the finding rests on, as a stable text (kind, person, employment, HR's unit, title and dates).</summary>
    public string FactsKey { get; private set; }

    public Personnummer Personnummer { get; private set; }

    /// <summary>The person's name: the console's when known, else HR's. Shown through the protected-identity rule.</summary>
    public string Name { get; private set; }

    /// <summary>The person in the console, when known (not for a joiner new to the console).</summary>
    public int? EmployeeId { get; init; }

    /// <summary>The console employment it is about (leaver, mover, unknown to HR).</summary>
    public int? EmploymentId { get; init; }

    /// <summary>The unit whose managers hear of it: the employment's unit, or for a joiner HR's unit.</summary>
    public int UnitId { get; private set; }

    public string UnitName { get; private set; }

    /// <summary>The console employment's title.</summary>
    public int? TitleId { get; init; }

    public string? TitleName { get; init; }

    /// <summary>HR's side, mapped: the unit and title HR has for the person (mover, joiner).</summary>
    public int? HrUnitId { get; init; }

    public string? HrUnitName { get; init; }

    public int? HrTitleId { get; init; }

    public string? HrTitleName { get; init; }

    public DateOnly? HrFrom { get; init; }

    public DateOnly? HrTo { get; init; }

    /// <summary>The HR file's line the finding comes from (none when HR has no line for it).</summary>
    public int? LineNumber { get; init; }

    /// <summary>The day the proposed order takes effect: a leaver's last day, a mover's first day in the new post, a joiner's first day.</summary>
    public DateOnly? EffectiveDate { get; init; }

    /// <summary>The order placed when it was confirmed.</summary>
    public int? OrderId { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedById { get; private set; }

    public string? DecidedByName { get; private set; }

    public string? DismissReason { get; private set; }

    /// <summary>Set when the dismissal was carried over from an earlier run's finding with the same facts.</summary>
    public int? DismissedAsFindingId { get; private set; }

    public bool IsOpen => Status == HrFindingStatus.Open;

    /// <summary>Confirmed: its order <paramref name="orderId"/> is placed (or was already, for the same person, kind and day).</summary>
    public void Confirm(int orderId, Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (Status == HrFindingStatus.Confirmed && OrderId == orderId)
        {
            return;
        }

        EnsureOpen();
        Status = HrFindingStatus.Confirmed;
        OrderId = orderId;
        Decided(by, at);
    }

    public void Dismiss(string reason, Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new DomainException("Ange varför avvikelsen avfärdas.");
        }

        if (text.Length > ReasonMaxLength)
        {
            throw new DomainException($"Skälet får vara högst {ReasonMaxLength} tecken.");
        }

        EnsureOpen();
        Status = HrFindingStatus.Dismissed;
        DismissReason = text;
        Decided(by, at);
    }

    /// <summary>The same facts were dismissed in an earlier run: dismissed again, with that reason and decider.</summary>
    public void CarryDismissal(HrFinding earlier, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        if (earlier.Status != HrFindingStatus.Dismissed || earlier.FactsKey != FactsKey)
        {
            throw new InvalidOperationException("Only a dismissal of the same facts is carried over.");
        }

        EnsureOpen();
        Status = HrFindingStatus.Dismissed;
        DismissReason = earlier.DismissReason;
        DismissedAsFindingId = earlier.Id;
        DecidedAt = at.ToUniversalTime();
        DecidedById = earlier.DecidedById;
        DecidedByName = earlier.DecidedByName;
    }

    /// <summary>A later run found the same facts while this one was still open: the later one is decided instead.</summary>
    public void Supersede(DateTimeOffset at)
    {
        EnsureOpen();
        Status = HrFindingStatus.Superseded;
        DecidedAt = at.ToUniversalTime();
    }

    private void EnsureOpen()
    {
        if (Status != HrFindingStatus.Open)
        {
            throw new DomainException(Status switch
            {
                HrFindingStatus.Confirmed => "Avvikelsen är redan bekräftad.",
                HrFindingStatus.Superseded => "Avvikelsen har ersatts av en senare avstämning.",
                _ => "Avvikelsen är redan avfärdad.",
            });
        }
    }

    private void Decided(Actor by, DateTimeOffset at)
    {
        DecidedAt = at.ToUniversalTime();
        DecidedById = by.Id;
        DecidedByName = by.Name;
    }
}
