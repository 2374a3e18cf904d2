using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocItConsole.Admin.Data.Migrations
{
    /// <summary>
    /// Closes the gap the append-only triggers leave: <c>INSERT OR REPLACE</c> with an existing id deletes the old row
    /// without firing the delete trigger (SQLite fires it only with recursive triggers on) and writes a new one, which
    /// would rewrite an entry. An insert that names an id already taken is refused before the conflict is resolved.
    /// No model change, so no snapshot.
    /// </summary>
    [DbContext(typeof(SocItDbContext))]
    [Migration("20261129074000_AuditNoReplace")]
    public partial class AuditNoReplace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.IsSqlite())
            {
                migrationBuilder.Sql(
                    "CREATE TRIGGER AuditEntries_NoReplace BEFORE INSERT ON AuditEntries "
                    + "WHEN EXISTS (SELECT 1 FROM AuditEntries WHERE Id = NEW.Id) "
                    + "BEGIN SELECT RAISE(ABORT, 'Audit entries are append-only.'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.IsSqlite())
            {
                migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEntries_NoReplace;");
            }
        }
    }
}
