using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocItConsole.Admin.Data.Migrations
{
    /// <inheritdoc />
    public partial class PersonalCodeRevoked : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RevokedAt",
                table: "PersonalCodes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevokedByName",
                table: "PersonalCodes",
                type: "TEXT",
                maxLength: 120,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RevokedAt",
                table: "PersonalCodes");

            migrationBuilder.DropColumn(
                name: "RevokedByName",
                table: "PersonalCodes");
        }
    }
}
