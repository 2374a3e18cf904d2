using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocItConsole.Admin.Data.Migrations
{
    /// <summary>
    /// Makes the audit trail append-only in the database itself, so that not even a bulk update or delete that
    /// bypasses the DbContext's guard can change or remove an entry.
    /// </summary>
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.IsSqlite())
            {
                migrationBuilder.Sql(
                    "CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries "
                    + "BEGIN SELECT RAISE(ABORT, 'Audit entries are append-only.'); END;");
                migrationBuilder.Sql(
                    "CREATE TRIGGER AuditEntries_NoDelete BEFORE DELETE ON AuditEntries "
                    + "BEGIN SELECT RAISE(ABORT, 'Audit entries are append-only.'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.IsSqlite())
            {
                migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEntries_NoUpdate;");
                migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEntries_NoDelete;");
            }
        }
    }
}
