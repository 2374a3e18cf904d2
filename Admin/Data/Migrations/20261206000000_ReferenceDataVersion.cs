using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocItConsole.Admin.Data.Migrations
{
    /// <summary>
    /// The reference data's version stamp (decision 0050): one row that a trigger on every table the order path reads
    /// as reference data (titles, units and their managers and systems, systems and their levels, the matrix) advances
    /// on any insert, update or delete, whoever writes it: the app, a second instance, the command line or sqlite3.
    /// Order intake keeps the reference data in memory and reads only this row per order. No model change, so no
    /// snapshot.
    /// </summary>
    [DbContext(typeof(SocItDbContext))]
    [Migration("20261206000000_ReferenceDataVersion")]
    public partial class ReferenceDataVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                $"CREATE TABLE {ReferenceDataStamp.Table} (Id INTEGER NOT NULL PRIMARY KEY CHECK (Id = 1), Version INTEGER NOT NULL);");
            migrationBuilder.Sql($"INSERT INTO {ReferenceDataStamp.Table} (Id, Version) VALUES (1, 0);");
            foreach (var table in ReferenceDataStamp.StampedTables)
            {
                foreach (var operation in Operations)
                {
                    migrationBuilder.Sql(
                        $"CREATE TRIGGER {table}_Stamp{operation} AFTER {operation.ToUpperInvariant()} ON {table} "
                        + $"BEGIN UPDATE {ReferenceDataStamp.Table} SET Version = Version + 1 WHERE Id = 1; END;");
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in ReferenceDataStamp.StampedTables)
            {
                foreach (var operation in Operations)
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_Stamp{operation};");
                }
            }

            migrationBuilder.Sql($"DROP TABLE IF EXISTS {ReferenceDataStamp.Table};");
        }

        private static readonly string[] Operations = ["Insert", "Update", "Delete"];
    }
}
