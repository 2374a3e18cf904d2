using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace SocItConsole.Admin.Data.Migrations
{
    /// <inheritdoc />
    public partial class MatrixLevelsAndAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Contact",
                table: "ItSystems",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RequiresDigitalKeys",
                table: "ItSystems",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MatrixChangeSets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SavedById = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    SavedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatrixChangeSets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MatrixState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatrixState", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SystemLevels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    ItSystemId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SystemLevels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SystemLevels_ItSystems_ItSystemId",
                        column: x => x.ItSystemId,
                        principalTable: "ItSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatrixCellChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TitleId = table.Column<int>(type: "INTEGER", nullable: false),
                    TitleName = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    SystemId = table.Column<int>(type: "INTEGER", nullable: false),
                    SystemName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    LevelBeforeId = table.Column<int>(type: "INTEGER", nullable: true),
                    LevelBeforeName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    LevelAfterId = table.Column<int>(type: "INTEGER", nullable: true),
                    LevelAfterName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ChangeSetId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatrixCellChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatrixCellChanges_MatrixChangeSets_ChangeSetId",
                        column: x => x.ChangeSetId,
                        principalTable: "MatrixChangeSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatrixEntries",
                columns: table => new
                {
                    JobTitleId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItSystemId = table.Column<int>(type: "INTEGER", nullable: false),
                    SystemLevelId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatrixEntries", x => new { x.JobTitleId, x.ItSystemId });
                    table.ForeignKey(
                        name: "FK_MatrixEntries_ItSystems_ItSystemId",
                        column: x => x.ItSystemId,
                        principalTable: "ItSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MatrixEntries_JobTitles_JobTitleId",
                        column: x => x.JobTitleId,
                        principalTable: "JobTitles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MatrixEntries_SystemLevels_SystemLevelId",
                        column: x => x.SystemLevelId,
                        principalTable: "SystemLevels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.UpdateData(
                table: "ItSystems",
                keyColumn: "Id",
                keyValue: 1,
                columns: new[] { "Contact", "RequiresDigitalKeys" },
                values: new object[] { null, false });

            migrationBuilder.UpdateData(
                table: "ItSystems",
                keyColumn: "Id",
                keyValue: 2,
                columns: new[] { "Contact", "RequiresDigitalKeys" },
                values: new object[] { null, false });

            migrationBuilder.UpdateData(
                table: "ItSystems",
                keyColumn: "Id",
                keyValue: 3,
                columns: new[] { "Contact", "RequiresDigitalKeys" },
                values: new object[] { null, false });

            migrationBuilder.UpdateData(
                table: "ItSystems",
                keyColumn: "Id",
                keyValue: 4,
                columns: new[] { "Contact", "RequiresDigitalKeys" },
                values: new object[] { null, true });

            migrationBuilder.UpdateData(
                table: "ItSystems",
                keyColumn: "Id",
                keyValue: 5,
                columns: new[] { "Contact", "RequiresDigitalKeys" },
                values: new object[] { null, false });

            migrationBuilder.UpdateData(
                table: "ItSystems",
                keyColumn: "Id",
                keyValue: 6,
                columns: new[] { "Contact", "RequiresDigitalKeys" },
                values: new object[] { null, false });

            migrationBuilder.UpdateData(
                table: "ItSystems",
                keyColumn: "Id",
                keyValue: 7,
                columns: new[] { "Contact", "RequiresDigitalKeys" },
                values: new object[] { null, false });

            migrationBuilder.UpdateData(
                table: "ItSystems",
                keyColumn: "Id",
                keyValue: 8,
                columns: new[] { "Contact", "RequiresDigitalKeys" },
                values: new object[] { null, false });

            migrationBuilder.UpdateData(
                table: "ItSystems",
                keyColumn: "Id",
                keyValue: 9,
                columns: new[] { "Contact", "RequiresDigitalKeys" },
                values: new object[] { null, false });

            migrationBuilder.UpdateData(
                table: "ItSystems",
                keyColumn: "Id",
                keyValue: 10,
                columns: new[] { "Contact", "RequiresDigitalKeys" },
                values: new object[] { null, false });

            migrationBuilder.InsertData(
                table: "MatrixState",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0 });

            migrationBuilder.InsertData(
                table: "SystemLevels",
                columns: new[] { "Id", "ItSystemId", "Name", "Position" },
                values: new object[,]
                {
                    { 1, 1, "Standard", 0 },
                    { 2, 2, "Standard", 0 },
                    { 3, 3, "Standard", 0 },
                    { 4, 4, "Standard", 0 },
                    { 5, 5, "Standard", 0 },
                    { 6, 6, "Standard", 0 },
                    { 7, 7, "Standard", 0 },
                    { 8, 8, "Standard", 0 },
                    { 9, 9, "Standard", 0 },
                    { 10, 10, "Standard", 0 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OccurredAt",
                table: "AuditEntries",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_MatrixCellChanges_ChangeSetId",
                table: "MatrixCellChanges",
                column: "ChangeSetId");

            migrationBuilder.CreateIndex(
                name: "IX_MatrixCellChanges_TitleId_SystemId",
                table: "MatrixCellChanges",
                columns: new[] { "TitleId", "SystemId" });

            migrationBuilder.CreateIndex(
                name: "IX_MatrixChangeSets_SavedAt",
                table: "MatrixChangeSets",
                column: "SavedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MatrixChangeSets_Version",
                table: "MatrixChangeSets",
                column: "Version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatrixEntries_ItSystemId",
                table: "MatrixEntries",
                column: "ItSystemId");

            migrationBuilder.CreateIndex(
                name: "IX_MatrixEntries_SystemLevelId",
                table: "MatrixEntries",
                column: "SystemLevelId");

            migrationBuilder.CreateIndex(
                name: "IX_SystemLevels_ItSystemId_Name",
                table: "SystemLevels",
                columns: new[] { "ItSystemId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "MatrixCellChanges");

            migrationBuilder.DropTable(
                name: "MatrixEntries");

            migrationBuilder.DropTable(
                name: "MatrixState");

            migrationBuilder.DropTable(
                name: "MatrixChangeSets");

            migrationBuilder.DropTable(
                name: "SystemLevels");

            migrationBuilder.DropColumn(
                name: "Contact",
                table: "ItSystems");

            migrationBuilder.DropColumn(
                name: "RequiresDigitalKeys",
                table: "ItSystems");
        }
    }
}
