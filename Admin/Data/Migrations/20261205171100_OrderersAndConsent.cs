using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocItConsole.Admin.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrderersAndConsent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Answer",
                table: "Orders",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AnsweredAt",
                table: "Orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnsweredByName",
                table: "Orders",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedToEmail",
                table: "Orders",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HasNewAnswer",
                table: "Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "OrdererCheck",
                table: "Orders",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                // Orders from before the check were never in doubt.
                defaultValue: "NotNeeded");

            migrationBuilder.AddColumn<long>(
                name: "OrdererConfirmedAt",
                table: "Orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OrdererConfirmedByName",
                table: "Orders",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Question",
                table: "Orders",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "QuestionAskedAt",
                table: "Orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QuestionAskedByName",
                table: "Orders",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "QuestionCount",
                table: "Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "AppointedOrderers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AppointedById = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    AppointedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    AppointedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppointedOrderers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppointedOrderers_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    ToName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ToEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    SendingUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseMessages_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UnitConsents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RemindedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RemindedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    ByPhone = table.Column<bool>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitConsents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitConsents_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UnitConsents_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_OrdererCheck",
                table: "Orders",
                column: "OrdererCheck");

            migrationBuilder.CreateIndex(
                name: "IX_AppointedOrderers_Email_UnitId",
                table: "AppointedOrderers",
                columns: new[] { "Email", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_AppointedOrderers_UnitId_To",
                table: "AppointedOrderers",
                columns: new[] { "UnitId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseMessages_MessageId",
                table: "CaseMessages",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseMessages_OrderId_Kind_Sequence_ToEmail",
                table: "CaseMessages",
                columns: new[] { "OrderId", "Kind", "Sequence", "ToEmail" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseMessages_Status_CreatedAt",
                table: "CaseMessages",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UnitConsents_OrderId",
                table: "UnitConsents",
                column: "OrderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitConsents_Status_RequestedOn",
                table: "UnitConsents",
                columns: new[] { "Status", "RequestedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_UnitConsents_UnitId_Status",
                table: "UnitConsents",
                columns: new[] { "UnitId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppointedOrderers");

            migrationBuilder.DropTable(
                name: "CaseMessages");

            migrationBuilder.DropTable(
                name: "UnitConsents");

            migrationBuilder.DropIndex(
                name: "IX_Orders_OrdererCheck",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "Answer",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "AnsweredAt",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "AnsweredByName",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "AssignedToEmail",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "HasNewAnswer",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "OrdererCheck",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "OrdererConfirmedAt",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "OrdererConfirmedByName",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "Question",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "QuestionAskedAt",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "QuestionAskedByName",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "QuestionCount",
                table: "Orders");
        }
    }
}
