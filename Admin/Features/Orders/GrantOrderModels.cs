using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.Orders;

/// <summary>Where in the console an order about a grant was asked for.</summary>
public enum GrantOrderSource
{
    /// <summary>A follow-up of a temporary grant (Uppföljningar).</summary>
    FollowUp,

    /// <summary>The access view (Behörigheter i min verksamhet).</summary>
    UnitGrants,

    /// <summary>A "Tas bort" in an access review.</summary>
    Review,
}

/// <summary>
/// Who asks for an order about a grant, and from where: the orderer's e-mail address (the orderer's name is the
/// actor's), the responsible manager when that is someone else than the orderer (a follow-up names the grant's
/// manager), and for a review the round's name and the manager's comment, which go in the order's note.
/// </summary>
public sealed record GrantOrderOrigin(GrantOrderSource Source, string? OrdererEmail)
{
    /// <summary>The responsible manager's name; null: the orderer is the manager.</summary>
    public string? ManagerName { get; init; }

    public string? ManagerEmail { get; init; }

    /// <summary>The review round's name.</summary>
    public string? RoundName { get; init; }

    public string? Comment { get; init; }

    public static GrantOrderOrigin FollowUp(string? ordererEmail, string managerName, string managerEmail) =>
        new(GrantOrderSource.FollowUp, ordererEmail) { ManagerName = managerName, ManagerEmail = managerEmail };

    public static GrantOrderOrigin UnitGrants(string? managerEmail) => new(GrantOrderSource.UnitGrants, managerEmail);

    public static GrantOrderOrigin Review(string? managerEmail, string roundName, string? comment) =>
        new(GrantOrderSource.Review, managerEmail) { RoundName = roundName, Comment = comment };

    /// <summary>The idempotency key's first part: where the order was asked for.</summary>
    internal string KeyPrefix => Source switch
    {
        GrantOrderSource.FollowUp => "follow-up",
        GrantOrderSource.UnitGrants => "access",
        _ => "review",
    };

    /// <summary>"från …" in the order's note.</summary>
    internal string Label => Source switch
    {
        GrantOrderSource.FollowUp => "uppföljning",
        GrantOrderSource.UnitGrants => "Behörigheter i min verksamhet",
        _ => $"granskningen \"{RoundName}\"",
    };
}

/// <summary>How an order about a grant was found or placed.</summary>
public enum GrantOrderOutcome
{
    /// <summary>A new order was placed now.</summary>
    Placed,

    /// <summary>The same request from the same place was made before: the order it placed then.</summary>
    Repeated,

    /// <summary>Soc-IT already has an order that does it (placed elsewhere, or the one that ended the grant).</summary>
    AlreadyOrdered,
}

public abstract record GrantOrderResult
{
    /// <summary>
    /// The order for the grant: placed now or found. <paramref name="Type"/>, the dates and the names are what this
    /// request asks for, with the unit's, system's and level's names as they are today.
    /// </summary>
    public sealed record Ordered(
        int OrderId,
        string CaseNumber,
        GrantOrderOutcome Outcome,
        OrderType Type,
        DateOnly? StartDate,
        DateOnly EndDate,
        string EmployeeName,
        string UnitName,
        string SystemName,
        string LevelName) : GrantOrderResult
    {
        public bool Existing => Outcome != GrantOrderOutcome.Placed;
    }

    /// <summary>
    /// Nothing was ordered. <paramref name="OrderErrors"/> holds the order rules' objections when the order itself
    /// did not pass them (a unit, system or level deactivated since the grant was recorded).
    /// </summary>
    public sealed record Refused(string Message, string? OrderErrors = null) : GrantOrderResult;
}

/// <summary>The end of a fixed-term employment (<see cref="AssignmentId"/> null) or of a placement on <see cref="LastDay"/>.</summary>
public sealed record AccessEnd(int EmploymentId, int? AssignmentId, DateOnly LastDay);

/// <summary>A grant that ends with a fixed-term employment or a placement.</summary>
public sealed record EndingGrant(
    int Id, int EmploymentId, int? AssignmentId, int SystemId, string SystemName, int LevelId, string LevelName, DateOnly From, DateOnly? To);
