using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocItConsole.Admin.Data.Migrations
{
    /// <summary>
    /// Corrects the grants that completing a case wrote for a system the operator had marked "Ej aktuell" (issue 17):
    /// the person never got that access. A grant names its source order and system, and an order names each system
    /// once, so the checklist item it came from is certain. A grant nothing else refers to is deleted; one that a
    /// follow-up or an access review line refers to keeps its history and is ended instead, on its first day, by its
    /// own case (ended by the order that gave it). Each grant gets one audit entry, written before the change, with
    /// the grant as it was. Running the statements again changes nothing. No model change, so no snapshot; see
    /// docs/decisions/0013-not-applicable-gives-no-grant.md.
    /// </summary>
    [DbContext(typeof(SocItDbContext))]
    [Migration("20261205090000_RemoveGrantsOfItemsNotApplicable")]
    public partial class RemoveGrantsOfItemsNotApplicable : Migration
    {
        private const string CameFromItemNotApplicable =
            "EXISTS (SELECT 1 FROM \"ChecklistItems\" AS i WHERE i.\"OrderId\" = g.\"SourceOrderId\" "
            + "AND i.\"SystemId\" = g.\"SystemId\" AND i.\"Kind\" = 'System' AND i.\"State\" = 'NotApplicable')";

        private const string IsReferred =
            "(EXISTS (SELECT 1 FROM \"FollowUps\" AS f WHERE f.\"GrantId\" = g.\"Id\") "
            + "OR EXISTS (SELECT 1 FROM \"ReviewLines\" AS l WHERE l.\"GrantId\" = g.\"Id\"))";

        // A grant already ended by its own case was corrected before.
        private const string NotYetCorrected = "(g.\"EndedByOrderId\" IS NULL OR g.\"EndedByOrderId\" <> g.\"SourceOrderId\")";

        // UTC ticks, as UtcTicksConverter stores an instant: seconds since 1970 plus the ticks from 0001 to 1970.
        private const string NowTicks = "(CAST(strftime('%s', 'now') AS INTEGER) * 10000000 + 621355968000000000)";

        private const string GrantAsItWas =
            "json_object('Employee', e.\"FullName\", 'System', g.\"SystemName\", 'Level', g.\"LevelName\", 'Unit', g.\"UnitName\", "
            + "'From', g.\"From\", 'To', g.\"To\", 'SourceCase', g.\"SourceCaseNumber\", 'EndedByOrderId', g.\"EndedByOrderId\")";

        private const string GrantWords =
            "'Behörigheten ' || g.\"SystemName\" || ' (' || g.\"LevelName\" || ') i ' || g.\"UnitName\" || ' för ' || e.\"FullName\"";

        /// <summary>The statements <see cref="Up"/> runs, in order; the tests run them over data made for them.</summary>
        internal static readonly IReadOnlyList<string> Statements =
        [
            "INSERT INTO \"AuditEntries\" (\"OccurredAt\", \"ActorId\", \"ActorName\", \"Action\", \"EntityType\", \"EntityId\", \"Summary\", \"Before\", \"After\") "
            + $"SELECT {NowTicks}, 'system', 'SocItConsole', 'Grant.Removed', 'Grant', CAST(g.\"Id\" AS TEXT), "
            + $"substr({GrantWords} || ' togs bort: systemet var markerat som ej aktuellt i ' || g.\"SourceCaseNumber\" "
            + "|| ', så behörigheten gavs aldrig.', 1, 500), "
            + $"{GrantAsItWas}, NULL "
            + "FROM \"Grants\" AS g JOIN \"Employees\" AS e ON e.\"Id\" = g.\"EmployeeId\" "
            + $"WHERE {CameFromItemNotApplicable} AND NOT {IsReferred} ORDER BY g.\"Id\";",

            "INSERT INTO \"AuditEntries\" (\"OccurredAt\", \"ActorId\", \"ActorName\", \"Action\", \"EntityType\", \"EntityId\", \"Summary\", \"Before\", \"After\") "
            + $"SELECT {NowTicks}, 'system', 'SocItConsole', 'Grant.Voided', 'Grant', CAST(g.\"Id\" AS TEXT), "
            + $"substr({GrantWords} || ' är avslutad av sitt eget ärende ' || g.\"SourceCaseNumber\" "
            + "|| ': systemet var markerat som ej aktuellt där, så behörigheten gavs aldrig. Den finns kvar eftersom en uppföljning eller en granskning hänvisar till den.', 1, 500), "
            + $"{GrantAsItWas}, "
            + "json_object('To', g.\"From\", 'EndedByOrderId', g.\"SourceOrderId\") "
            + "FROM \"Grants\" AS g JOIN \"Employees\" AS e ON e.\"Id\" = g.\"EmployeeId\" "
            + $"WHERE {CameFromItemNotApplicable} AND {IsReferred} AND {NotYetCorrected} ORDER BY g.\"Id\";",

            "UPDATE \"Grants\" AS g SET \"To\" = g.\"From\", \"EndedByOrderId\" = g.\"SourceOrderId\" "
            + $"WHERE {CameFromItemNotApplicable} AND {IsReferred} AND {NotYetCorrected};",

            $"DELETE FROM \"Grants\" AS g WHERE {CameFromItemNotApplicable} AND NOT {IsReferred};",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite's SQL (json_object, strftime): on another provider this fails loudly rather than skip the fix.
            foreach (var statement in Statements)
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to restore: the removed grants never existed in the systems, and the audit entries keep them.
        }
    }
}
