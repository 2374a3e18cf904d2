using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocItConsole.Admin.Data.PostgreSql.Migrations
{
    /// <summary>
    /// What the SQLite set does with triggers, on PostgreSQL: the audit trail is append-only in the database itself
    /// (an UPDATE, a DELETE, an upsert that would rewrite an entry or a TRUNCATE is refused, whoever sends it), and the
    /// reference data's version stamp (decision 0050) advances with every statement that changes the tables order
    /// intake reads, from any instance or client. No model change, so no snapshot.
    /// </summary>
    [DbContext(typeof(PostgreSqlSocItDbContext))]
    [Migration("20261206084900_PostgreSqlGuards")]
    public partial class PostgreSqlGuards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION "AuditEntries_AppendOnly"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'Audit entries are append-only.' USING ERRCODE = 'restrict_violation';
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_NoUpdateOrDelete" BEFORE UPDATE OR DELETE ON "AuditEntries"
                    FOR EACH ROW EXECUTE FUNCTION "AuditEntries_AppendOnly"();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_NoTruncate" BEFORE TRUNCATE ON "AuditEntries"
                    FOR EACH STATEMENT EXECUTE FUNCTION "AuditEntries_AppendOnly"();
                """);

            migrationBuilder.Sql($"""
                CREATE TABLE "{ReferenceDataStamp.Table}" ("Id" integer NOT NULL PRIMARY KEY CHECK ("Id" = 1), "Version" bigint NOT NULL);
                INSERT INTO "{ReferenceDataStamp.Table}" ("Id", "Version") VALUES (1, 0);
                CREATE FUNCTION "ReferenceData_Stamp"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "{ReferenceDataStamp.Table}" SET "Version" = "Version" + 1 WHERE "Id" = 1;
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in ReferenceDataStamp.StampedTables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_Stamp" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}"
                        FOR EACH STATEMENT EXECUTE FUNCTION "ReferenceData_Stamp"();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in ReferenceDataStamp.StampedTables)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_Stamp" ON "{table}";""");
            }

            migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "ReferenceData_Stamp"();""");
            migrationBuilder.Sql($"""DROP TABLE IF EXISTS "{ReferenceDataStamp.Table}";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_NoTruncate" ON "AuditEntries";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_NoUpdateOrDelete" ON "AuditEntries";""");
            migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "AuditEntries_AppendOnly"();""");
        }
    }
}
