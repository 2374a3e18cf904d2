using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.Reviews;

/// <summary>
/// One person × system × level × unit in a review round, and the manager's answer to it. The names are kept as they
/// were when the round started. Answers go through <see cref="ReviewRound"/>, which refuses them once it is closed;
/// every answer is kept in <see cref="History"/>, so the evidence shows who attested what, and when.
/// </summary>
public sealed class ReviewLine
{
    public const int CommentMaxLength = 500;

    private readonly List<ReviewAnswerEvent> _history = [];

    private ReviewLine()
    {
        EmployeeName = SystemName = LevelName = UnitName = string.Empty;
    }

    internal ReviewLine(ReviewGrantSnapshot grant)
    {
        GrantId = grant.GrantId;
        EmployeeId = grant.EmployeeId;
        EmployeeName = grant.EmployeeName;
        SystemName = grant.SystemName;
        LevelName = grant.LevelName;
        UnitId = grant.UnitId;
        UnitName = grant.UnitName;
        From = grant.From;
        To = grant.To;
        IsTemporary = grant.To is not null;
        IsFromOtherUnit = grant.HomeUnitId != grant.UnitId;
    }

    public int Id { get; private set; }

    /// <summary>The round the line belongs to (set when the round is saved).</summary>
    public int RoundId { get; private set; }

    public int GrantId { get; private set; }

    public int EmployeeId { get; private set; }

    public string EmployeeName { get; private set; }

    public string SystemName { get; private set; }

    public string LevelName { get; private set; }

    public int UnitId { get; private set; }

    public string UnitName { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? To { get; private set; }

    /// <summary>The grant has a last day: temporary access that the manager must not forget.</summary>
    public bool IsTemporary { get; private set; }

    /// <summary>The person belongs to another unit and has access here.</summary>
    public bool IsFromOtherUnit { get; private set; }

    public ReviewAnswer Answer { get; private set; }

    public string? Comment { get; private set; }

    public string? AnsweredById { get; private set; }

    public string? AnsweredByName { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>The end order a "Tas bort" created; once set, the answer can no longer change.</summary>
    public int? RemovalOrderId { get; private set; }

    public IReadOnlyList<ReviewAnswerEvent> History => _history;

    public bool IsAnswered => Answer != ReviewAnswer.None;

    /// <summary>Answered "Tas bort" and no end order linked yet: the service is to create one.</summary>
    public bool NeedsRemovalOrder => Answer == ReviewAnswer.Remove && RemovalOrderId is null;

    /// <summary>
    /// Links the end order created for this line's "Tas bort". Allowed after the round has closed too: the answer is
    /// frozen, but the evidence is to show what became of the removal. Linking the same order again does nothing.
    /// </summary>
    public void LinkRemovalOrder(int orderId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(orderId);
        if (Answer != ReviewAnswer.Remove)
        {
            throw new DomainException($"{Describe()} är inte besvarad med \"Tas bort\" och får ingen avslutsbeställning.");
        }

        if (RemovalOrderId is { } existing && existing != orderId)
        {
            throw new DomainException($"{Describe()} har redan en avslutsbeställning.");
        }

        RemovalOrderId = orderId;
    }

    internal bool IsSameAnswer(ReviewAnswer answer, string? comment) => Answer == answer && Comment == comment;

    internal void Record(ReviewAnswer answer, string? comment, Actor by, DateTimeOffset at)
    {
        if (answer == ReviewAnswer.None)
        {
            throw new DomainException("Välj \"Behålls\" eller \"Tas bort\".");
        }

        if (RemovalOrderId is not null)
        {
            throw new DomainException($"{Describe()} ska tas bort och avslutsbeställningen är redan skapad. Svaret kan inte ändras.");
        }

        var text = Text.Optional(comment, CommentMaxLength, "Kommentaren");
        Answer = answer;
        Comment = text;
        AnsweredById = by.Id;
        AnsweredByName = by.Name;
        AnsweredAt = at.ToUniversalTime();
        _history.Add(new ReviewAnswerEvent(answer, text, by.Id, by.Name, at));
    }

    internal string Describe() => $"{EmployeeName}: {SystemName} ({LevelName}) i {UnitName}";
}

/// <summary>One answer given to a line: the first, or a change while the round was open.</summary>
public sealed class ReviewAnswerEvent
{
    private ReviewAnswerEvent()
    {
        ById = ByName = string.Empty;
    }

    internal ReviewAnswerEvent(ReviewAnswer answer, string? comment, string byId, string byName, DateTimeOffset at)
    {
        Answer = answer;
        Comment = comment;
        ById = byId;
        ByName = byName;
        At = at.ToUniversalTime();
    }

    public int Id { get; private set; }

    public ReviewAnswer Answer { get; private set; }

    public string? Comment { get; private set; }

    public string ById { get; private set; }

    public string ByName { get; private set; }

    public DateTimeOffset At { get; private set; }
}
