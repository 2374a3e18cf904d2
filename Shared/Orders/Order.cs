using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.People;

namespace SocItConsole.Shared.Orders;

/// <summary>
/// One order (beställning) as received. It keeps the names of its title, units and systems as they were, so that the
/// order reads true after master data changes; the case work on it is the operator's (ärende).
/// </summary>
public sealed class Order
{
    public const int IdempotencyKeyMaxLength = 100;

    private readonly List<OrderSystem> _systems = [];
    private readonly List<ChecklistItem> _checklist = [];
    private readonly List<CaseComment> _comments = [];
    private readonly List<ChangeLine> _changes = [];

    private Order()
    {
        CaseNumber = EmployeeName = UnitName = PlacedById = PlacedByName = string.Empty;
        Orderer = Manager = null!;
    }

    private Order(ValidOrder order, CaseNumber caseNumber, Employee employee, OrderChannel channel, Actor placedBy, DateTimeOffset receivedAt)
    {
        CaseNumber = caseNumber.Value;
        Type = order.Type;
        Channel = channel;
        Status = OrderStatus.Received;
        ReceivedAt = receivedAt.ToUniversalTime();
        Employee = employee;
        EmployeeName = order.EmployeeName;
        TitleId = order.Title?.Id;
        TitleName = order.Title?.Name;
        UnitId = order.Unit.Id;
        UnitName = order.Unit.Name;
        EmploymentId = order.EmploymentId;
        TargetUnitId = order.TargetUnit?.Id;
        TargetUnitName = order.TargetUnit?.Name;
        StartDate = order.StartDate;
        EndDate = order.EndDate;
        KeyKind = order.KeyKind;
        KeyNumber = order.KeyNumber?.Value;
        Orderer = order.Orderer;
        Manager = order.Manager;
        Note = order.Note;
        PlacedById = placedBy.Id;
        PlacedByName = placedBy.Name;
    }

    public int Id { get; private set; }

    public string CaseNumber { get; private set; }

    public OrderType Type { get; private set; }

    public OrderChannel Channel { get; private set; }

    public OrderStatus Status { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public int EmployeeId { get; private set; }

    public Employee? Employee { get; private set; }

    /// <summary>The name as the order gave it.</summary>
    public string EmployeeName { get; private set; }

    public int? TitleId { get; private set; }

    public string? TitleName { get; private set; }

    public int UnitId { get; private set; }

    public string UnitName { get; private set; }

    /// <summary>
    /// The employment the order is about: the one it changes or ends, or the one its access belongs to. A new access
    /// order gets the employment it started when the case is completed (<see cref="AttachEmployment"/>).
    /// </summary>
    public int? EmploymentId { get; private set; }

    public int? TargetUnitId { get; private set; }

    public string? TargetUnitName { get; private set; }

    public DateOnly? StartDate { get; private set; }

    /// <summary>End of a temporary grant; for an end order, the last working day.</summary>
    public DateOnly? EndDate { get; private set; }

    public KeyChoiceKind KeyKind { get; private set; }

    public string? KeyNumber { get; private set; }

    public Contact Orderer { get; private set; }

    public Contact Manager { get; private set; }

    public string? Note { get; private set; }

    /// <summary>Who submitted it: the signed-in user's id, or the e-service's client.</summary>
    public string PlacedById { get; private set; }

    public string PlacedByName { get; private set; }

    /// <summary>The batch it was placed in (many orders at once), if any.</summary>
    public int? BatchId { get; private set; }

    /// <summary>Placed as one of many (<see cref="OrderBatch"/>): set before the batch's single save.</summary>
    public void BelongTo(OrderBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Id == 0)
        {
            throw new InvalidOperationException("The batch is saved first, in the same transaction.");
        }

        BatchId = batch.Id;
    }

    /// <summary>The e-service's Idempotency-Key: a retry with it returns this order instead of a second one.</summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>A hash of the request the key came with; the same key with another body is refused.</summary>
    public string? RequestHash { get; private set; }

    /// <summary>The systems the order concerns: derived from title × unit, or asked for in an extension.</summary>
    public IReadOnlyList<OrderSystem> Systems => _systems;

    /// <summary>The operator who took the case.</summary>
    public string? AssignedToId { get; private set; }

    public string? AssignedToName { get; private set; }

    public DateTimeOffset? TakenAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? RejectionReason { get; private set; }

    /// <summary>Advances with every change to the case: two operators cannot overwrite each other's work.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// Whether the orderer's right to order for the unit is in doubt (<em>Kontrollera beställare</em>): an e-service
    /// order from someone who is neither a manager of the unit nor appointed for it that day is kept, but cannot be
    /// completed until an operator confirms the orderer (or rejects the case).
    /// </summary>
    public OrdererCheck OrdererCheck { get; private set; }

    public string? OrdererConfirmedByName { get; private set; }

    public DateTimeOffset? OrdererConfirmedAt { get; private set; }

    /// <summary>The operator's e-mail address, so that an answer from the orderer reaches them.</summary>
    public string? AssignedToEmail { get; private set; }

    /// <summary>Soc-IT's latest question to the orderer; the case waits for the answer.</summary>
    public string? Question { get; private set; }

    public DateTimeOffset? QuestionAskedAt { get; private set; }

    public string? QuestionAskedByName { get; private set; }

    /// <summary>How many questions the case has asked: numbers the question e-mail.</summary>
    public int QuestionCount { get; private set; }

    public string? Answer { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public string? AnsweredByName { get; private set; }

    /// <summary>The orderer has answered and no operator has acted on the case since: the queue shows it.</summary>
    public bool HasNewAnswer { get; private set; }

    /// <summary>For temporary access to another unit: that unit's say (null for any other order).</summary>
    public UnitConsent? Consent { get; private set; }

    public IReadOnlyList<ChecklistItem> Checklist => _checklist;

    public IReadOnlyList<CaseComment> Comments => _comments;

    /// <summary>
    /// For a change of title or unit: the difference between what the person held in the changed employment and what
    /// the new title × unit gives, as computed when the order came in (<see cref="ChangeOrderRules.Difference"/>).
    /// </summary>
    public IReadOnlyList<ChangeLine> Changes => _changes;

    /// <summary>
    /// An operator takes the case: it is theirs, a received case is under way, and the checklist is made the first
    /// time (<paramref name="checklist"/> comes from <see cref="CaseChecklist.For"/>).
    /// </summary>
    public void Take(Actor by, DateTimeOffset at, IEnumerable<ChecklistItem> checklist, string? byEmail = null)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(checklist);
        if (!CaseStatusRules.IsOpen(Status))
        {
            throw new DomainException(CaseStatusRules.Refusal(Status, OrderStatus.InProgress)!);
        }

        AssignedToId = by.Id;
        AssignedToName = by.Name;
        AssignedToEmail = byEmail ?? AssignedToEmail;
        TakenAt = at.ToUniversalTime();
        if (_checklist.Count == 0)
        {
            _checklist.AddRange(checklist);
        }

        if (Status == OrderStatus.Received)
        {
            Status = OrderStatus.InProgress;
        }

        Touch();
    }

    /// <summary>Moves the case along its flow; completing needs every checklist item done or explained.</summary>
    public void MoveTo(OrderStatus to, Actor by, DateTimeOffset at, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (CaseStatusRules.Refusal(Status, to) is { } refusal)
        {
            throw new DomainException(refusal);
        }

        if (to == OrderStatus.Completed)
        {
            var open = _checklist.Where(i => i.IsOpen).Select(i => i.Label).ToList();
            if (open.Count > 0)
            {
                throw new DomainException(
                    $"Ärendet kan inte slutföras: {open.Count} {(open.Count == 1 ? "punkt är inte klar" : "punkter är inte klara")} ({string.Join("; ", open)}).");
            }

            if (CompletionBlock() is { } blocked)
            {
                throw new DomainException(blocked);
            }

            CompletedAt = at.ToUniversalTime();
        }

        if (to == OrderStatus.WaitingForOrderer)
        {
            Question = Text.Required(reason, CaseComment.TextMaxLength, "Frågan till beställaren");
            QuestionAskedAt = at.ToUniversalTime();
            QuestionAskedByName = by.Name;
            QuestionCount++;
            Answer = null;
            AnsweredAt = null;
            AnsweredByName = null;
        }

        if (to == OrderStatus.Rejected)
        {
            RejectionReason = Text.Required(reason, CaseComment.TextMaxLength, "Skälet till att ärendet avvisas");
        }

        Status = to;
        Touch();
    }

    public void MarkItem(int itemId, ChecklistState state, Actor by, DateTimeOffset at, string? note)
    {
        if (!CaseStatusRules.IsOpen(Status))
        {
            throw new DomainException("Ärendet är avslutat; checklistan kan inte ändras.");
        }

        var item = _checklist.FirstOrDefault(i => i.Id == itemId)
            ?? throw new DomainException("Punkten finns inte i ärendets checklista.");
        item.Mark(state, by, at, note);
        Touch();
    }

    public void AddComment(Actor by, DateTimeOffset at, string text)
    {
        _comments.Add(new CaseComment(by, at, text));
        Touch();
    }

    /// <summary>Completing the case placed its access in <paramref name="employmentId"/> (a new one, or the one it is about).</summary>
    public void AttachEmployment(int employmentId) => EmploymentId = employmentId;

    /// <summary>
    /// Why the case cannot be completed yet, whatever its checklist says, or null: the orderer is not confirmed, or
    /// the receiving unit has not approved.
    /// </summary>
    public string? CompletionBlock() => (OrdererCheck, Consent) switch
    {
        (OrdererCheck.Pending, _) =>
            $"Ärendet kan inte slutföras: kontrollera först att {Orderer.Name} får beställa för {UnitName}, eller avvisa ärendet.",
        (_, { Status: ConsentStatus.Pending } consent) =>
            $"Ärendet kan inte slutföras: chefen för {consent.UnitName} har inte godkänt behörigheten ännu.",
        (_, { Status: ConsentStatus.Rejected } consent) =>
            $"Ärendet kan inte slutföras: chefen för {consent.UnitName} har inte godkänt behörigheten.",
        _ => null,
    };

    /// <summary>The orderer has no known right to order for the unit: the case shows <em>Kontrollera beställare</em>.</summary>
    public void MarkOrdererUnchecked() => OrdererCheck = OrdererCheck.Pending;

    /// <summary>An operator has made sure the orderer may order for the unit (by phone, with the manager).</summary>
    public void ConfirmOrderer(Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (OrdererCheck != OrdererCheck.Pending)
        {
            throw new DomainException("Beställaren behöver inte kontrolleras i det här ärendet.");
        }

        if (!CaseStatusRules.IsOpen(Status))
        {
            throw new DomainException($"Ärendet {OrderTexts.StatusPredicate(Status, already: true)} och kan inte ändras.");
        }

        OrdererCheck = OrdererCheck.Confirmed;
        OrdererConfirmedByName = by.Name;
        OrdererConfirmedAt = at.ToUniversalTime();
        Touch();
    }

    /// <summary>Asks the receiving unit of a temporary access order for its consent.</summary>
    public void RequestConsent(UnitConsent consent)
    {
        ArgumentNullException.ThrowIfNull(consent);
        if (Type != OrderType.TemporaryUnit || Consent is not null)
        {
            throw new DomainException("Bara en beställning av tillfällig behörighet till en annan verksamhet kräver godkännande.");
        }

        Consent = consent;
    }

    /// <summary>
    /// The orderer answers Soc-IT's question: the case is under way again, and shows the assigned operator that
    /// there is an answer until an operator acts on it.
    /// </summary>
    public void AnswerQuestion(Actor by, DateTimeOffset at, string answer)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (Status != OrderStatus.WaitingForOrderer)
        {
            throw new DomainException($"Ärendet {OrderTexts.StatusPredicate(Status)} och väntar inte på något svar.");
        }

        Answer = Text.Required(answer, CaseComment.TextMaxLength, "Svaret");
        AnsweredAt = at.ToUniversalTime();
        AnsweredByName = by.Name;
        Status = OrderStatus.InProgress;
        Touch();
        HasNewAnswer = true;
    }

    private void Touch()
    {
        Version++;
        HasNewAnswer = false;
    }

    public static Order Place(
        ValidOrder order,
        CaseNumber caseNumber,
        Employee employee,
        IEnumerable<OrderSystem> systems,
        OrderChannel channel,
        Actor placedBy,
        DateTimeOffset receivedAt,
        string? idempotencyKey = null,
        string? requestHash = null,
        IEnumerable<ChangeLine>? changes = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(employee);
        ArgumentNullException.ThrowIfNull(systems);
        ArgumentNullException.ThrowIfNull(placedBy);
        if (idempotencyKey?.Length > IdempotencyKeyMaxLength)
        {
            throw new DomainException($"Idempotency-Key får vara högst {IdempotencyKeyMaxLength} tecken.");
        }

        var placed = new Order(order, caseNumber, employee, channel, placedBy, receivedAt)
        {
            IdempotencyKey = idempotencyKey,
            RequestHash = requestHash,
        };
        placed._systems.AddRange(systems);
        placed._changes.AddRange(changes ?? []);
        return placed;
    }
}

/// <summary>Whether an orderer's right to order for the order's unit has to be checked by Soc-IT.</summary>
public enum OrdererCheck
{
    /// <summary>The orderer is a manager of the unit or appointed for it, or an operator registered the order.</summary>
    NotNeeded,

    /// <summary><em>Kontrollera beställare</em>: the order cannot be completed until an operator confirms the orderer.</summary>
    Pending,

    Confirmed,
}

/// <summary>A note on a case, by an operator.</summary>
public sealed class CaseComment
{
    public const int TextMaxLength = 2000;

    private CaseComment()
    {
        ByName = Text = string.Empty;
    }

    public CaseComment(Actor by, DateTimeOffset at, string text)
    {
        ArgumentNullException.ThrowIfNull(by);
        ByName = by.Name;
        At = at.ToUniversalTime();
        Text = Common.Text.Required(text, TextMaxLength, "Kommentaren");
    }

    public int Id { get; private set; }

    public string ByName { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Text { get; private set; }
}

/// <summary>A system an order concerns, with the level, named as they were when the order came in.</summary>
public sealed class OrderSystem
{
    private OrderSystem()
    {
        SystemName = LevelName = string.Empty;
    }

    public OrderSystem(int systemId, string systemName, int levelId, string levelName)
    {
        SystemId = systemId;
        SystemName = systemName;
        LevelId = levelId;
        LevelName = levelName;
    }

    public int Id { get; private set; }

    public int SystemId { get; private set; }

    public string SystemName { get; private set; }

    public int LevelId { get; private set; }

    public string LevelName { get; private set; }
}
