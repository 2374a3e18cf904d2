namespace SocItConsole.Admin.Infrastructure.Changes;

/// <summary>
/// How one feature's changes run through <see cref="AuditedChange"/>: the policy they need, the Swedish message for a
/// change someone else made meanwhile, and how a refusal or a conflict becomes the feature's own result.
/// </summary>
public sealed record ChangeRules<TResult>(
    string Policy,
    string ConflictMessage,
    Func<string, TResult> Refused,
    Func<string, TResult> Conflict)
{
    /// <summary>Run the change in one transaction: for changes that save in steps.</summary>
    public bool InTransaction { get; init; }

    /// <summary>The conflict message when a unique index refuses the save; <see cref="ConflictMessage"/> when not set.</summary>
    public string? UniqueConflictMessage { get; init; }

    /// <summary>When set, any failed save is logged and refused with this message (it then wins over the conflicts).</summary>
    public string? SaveFailedMessage { get; init; }
}
