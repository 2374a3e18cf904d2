namespace SocItConsole.Admin.Data.Migrations
{
    /// <summary>
    /// The employments the orders on record imply, made before the grants must name one. Each statement touches only
    /// what has no employment yet, so running them again changes nothing. In order:
    /// <list type="number">
    /// <item>one employment per completed new-access order: its unit and title, from its start date, fixed-term to its
    /// end date when it had one;</item>
    /// <item>for a person's grants from a unit where no new-access order made an employment (orders from before the
    /// console, or only extensions), one employment in that unit from the first such grant, with the last title an
    /// order named there (or none); a temporary grant in another unit counts for the unit its order came from;</item>
    /// <item>ended: the first completed end-of-employment order after an employment began ends it on its last working
    /// day — an end order then ended every employment, so each one it reached is marked;</item>
    /// <item>one temporary assignment per completed temporary-access order that left grants, hanging off the person's
    /// employment in the ordering unit (the latest that began by the start date, else the first); ended, on its
    /// grants' last day, when an order ended all of them;</item>
    /// <item>each grant's employment: the one its own new-access order made, its assignment's, or the person's
    /// employment in its order's unit chosen the same way; then each temporary grant's assignment;</item>
    /// <item>each order's employment: the one it made, the one it alone ended, or for the other orders the one in its unit;
    /// an end order still open, or one that ended several, names none and keeps ending all (as it was placed);</item>
    /// <item>a last net: a grant still without one gets an employment of its own unit, so that none is left (the
    /// foreign key would refuse it).</item>
    /// </list>
    /// </summary>
    public partial class Employments
    {
        private const string EmploymentColumns =
            "\"EmployeeId\", \"UnitId\", \"UnitName\", \"TitleId\", \"TitleName\", \"From\", \"To\", \"StartedByOrderId\"";

        internal static readonly IReadOnlyList<string> Backfill =
        [
            $"INSERT INTO \"Employments\" ({EmploymentColumns}) "
            + "SELECT o.\"EmployeeId\", o.\"UnitId\", o.\"UnitName\", o.\"TitleId\", o.\"TitleName\", o.\"StartDate\", "
            + "CASE WHEN o.\"EndDate\" >= o.\"StartDate\" THEN o.\"EndDate\" END, o.\"Id\" "
            + "FROM \"Orders\" AS o "
            + "WHERE o.\"Type\" = 'New' AND o.\"Status\" = 'Completed' AND o.\"StartDate\" IS NOT NULL "
            + "AND NOT EXISTS (SELECT 1 FROM \"Employments\" AS e WHERE e.\"StartedByOrderId\" = o.\"Id\") "
            + "ORDER BY o.\"Id\";",

            "WITH \"Anchors\" AS ("
            + "SELECT o.\"EmployeeId\" AS emp, o.\"UnitId\" AS unit, min(o.\"Id\") AS first, min(g.\"From\") AS since "
            + "FROM \"Grants\" AS g JOIN \"Orders\" AS o ON o.\"Id\" = g.\"SourceOrderId\" "
            + "WHERE g.\"EmploymentId\" IS NULL OR g.\"EmploymentId\" = 0 "
            + "GROUP BY o.\"EmployeeId\", o.\"UnitId\") "
            + $"INSERT INTO \"Employments\" ({EmploymentColumns}) "
            + "SELECT a.emp, a.unit, f.\"UnitName\", "
            + "(SELECT t.\"TitleId\" FROM \"Orders\" AS t WHERE t.\"EmployeeId\" = a.emp AND t.\"UnitId\" = a.unit AND t.\"TitleId\" IS NOT NULL ORDER BY t.\"Id\" DESC LIMIT 1), "
            + "(SELECT t.\"TitleName\" FROM \"Orders\" AS t WHERE t.\"EmployeeId\" = a.emp AND t.\"UnitId\" = a.unit AND t.\"TitleId\" IS NOT NULL ORDER BY t.\"Id\" DESC LIMIT 1), "
            + "a.since, NULL, a.first "
            + "FROM \"Anchors\" AS a JOIN \"Orders\" AS f ON f.\"Id\" = a.first "
            + "WHERE NOT EXISTS (SELECT 1 FROM \"Employments\" AS e WHERE e.\"EmployeeId\" = a.emp AND e.\"UnitId\" = a.unit) "
            + "ORDER BY a.first;",

            "UPDATE \"Employments\" SET \"EndedByOrderId\" = ("
            + "SELECT min(t.\"Id\") FROM \"Orders\" AS t WHERE t.\"EmployeeId\" = \"Employments\".\"EmployeeId\" "
            + "AND t.\"Type\" = 'Terminate' AND t.\"Status\" = 'Completed' AND t.\"EndDate\" IS NOT NULL "
            + "AND t.\"Id\" > coalesce(\"Employments\".\"StartedByOrderId\", 0)) "
            + "WHERE \"EndedByOrderId\" IS NULL;",

            "UPDATE \"Employments\" SET \"To\" = ("
            + "SELECT CASE WHEN \"Employments\".\"To\" IS NOT NULL AND \"Employments\".\"To\" <= t.\"EndDate\" THEN \"Employments\".\"To\" "
            + "WHEN t.\"EndDate\" < \"Employments\".\"From\" THEN \"Employments\".\"From\" ELSE t.\"EndDate\" END "
            + "FROM \"Orders\" AS t WHERE t.\"Id\" = \"Employments\".\"EndedByOrderId\") "
            + "WHERE \"EndedByOrderId\" IS NOT NULL "
            + "AND EXISTS (SELECT 1 FROM \"Orders\" AS t WHERE t.\"Id\" = \"Employments\".\"EndedByOrderId\" AND t.\"Type\" = 'Terminate');",

            "INSERT INTO \"TemporaryAssignments\" (\"EmploymentId\", \"EmployeeId\", \"UnitId\", \"UnitName\", \"From\", \"To\", \"OrderId\", \"EndedByOrderId\") "
            + "SELECT " + ChosenEmployment("o.\"EmployeeId\"", "o.\"UnitId\"", "o.\"StartDate\"") + ", "
            + "o.\"EmployeeId\", coalesce(o.\"TargetUnitId\", o.\"UnitId\"), coalesce(o.\"TargetUnitName\", o.\"UnitName\"), o.\"StartDate\", "
            + "CASE WHEN " + AllGrantsEnded + " THEN (SELECT max(g.\"To\") FROM \"Grants\" AS g WHERE g.\"SourceOrderId\" = o.\"Id\") "
            + "ELSE coalesce(o.\"EndDate\", (SELECT max(g.\"To\") FROM \"Grants\" AS g WHERE g.\"SourceOrderId\" = o.\"Id\"), o.\"StartDate\") END, "
            + "o.\"Id\", "
            + "CASE WHEN " + AllGrantsEnded + " THEN (SELECT max(g.\"EndedByOrderId\") FROM \"Grants\" AS g WHERE g.\"SourceOrderId\" = o.\"Id\") END "
            + "FROM \"Orders\" AS o "
            + "WHERE o.\"Type\" = 'TemporaryUnit' AND o.\"Status\" = 'Completed' AND o.\"StartDate\" IS NOT NULL "
            + "AND EXISTS (SELECT 1 FROM \"Grants\" AS g WHERE g.\"SourceOrderId\" = o.\"Id\") "
            + "AND NOT EXISTS (SELECT 1 FROM \"TemporaryAssignments\" AS a WHERE a.\"OrderId\" = o.\"Id\") "
            + "ORDER BY o.\"Id\";",

            "UPDATE \"Grants\" SET \"EmploymentId\" = coalesce("
            + "(SELECT e.\"Id\" FROM \"Employments\" AS e WHERE e.\"StartedByOrderId\" = \"Grants\".\"SourceOrderId\" AND e.\"EmployeeId\" = \"Grants\".\"EmployeeId\" ORDER BY e.\"Id\" LIMIT 1), "
            + "(SELECT a.\"EmploymentId\" FROM \"TemporaryAssignments\" AS a WHERE a.\"OrderId\" = \"Grants\".\"SourceOrderId\"), "
            + "(SELECT " + ChosenEmployment("o.\"EmployeeId\"", "o.\"UnitId\"", "\"Grants\".\"From\"") + " FROM \"Orders\" AS o WHERE o.\"Id\" = \"Grants\".\"SourceOrderId\"), 0) "
            + "WHERE \"EmploymentId\" IS NULL OR \"EmploymentId\" = 0;",

            "UPDATE \"Grants\" SET \"AssignmentId\" = (SELECT a.\"Id\" FROM \"TemporaryAssignments\" AS a WHERE a.\"OrderId\" = \"Grants\".\"SourceOrderId\") "
            + "WHERE \"AssignmentId\" IS NULL "
            + "AND EXISTS (SELECT 1 FROM \"TemporaryAssignments\" AS a WHERE a.\"OrderId\" = \"Grants\".\"SourceOrderId\");",

            "UPDATE \"Orders\" SET \"EmploymentId\" = CASE "
            + "WHEN \"Type\" = 'New' THEN (SELECT e.\"Id\" FROM \"Employments\" AS e WHERE e.\"StartedByOrderId\" = \"Orders\".\"Id\" ORDER BY e.\"Id\" LIMIT 1) "
            + "WHEN \"Type\" = 'Terminate' THEN (SELECT CASE WHEN count(*) = 1 THEN min(e.\"Id\") END FROM \"Employments\" AS e WHERE e.\"EndedByOrderId\" = \"Orders\".\"Id\") "
            + "ELSE " + ChosenEmployment("\"Orders\".\"EmployeeId\"", "\"Orders\".\"UnitId\"", "coalesce(\"Orders\".\"StartDate\", \"Orders\".\"EndDate\")") + " END "
            + "WHERE \"EmploymentId\" IS NULL;",

            $"INSERT INTO \"Employments\" ({EmploymentColumns}) "
            + "SELECT g.\"EmployeeId\", g.\"UnitId\", min(g.\"UnitName\"), NULL, NULL, min(g.\"From\"), NULL, min(g.\"SourceOrderId\") "
            + "FROM \"Grants\" AS g WHERE g.\"EmploymentId\" IS NULL OR g.\"EmploymentId\" = 0 "
            + "GROUP BY g.\"EmployeeId\", g.\"UnitId\" ORDER BY min(g.\"SourceOrderId\");",

            "UPDATE \"Grants\" SET \"EmploymentId\" = "
            + ChosenEmployment("\"Grants\".\"EmployeeId\"", "\"Grants\".\"UnitId\"", "\"Grants\".\"From\"") + " "
            + "WHERE \"EmploymentId\" IS NULL OR \"EmploymentId\" = 0;",
        ];

        // The temporary-access order's grants were all ended by an order (its placement was ended early).
        private const string AllGrantsEnded =
            "NOT EXISTS (SELECT 1 FROM \"Grants\" AS g WHERE g.\"SourceOrderId\" = o.\"Id\" AND g.\"EndedByOrderId\" IS NULL)";

        /// <summary>
        /// The employment of <paramref name="employee"/> in <paramref name="unit"/> a record of <paramref name="day"/>
        /// belongs to: the latest that began on or before the day, else the first that began after it.
        /// </summary>
        private static string ChosenEmployment(string employee, string unit, string day) =>
            "(SELECT e.\"Id\" FROM \"Employments\" AS e "
            + $"WHERE e.\"EmployeeId\" = {employee} AND e.\"UnitId\" = {unit} "
            + $"ORDER BY CASE WHEN e.\"From\" <= {day} THEN 0 ELSE 1 END, "
            + $"CASE WHEN e.\"From\" <= {day} THEN e.\"From\" END DESC, e.\"From\", e.\"Id\" LIMIT 1)";
    }
}
