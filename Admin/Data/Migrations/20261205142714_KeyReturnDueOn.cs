using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocItConsole.Admin.Data.Migrations
{
    /// <inheritdoc />
    public partial class KeyReturnDueOn : Migration
    {
        /// <summary>
        /// A key already to be returned is due on the (UTC) day it was so marked: its end order is not linked to it.
        /// KeyEvents.At holds UTC ticks from 0001-01-01, 621355968000000000 of them before 1970-01-01. The tests run it.
        /// </summary>
        internal const string Backfill = """
            UPDATE "Keys" SET "ReturnDueOn" = (
                SELECT date((max(e."At") - 621355968000000000) / 10000000, 'unixepoch')
                FROM "KeyEvents" AS e WHERE e."KeyId" = "Keys"."Id" AND e."To" = 'ToBeReturned')
            WHERE "Status" = 'ToBeReturned';
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ReturnDueOn",
                table: "Keys",
                type: "TEXT",
                nullable: true);

            migrationBuilder.Sql(Backfill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReturnDueOn",
                table: "Keys");
        }
    }
}
