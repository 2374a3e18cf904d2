using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocItConsole.Admin.Data.Migrations
{
    /// <inheritdoc />
    public partial class JobLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LeaseClaimedAt",
                table: "JobRuns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LeaseExpiresAt",
                table: "JobRuns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseHolder",
                table: "JobRuns",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LeaseClaimedAt",
                table: "JobRuns");

            migrationBuilder.DropColumn(
                name: "LeaseExpiresAt",
                table: "JobRuns");

            migrationBuilder.DropColumn(
                name: "LeaseHolder",
                table: "JobRuns");
        }
    }
}
