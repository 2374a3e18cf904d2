namespace SocItConsole.Admin.Features.FollowUps;

/// <summary>The two decisions on a follow-up, asked in the page's address (decision 0049).</summary>
public enum FollowUpDecision
{
    End,
    Extend,
}

/// <summary>
/// The query parameters that open a decision's dialog on the follow-up pages: <c>?end=id</c> or <c>?extend=id</c>, with
/// <c>&amp;grant=id</c> for one grant of a fixed-term employment or a placement.
/// </summary>
public static class FollowUpDecisions
{
    public const string EndParameter = "end";
    public const string ExtendParameter = "extend";
    public const string GrantParameter = "grant";

    /// <summary>The parameters that ask for <paramref name="decision"/>; null for a decision asks nothing.</summary>
    public static IReadOnlyDictionary<string, object?> Query(FollowUpDecision? decision, int? followUpId = null, int? grantId = null) =>
        new Dictionary<string, object?>
        {
            [EndParameter] = decision == FollowUpDecision.End ? followUpId : null,
            [ExtendParameter] = decision == FollowUpDecision.Extend ? followUpId : null,
            [GrantParameter] = decision is null ? null : grantId,
        };
}

/// <summary>The fields of the end and extend forms of the follow-up pages (decision 0049).</summary>
public sealed class FollowUpDecisionForm
{
    public int FollowUpId { get; set; }

    /// <summary>The version of the follow-up the dialog showed: a decision on a changed one is a conflict.</summary>
    public int Version { get; set; }

    /// <summary>One grant of a fixed-term employment's or a placement's follow-up, decided alone.</summary>
    public int? GrantId { get; set; }

    public DateOnly? NewLastDay { get; set; }
}

/// <summary>
/// The decision a follow-up page's address asks for (<c>?end=id</c> or <c>?extend=id</c>, <c>&amp;grant=id</c>): the
/// undecided follow-up and, for one grant alone, its line; nothing when it is decided, gone, or not the user's.
/// </summary>
public sealed record FollowUpQuestion(FollowUpDecision Decision, FollowUpRow Row, FollowUpGrantLine? Grant)
{
    public static async Task<FollowUpQuestion?> FindAsync(FollowUpService followUps, int? endId, int? extendId, int? grantId)
    {
        ArgumentNullException.ThrowIfNull(followUps);
        var (decision, id) = (endId, extendId) switch
        {
            ({ } end, _) => (FollowUpDecision.End, end),
            (null, { } extend) => (FollowUpDecision.Extend, extend),
            _ => (default(FollowUpDecision?), 0),
        };
        if (decision is null || await followUps.GetAsync(id) is not { IsUndecided: true } row)
        {
            return null;
        }

        return Of(decision.Value, row, grantId);
    }

    /// <summary>The question for a row already loaded (the follow-up's own page).</summary>
    public static FollowUpQuestion? Of(FollowUpDecision decision, FollowUpRow row, int? grantId)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!row.IsUndecided)
        {
            return null;
        }

        if (grantId is not { } g)
        {
            return new FollowUpQuestion(decision, row, null);
        }

        return row.Grants.FirstOrDefault(l => l.GrantId == g && l.EndCaseNumber is null) is { } line ? new FollowUpQuestion(decision, row, line) : null;
    }
}
