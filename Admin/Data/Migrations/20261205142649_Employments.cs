using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocItConsole.Admin.Data.Migrations
{
    /// <summary>
    /// Employments and temporary assignments (issue 19), and every existing grant given its employment from its orders:
    /// see <see cref="Backfill"/> and docs/decisions/0034-employments.md.
    /// </summary>
    public partial class Employments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EmploymentId",
                table: "Orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AssignmentId",
                table: "Grants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EmploymentId",
                table: "Grants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Employments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    TitleId = table.Column<int>(type: "INTEGER", nullable: true),
                    TitleName = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StartedByOrderId = table.Column<int>(type: "INTEGER", nullable: true),
                    EndedByOrderId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReplacedById = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Employments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Employments_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Employments_Employments_ReplacedById",
                        column: x => x.ReplacedById,
                        principalTable: "Employments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Employments_JobTitles_TitleId",
                        column: x => x.TitleId,
                        principalTable: "JobTitles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Employments_Orders_EndedByOrderId",
                        column: x => x.EndedByOrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Employments_Orders_StartedByOrderId",
                        column: x => x.StartedByOrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Employments_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TemporaryAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EmploymentId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OrderId = table.Column<int>(type: "INTEGER", nullable: false),
                    EndedByOrderId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TemporaryAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TemporaryAssignments_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TemporaryAssignments_Employments_EmploymentId",
                        column: x => x.EmploymentId,
                        principalTable: "Employments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TemporaryAssignments_Orders_EndedByOrderId",
                        column: x => x.EndedByOrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TemporaryAssignments_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TemporaryAssignments_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_EmploymentId",
                table: "Orders",
                column: "EmploymentId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_AssignmentId",
                table: "Grants",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_EmploymentId_To",
                table: "Grants",
                columns: new[] { "EmploymentId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_Employments_EmployeeId_UnitId",
                table: "Employments",
                columns: new[] { "EmployeeId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_Employments_EndedByOrderId_To",
                table: "Employments",
                columns: new[] { "EndedByOrderId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_Employments_ReplacedById",
                table: "Employments",
                column: "ReplacedById");

            migrationBuilder.CreateIndex(
                name: "IX_Employments_StartedByOrderId",
                table: "Employments",
                column: "StartedByOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_Employments_TitleId",
                table: "Employments",
                column: "TitleId");

            migrationBuilder.CreateIndex(
                name: "IX_Employments_UnitId_To",
                table: "Employments",
                columns: new[] { "UnitId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_TemporaryAssignments_EmployeeId_To",
                table: "TemporaryAssignments",
                columns: new[] { "EmployeeId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_TemporaryAssignments_EmploymentId",
                table: "TemporaryAssignments",
                column: "EmploymentId");

            migrationBuilder.CreateIndex(
                name: "IX_TemporaryAssignments_EndedByOrderId_To",
                table: "TemporaryAssignments",
                columns: new[] { "EndedByOrderId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_TemporaryAssignments_OrderId",
                table: "TemporaryAssignments",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_TemporaryAssignments_UnitId",
                table: "TemporaryAssignments",
                column: "UnitId");

            foreach (var statement in Backfill)
            {
                migrationBuilder.Sql(statement);
            }

            migrationBuilder.AddForeignKey(
                name: "FK_Grants_Employments_EmploymentId",
                table: "Grants",
                column: "EmploymentId",
                principalTable: "Employments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Grants_TemporaryAssignments_AssignmentId",
                table: "Grants",
                column: "AssignmentId",
                principalTable: "TemporaryAssignments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Orders_Employments_EmploymentId",
                table: "Orders",
                column: "EmploymentId",
                principalTable: "Employments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Grants_Employments_EmploymentId",
                table: "Grants");

            migrationBuilder.DropForeignKey(
                name: "FK_Grants_TemporaryAssignments_AssignmentId",
                table: "Grants");

            migrationBuilder.DropForeignKey(
                name: "FK_Orders_Employments_EmploymentId",
                table: "Orders");

            migrationBuilder.DropTable(
                name: "TemporaryAssignments");

            migrationBuilder.DropTable(
                name: "Employments");

            migrationBuilder.DropIndex(
                name: "IX_Orders_EmploymentId",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Grants_AssignmentId",
                table: "Grants");

            migrationBuilder.DropIndex(
                name: "IX_Grants_EmploymentId_To",
                table: "Grants");

            migrationBuilder.DropColumn(
                name: "EmploymentId",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "AssignmentId",
                table: "Grants");

            migrationBuilder.DropColumn(
                name: "EmploymentId",
                table: "Grants");
        }
    }
}
