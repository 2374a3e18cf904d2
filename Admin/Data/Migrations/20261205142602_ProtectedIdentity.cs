using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocItConsole.Admin.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProtectedIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsProtected",
                table: "Employees",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ProtectionReason",
                table: "Employees",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsProtected",
                table: "Employees");

            migrationBuilder.DropColumn(
                name: "ProtectionReason",
                table: "Employees");
        }
    }
}
