using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocItConsole.Admin.Data.Migrations
{
    /// <summary>
    /// Follow-ups may name a fixed-term employment or a placement instead of a grant (decision 0039). Undecided
    /// follow-ups of single grants that such a follow-up now covers are replaced: marked <c>Replaced</c>, so that the
    /// next nightly run makes the one follow-up of the employment's or placement's end instead.
    /// </summary>
    public partial class FollowUpsOfEnds : Migration
    {
        /// <summary>
        /// Undecided follow-ups of a grant whose placement, or fixed-term employment, no order has ended and that ends
        /// on or before the grant's last day: the same coverage as the flagging SQL (<c>FollowUpRun.DueGrantsSql</c>).
        /// </summary>
        internal const string ReplaceCoveredGrantFollowUps = """
            UPDATE "FollowUps" SET "Status" = 'Replaced', "DecidedByName" = 'SocItConsole', "Version" = "Version" + 1
            WHERE "Status" IN ('Open', 'Escalated') AND "GrantId" IN (
                SELECT g."Id" FROM "Grants" AS g
                WHERE g."To" IS NOT NULL AND g."EndedByOrderId" IS NULL AND (
                    EXISTS (SELECT 1 FROM "TemporaryAssignments" AS a
                            WHERE a."Id" = g."AssignmentId" AND a."EndedByOrderId" IS NULL AND a."To" <= g."To")
                    OR EXISTS (SELECT 1 FROM "Employments" AS m
                               WHERE m."Id" = g."EmploymentId" AND g."AssignmentId" IS NULL AND m."EndedByOrderId" IS NULL
                                 AND m."To" <= g."To")));
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // First: it reads only columns that exist before, and SQL after the table rebuild below would run while the
            // rebuild is pending.
            migrationBuilder.Sql(ReplaceCoveredGrantFollowUps);

            migrationBuilder.AlterColumn<int>(
                name: "GrantId",
                table: "FollowUps",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "AssignmentId",
                table: "FollowUps",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EmploymentId",
                table: "FollowUps",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleName",
                table: "FollowUps",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_AssignmentId_EndDate",
                table: "FollowUps",
                columns: new[] { "AssignmentId", "EndDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_EmploymentId_EndDate",
                table: "FollowUps",
                columns: new[] { "EmploymentId", "EndDate" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_FollowUps_Employments_EmploymentId",
                table: "FollowUps",
                column: "EmploymentId",
                principalTable: "Employments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_FollowUps_TemporaryAssignments_AssignmentId",
                table: "FollowUps",
                column: "AssignmentId",
                principalTable: "TemporaryAssignments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE "FollowUps" SET "Status" = 'Open' WHERE "Status" = 'Replaced';""");
            migrationBuilder.Sql("""DELETE FROM "ReminderItems" WHERE "FollowUpId" IN (SELECT "Id" FROM "FollowUps" WHERE "GrantId" IS NULL);""");
            migrationBuilder.Sql("""DELETE FROM "FollowUps" WHERE "GrantId" IS NULL;""");
            migrationBuilder.DropForeignKey(
                name: "FK_FollowUps_Employments_EmploymentId",
                table: "FollowUps");

            migrationBuilder.DropForeignKey(
                name: "FK_FollowUps_TemporaryAssignments_AssignmentId",
                table: "FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_AssignmentId_EndDate",
                table: "FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_EmploymentId_EndDate",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "AssignmentId",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "EmploymentId",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "TitleName",
                table: "FollowUps");

            migrationBuilder.AlterColumn<int>(
                name: "GrantId",
                table: "FollowUps",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
