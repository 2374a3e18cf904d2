using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocItConsole.Admin.Data.Migrations
{
    /// <inheritdoc />
    public partial class HrReconciliation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BatchId",
                table: "Orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HrImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    FileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ById = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LinesRead = table.Column<int>(type: "INTEGER", nullable: false),
                    LinesSkipped = table.Column<int>(type: "INTEGER", nullable: false),
                    LinesUnmapped = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonsMatched = table.Column<int>(type: "INTEGER", nullable: false),
                    Leavers = table.Column<int>(type: "INTEGER", nullable: false),
                    Movers = table.Column<int>(type: "INTEGER", nullable: false),
                    Joiners = table.Column<int>(type: "INTEGER", nullable: false),
                    UnknownToHr = table.Column<int>(type: "INTEGER", nullable: false),
                    CarriedDismissals = table.Column<int>(type: "INTEGER", nullable: false),
                    OrdersPlaced = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HrImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HrMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    HrValue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    SuggestedTargetId = table.Column<int>(type: "INTEGER", nullable: true),
                    SuggestedTargetName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstSeenImportId = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HrMappings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrderBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PlacedById = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    PlacedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    PlacedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HrFindings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FactsKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Personnummer = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: true),
                    EmploymentId = table.Column<int>(type: "INTEGER", nullable: true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    TitleId = table.Column<int>(type: "INTEGER", nullable: true),
                    TitleName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HrUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    HrUnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HrTitleId = table.Column<int>(type: "INTEGER", nullable: true),
                    HrTitleName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HrFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HrTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    EffectiveDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OrderId = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    DismissReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DismissedAsFindingId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HrFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HrFindings_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HrFindings_Employments_EmploymentId",
                        column: x => x.EmploymentId,
                        principalTable: "Employments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HrFindings_HrImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "HrImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HrFindings_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HrFindings_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HrNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
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
                    table.PrimaryKey("PK_HrNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HrNotices_HrImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "HrImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_BatchId",
                table: "Orders",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_HrFindings_EmployeeId",
                table: "HrFindings",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_HrFindings_EmploymentId",
                table: "HrFindings",
                column: "EmploymentId");

            migrationBuilder.CreateIndex(
                name: "IX_HrFindings_FactsKey_Status",
                table: "HrFindings",
                columns: new[] { "FactsKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_HrFindings_ImportId_Kind_Status",
                table: "HrFindings",
                columns: new[] { "ImportId", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_HrFindings_OrderId",
                table: "HrFindings",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_HrFindings_UnitId_Status",
                table: "HrFindings",
                columns: new[] { "UnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_HrImports_FileSha256",
                table: "HrImports",
                column: "FileSha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HrImports_StartedAt",
                table: "HrImports",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_HrMappings_Kind_Key",
                table: "HrMappings",
                columns: new[] { "Kind", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HrMappings_Status_Kind",
                table: "HrMappings",
                columns: new[] { "Status", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_HrNotices_ImportId_Kind_ToEmail",
                table: "HrNotices",
                columns: new[] { "ImportId", "Kind", "ToEmail" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HrNotices_MessageId",
                table: "HrNotices",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HrNotices_Status_CreatedAt",
                table: "HrNotices",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderBatches_Key",
                table: "OrderBatches",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrderBatches_PlacedById_PlacedAt",
                table: "OrderBatches",
                columns: new[] { "PlacedById", "PlacedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_Orders_OrderBatches_BatchId",
                table: "Orders",
                column: "BatchId",
                principalTable: "OrderBatches",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Orders_OrderBatches_BatchId",
                table: "Orders");

            migrationBuilder.DropTable(
                name: "HrFindings");

            migrationBuilder.DropTable(
                name: "HrMappings");

            migrationBuilder.DropTable(
                name: "HrNotices");

            migrationBuilder.DropTable(
                name: "OrderBatches");

            migrationBuilder.DropTable(
                name: "HrImports");

            migrationBuilder.DropIndex(
                name: "IX_Orders_BatchId",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "BatchId",
                table: "Orders");
        }
    }
}
