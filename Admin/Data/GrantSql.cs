using SocItConsole.Shared.Grants;

namespace SocItConsole.Admin.Data;

/// <summary>
/// <see cref="GrantRules.ActiveOn"/> as SQL text, for the statements that must be raw SQL: the follow-up job's
/// set-based INSERT … SELECT (decision 0010). Every LINQ query uses the expression instead; a test runs this text and
/// the expression over one table of grants and holds them to the same answer.
/// </summary>
internal static class GrantSql
{
    /// <summary>
    /// The grant aliased <paramref name="alias"/> is active on <paramref name="day"/>, a SQL expression of a day in its
    /// stored form ('yyyy-MM-dd' text, which compares in date order).
    /// </summary>
    public static string ActiveOn(string alias, string day) =>
        $"""({alias}."EndedByOrderId" IS NULL AND {alias}."From" <= {day} AND ({alias}."To" IS NULL OR {alias}."To" >= {day}))""";
}
