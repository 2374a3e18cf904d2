using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocItConsole.Admin.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExpiryFollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FollowUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GrantId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeeName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    SystemName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    LevelName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    HomeUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ManagerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ManagerEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FlaggedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    HeadsUpSentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OverdueReminders = table.Column<int>(type: "INTEGER", nullable: false),
                    LastRemindedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EscalatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    DecisionOrderId = table.Column<int>(type: "INTEGER", nullable: true),
                    DecisionCaseNumber = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ExtendedTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUps_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUps_Grants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "Grants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JobRuns",
                columns: table => new
                {
                    JobId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSucceededAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSummary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRuns", x => x.JobId);
                });

            migrationBuilder.CreateTable(
                name: "ReminderMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ToEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReminderItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FollowUpId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReminderMessageId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReminderItems_FollowUps_FollowUpId",
                        column: x => x.FollowUpId,
                        principalTable: "FollowUps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReminderItems_ReminderMessages_ReminderMessageId",
                        column: x => x.ReminderMessageId,
                        principalTable: "ReminderMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Grants_EndedByOrderId_To",
                table: "Grants",
                columns: new[] { "EndedByOrderId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_EmployeeId",
                table: "FollowUps",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_GrantId",
                table: "FollowUps",
                column: "GrantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_HomeUnitId",
                table: "FollowUps",
                column: "HomeUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_ManagerEmail_Status",
                table: "FollowUps",
                columns: new[] { "ManagerEmail", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_Status_EndDate",
                table: "FollowUps",
                columns: new[] { "Status", "EndDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ReminderItems_FollowUpId",
                table: "ReminderItems",
                column: "FollowUpId");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderItems_ReminderMessageId",
                table: "ReminderItems",
                column: "ReminderMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderMessages_CreatedAt",
                table: "ReminderMessages",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderMessages_MessageId",
                table: "ReminderMessages",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderMessages_ToEmail_Day",
                table: "ReminderMessages",
                columns: new[] { "ToEmail", "Day" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JobRuns");

            migrationBuilder.DropTable(
                name: "ReminderItems");

            migrationBuilder.DropTable(
                name: "FollowUps");

            migrationBuilder.DropTable(
                name: "ReminderMessages");

            migrationBuilder.DropIndex(
                name: "IX_Grants_EndedByOrderId_To",
                table: "Grants");
        }
    }
}
