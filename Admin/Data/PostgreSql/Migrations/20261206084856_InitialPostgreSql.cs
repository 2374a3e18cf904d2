using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace SocItConsole.Admin.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class InitialPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:CollationDefinition:swedish", "sv-SE-u-ks-level2,sv-SE-u-ks-level2,icu,False");

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OccurredAt = table.Column<long>(type: "bigint", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Action = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseNumberCounters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    LastNumber = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseNumberCounters", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Employees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FullName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Personnummer = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    IsProtected = table.Column<bool>(type: "boolean", nullable: false),
                    ProtectionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Employees", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HrImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    FileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileBytes = table.Column<long>(type: "bigint", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ById = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: false),
                    FinishedAt = table.Column<long>(type: "bigint", nullable: true),
                    LinesRead = table.Column<int>(type: "integer", nullable: false),
                    LinesSkipped = table.Column<int>(type: "integer", nullable: false),
                    LinesUnmapped = table.Column<int>(type: "integer", nullable: false),
                    PersonsMatched = table.Column<int>(type: "integer", nullable: false),
                    Leavers = table.Column<int>(type: "integer", nullable: false),
                    Movers = table.Column<int>(type: "integer", nullable: false),
                    Joiners = table.Column<int>(type: "integer", nullable: false),
                    UnknownToHr = table.Column<int>(type: "integer", nullable: false),
                    CarriedDismissals = table.Column<int>(type: "integer", nullable: false),
                    OrdersPlaced = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HrImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HrMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    HrValue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TargetId = table.Column<int>(type: "integer", nullable: true),
                    TargetName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    SuggestedTargetId = table.Column<int>(type: "integer", nullable: true),
                    SuggestedTargetName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    FirstSeenAt = table.Column<long>(type: "bigint", nullable: false),
                    FirstSeenImportId = table.Column<int>(type: "integer", nullable: true),
                    DecidedAt = table.Column<long>(type: "bigint", nullable: true),
                    DecidedById = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HrMappings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ItSystems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RequiresDigitalKeys = table.Column<bool>(type: "boolean", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItSystems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobRuns",
                columns: table => new
                {
                    JobId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LastStartedAt = table.Column<long>(type: "bigint", nullable: true),
                    LastSucceededAt = table.Column<long>(type: "bigint", nullable: true),
                    LastSummary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LeaseHolder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LeaseClaimedAt = table.Column<long>(type: "bigint", nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRuns", x => x.JobId);
                });

            migrationBuilder.CreateTable(
                name: "JobTitles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobTitles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MatrixChangeSets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SavedAt = table.Column<long>(type: "bigint", nullable: false),
                    SavedById = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    SavedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatrixChangeSets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MatrixState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatrixState", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrderBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PlacedById = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    PlacedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    PlacedAt = table.Column<long>(type: "bigint", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReminderMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    ToName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ToEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    MessageId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    SentAt = table.Column<long>(type: "bigint", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StartDay = table.Column<DateOnly>(type: "date", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    StartedById = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ClosedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ClosedAt = table.Column<long>(type: "bigint", nullable: true),
                    CloseReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewRounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Units",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Area = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    CostCentre = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UsesDigitalKeys = table.Column<bool>(type: "boolean", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    MobileRepresentativeName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    MobileRepresentativeEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Units", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PersonalCodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Salt = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IssuedAt = table.Column<long>(type: "bigint", nullable: false),
                    IssuedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    RevokedAt = table.Column<long>(type: "bigint", nullable: true),
                    RevokedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalCodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonalCodes_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HrNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImportId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ToName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ToEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    MessageId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    SentAt = table.Column<long>(type: "bigint", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    SendingUntil = table.Column<long>(type: "bigint", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "SystemLevels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    ItSystemId = table.Column<int>(type: "integer", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TitleId = table.Column<int>(type: "integer", nullable: false),
                    TitleName = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    SystemId = table.Column<int>(type: "integer", nullable: false),
                    SystemName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    LevelBeforeId = table.Column<int>(type: "integer", nullable: true),
                    LevelBeforeName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    LevelAfterId = table.Column<int>(type: "integer", nullable: true),
                    LevelAfterName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ChangeSetId = table.Column<int>(type: "integer", nullable: false)
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
                name: "ReviewMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    ToName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ToEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    MessageId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    UnitIds = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    SentAt = table.Column<long>(type: "bigint", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    SendingUntil = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewMessages_ReviewRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ReviewRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AppointedOrderers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    AppointedById = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    AppointedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    AppointedAt = table.Column<long>(type: "bigint", nullable: false),
                    EndedAt = table.Column<long>(type: "bigint", nullable: true),
                    EndedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true)
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
                name: "KeyPools",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyPools", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeyPools_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewRoundUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    LastRemindedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EscalatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RoundId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewRoundUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewRoundUnits_ReviewRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ReviewRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewRoundUnits_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UnitManagers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitManagers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitManagers_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UnitSystems",
                columns: table => new
                {
                    ItSystemId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitSystems", x => new { x.ItSystemId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_UnitSystems_ItSystems_ItSystemId",
                        column: x => x.ItSystemId,
                        principalTable: "ItSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UnitSystems_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonalCodeEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    PersonalCodeId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalCodeEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonalCodeEvents_PersonalCodes_PersonalCodeId",
                        column: x => x.PersonalCodeId,
                        principalTable: "PersonalCodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatrixEntries",
                columns: table => new
                {
                    JobTitleId = table.Column<int>(type: "integer", nullable: false),
                    ItSystemId = table.Column<int>(type: "integer", nullable: false),
                    SystemLevelId = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "Keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PoolId = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HolderEmployeeId = table.Column<int>(type: "integer", nullable: true),
                    ReturnDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Keys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Keys_Employees_HolderEmployeeId",
                        column: x => x.HolderEmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Keys_KeyPools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "KeyPools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Keys_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PoolMembership",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    KeyPoolId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PoolMembership", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PoolMembership_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PoolMembership_KeyPools_KeyPoolId",
                        column: x => x.KeyPoolId,
                        principalTable: "KeyPools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KeyEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    From = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    To = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    HolderEmployeeId = table.Column<int>(type: "integer", nullable: true),
                    KeyId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeyEvents_Keys_KeyId",
                        column: x => x.KeyId,
                        principalTable: "Keys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OrderId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseComments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    ToName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ToEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    MessageId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    SentAt = table.Column<long>(type: "bigint", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    SendingUntil = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChecklistItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SystemId = table.Column<int>(type: "integer", nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MarkedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    MarkedAt = table.Column<long>(type: "bigint", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    OrderId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChecklistItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Employments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    TitleId = table.Column<int>(type: "integer", nullable: true),
                    TitleName = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    StartedByOrderId = table.Column<int>(type: "integer", nullable: true),
                    EndedByOrderId = table.Column<int>(type: "integer", nullable: true),
                    ReplacedById = table.Column<int>(type: "integer", nullable: true)
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
                        name: "FK_Employments_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Orders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseNumber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: false),
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    EmployeeName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    TitleId = table.Column<int>(type: "integer", nullable: true),
                    TitleName = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    EmploymentId = table.Column<int>(type: "integer", nullable: true),
                    TargetUnitId = table.Column<int>(type: "integer", nullable: true),
                    TargetUnitName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    KeyKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    KeyNumber = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    OrdererName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OrdererEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    ManagerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ManagerEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PlacedById = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    PlacedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    BatchId = table.Column<int>(type: "integer", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AssignedToId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    AssignedToName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    TakenAt = table.Column<long>(type: "bigint", nullable: true),
                    CompletedAt = table.Column<long>(type: "bigint", nullable: true),
                    RejectionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    OrdererCheck = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrdererConfirmedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    OrdererConfirmedAt = table.Column<long>(type: "bigint", nullable: true),
                    AssignedToEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Question = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    QuestionAskedAt = table.Column<long>(type: "bigint", nullable: true),
                    QuestionAskedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    QuestionCount = table.Column<int>(type: "integer", nullable: false),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<long>(type: "bigint", nullable: true),
                    AnsweredByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    HasNewAnswer = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Orders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Orders_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Orders_Employments_EmploymentId",
                        column: x => x.EmploymentId,
                        principalTable: "Employments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Orders_JobTitles_TitleId",
                        column: x => x.TitleId,
                        principalTable: "JobTitles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Orders_OrderBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "OrderBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Orders_Units_TargetUnitId",
                        column: x => x.TargetUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Orders_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HrFindings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImportId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FactsKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Personnummer = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    EmployeeId = table.Column<int>(type: "integer", nullable: true),
                    EmploymentId = table.Column<int>(type: "integer", nullable: true),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    TitleId = table.Column<int>(type: "integer", nullable: true),
                    TitleName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HrUnitId = table.Column<int>(type: "integer", nullable: true),
                    HrUnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HrTitleId = table.Column<int>(type: "integer", nullable: true),
                    HrTitleName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HrFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    HrTo = table.Column<DateOnly>(type: "date", nullable: true),
                    LineNumber = table.Column<int>(type: "integer", nullable: true),
                    EffectiveDate = table.Column<DateOnly>(type: "date", nullable: true),
                    OrderId = table.Column<int>(type: "integer", nullable: true),
                    DecidedAt = table.Column<long>(type: "bigint", nullable: true),
                    DecidedById = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    DismissReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DismissedAsFindingId = table.Column<int>(type: "integer", nullable: true)
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
                name: "KeyPurchases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    CostCentre = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrderId = table.Column<int>(type: "integer", nullable: true),
                    CaseNumber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    EmployeeId = table.Column<int>(type: "integer", nullable: true),
                    OrderedAt = table.Column<long>(type: "bigint", nullable: false),
                    OrderedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    KeyId = table.Column<int>(type: "integer", nullable: true),
                    KeyNumber = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Price = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: true),
                    ReceivedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CancelledAt = table.Column<long>(type: "bigint", nullable: true),
                    CancelledByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyPurchases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeyPurchases_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KeyPurchases_Keys_KeyId",
                        column: x => x.KeyId,
                        principalTable: "Keys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KeyPurchases_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KeyPurchases_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OrderChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SystemId = table.Column<int>(type: "integer", nullable: false),
                    SystemName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    FromLevelId = table.Column<int>(type: "integer", nullable: true),
                    FromLevelName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ToLevelId = table.Column<int>(type: "integer", nullable: true),
                    ToLevelName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    GrantId = table.Column<int>(type: "integer", nullable: true),
                    OrderId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderChanges_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrderSystems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SystemId = table.Column<int>(type: "integer", nullable: false),
                    SystemName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    LevelId = table.Column<int>(type: "integer", nullable: false),
                    LevelName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    OrderId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderSystems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderSystems_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TemporaryAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EmploymentId = table.Column<int>(type: "integer", nullable: false),
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    OrderId = table.Column<int>(type: "integer", nullable: false),
                    EndedByOrderId = table.Column<int>(type: "integer", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "UnitConsents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RequestedAt = table.Column<long>(type: "bigint", nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RemindedAt = table.Column<long>(type: "bigint", nullable: true),
                    RemindedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EscalatedAt = table.Column<long>(type: "bigint", nullable: true),
                    DecidedAt = table.Column<long>(type: "bigint", nullable: true),
                    DecidedById = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    ByPhone = table.Column<bool>(type: "boolean", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "Grants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    EmploymentId = table.Column<int>(type: "integer", nullable: false),
                    AssignmentId = table.Column<int>(type: "integer", nullable: true),
                    SystemId = table.Column<int>(type: "integer", nullable: false),
                    SystemName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    LevelId = table.Column<int>(type: "integer", nullable: false),
                    LevelName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    SourceOrderId = table.Column<int>(type: "integer", nullable: false),
                    SourceCaseNumber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EndedByOrderId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Grants_Employments_EmploymentId",
                        column: x => x.EmploymentId,
                        principalTable: "Employments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Grants_Orders_SourceOrderId",
                        column: x => x.SourceOrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Grants_TemporaryAssignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "TemporaryAssignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GrantId = table.Column<int>(type: "integer", nullable: true),
                    EmploymentId = table.Column<int>(type: "integer", nullable: true),
                    AssignmentId = table.Column<int>(type: "integer", nullable: true),
                    TitleName = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    EmployeeName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    SystemName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    LevelName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    HomeUnitId = table.Column<int>(type: "integer", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ManagerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ManagerEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FlaggedAt = table.Column<long>(type: "bigint", nullable: false),
                    HeadsUpSentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OverdueReminders = table.Column<int>(type: "integer", nullable: false),
                    LastRemindedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EscalatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedAt = table.Column<long>(type: "bigint", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    DecisionOrderId = table.Column<int>(type: "integer", nullable: true),
                    DecisionCaseNumber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ExtendedTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                        name: "FK_FollowUps_Employments_EmploymentId",
                        column: x => x.EmploymentId,
                        principalTable: "Employments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUps_Grants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "Grants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUps_TemporaryAssignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "TemporaryAssignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    GrantId = table.Column<int>(type: "integer", nullable: false),
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    EmployeeName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    SystemName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LevelName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    IsTemporary = table.Column<bool>(type: "boolean", nullable: false),
                    IsFromOtherUnit = table.Column<bool>(type: "boolean", nullable: false),
                    Answer = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AnsweredById = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AnsweredByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AnsweredAt = table.Column<long>(type: "bigint", nullable: true),
                    RemovalOrderId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewLines_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewLines_Grants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "Grants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewLines_Orders_RemovalOrderId",
                        column: x => x.RemovalOrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewLines_ReviewRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ReviewRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewLines_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReminderItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FollowUpId = table.Column<int>(type: "integer", nullable: false),
                    ReminderMessageId = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "ReviewAnswerEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Answer = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ById = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    ReviewLineId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewAnswerEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewAnswerEvents_ReviewLines_ReviewLineId",
                        column: x => x.ReviewLineId,
                        principalTable: "ReviewLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ItSystems",
                columns: new[] { "Id", "Contact", "Description", "IsActive", "Name", "RequiresDigitalKeys" },
                values: new object[,]
                {
                    { 1, null, null, true, "Combine", false },
                    { 2, null, null, true, "IntraPhone", false },
                    { 3, null, null, true, "Appva", false },
                    { 4, null, "Digital nyckel: personlig nyckel eller nyckelpool, med personlig kod.", true, "Swedlock", true },
                    { 5, null, null, true, "DF", false },
                    { 6, null, null, true, "Lifecare", false },
                    { 7, null, "Citrix-behörighet.", true, "Citrix", false },
                    { 8, null, null, true, "KOBE", false },
                    { 9, null, "Falkenbergskort/SITHS-kort.", true, "Smartkort (SITHS)", false },
                    { 10, null, null, true, "Qlikview", false }
                });

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
                name: "IX_AppointedOrderers_Email_UnitId",
                table: "AppointedOrderers",
                columns: new[] { "Email", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_AppointedOrderers_UnitId_To",
                table: "AppointedOrderers",
                columns: new[] { "UnitId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OccurredAt",
                table: "AuditEntries",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_CaseComments_OrderId",
                table: "CaseComments",
                column: "OrderId");

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
                name: "IX_ChecklistItems_OrderId",
                table: "ChecklistItems",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_Employees_Personnummer",
                table: "Employees",
                column: "Personnummer",
                unique: true);

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
                name: "IX_FollowUps_AssignmentId_EndDate",
                table: "FollowUps",
                columns: new[] { "AssignmentId", "EndDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_EmployeeId",
                table: "FollowUps",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_EmploymentId_EndDate",
                table: "FollowUps",
                columns: new[] { "EmploymentId", "EndDate" },
                unique: true);

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
                name: "IX_Grants_AssignmentId",
                table: "Grants",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_EmployeeId_To",
                table: "Grants",
                columns: new[] { "EmployeeId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_Grants_EmploymentId_To",
                table: "Grants",
                columns: new[] { "EmploymentId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_Grants_EndedByOrderId_To",
                table: "Grants",
                columns: new[] { "EndedByOrderId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_Grants_SourceOrderId",
                table: "Grants",
                column: "SourceOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_To",
                table: "Grants",
                column: "To");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_UnitId_To",
                table: "Grants",
                columns: new[] { "UnitId", "To" });

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
                name: "IX_ItSystems_Name",
                table: "ItSystems",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JobTitles_Name",
                table: "JobTitles",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KeyEvents_HolderEmployeeId",
                table: "KeyEvents",
                column: "HolderEmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyEvents_KeyId",
                table: "KeyEvents",
                column: "KeyId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyPools_UnitId_Name",
                table: "KeyPools",
                columns: new[] { "UnitId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KeyPurchases_EmployeeId",
                table: "KeyPurchases",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyPurchases_KeyId",
                table: "KeyPurchases",
                column: "KeyId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyPurchases_OrderId",
                table: "KeyPurchases",
                column: "OrderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KeyPurchases_Status",
                table: "KeyPurchases",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_KeyPurchases_UnitId_ReceivedAt",
                table: "KeyPurchases",
                columns: new[] { "UnitId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Keys_HolderEmployeeId",
                table: "Keys",
                column: "HolderEmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_Keys_Number",
                table: "Keys",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Keys_PoolId",
                table: "Keys",
                column: "PoolId");

            migrationBuilder.CreateIndex(
                name: "IX_Keys_UnitId_Status",
                table: "Keys",
                columns: new[] { "UnitId", "Status" });

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
                name: "IX_OrderBatches_Key",
                table: "OrderBatches",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrderBatches_PlacedById_PlacedAt",
                table: "OrderBatches",
                columns: new[] { "PlacedById", "PlacedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderChanges_OrderId",
                table: "OrderChanges",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_AssignedToId",
                table: "Orders",
                column: "AssignedToId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_BatchId",
                table: "Orders",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_CaseNumber",
                table: "Orders",
                column: "CaseNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Orders_EmployeeId",
                table: "Orders",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_EmploymentId",
                table: "Orders",
                column: "EmploymentId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_IdempotencyKey",
                table: "Orders",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Orders_OrdererCheck",
                table: "Orders",
                column: "OrdererCheck");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_OrdererEmail",
                table: "Orders",
                column: "OrdererEmail");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_PlacedById_ReceivedAt",
                table: "Orders",
                columns: new[] { "PlacedById", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ReceivedAt",
                table: "Orders",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_Status",
                table: "Orders",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_Status_ReceivedAt",
                table: "Orders",
                columns: new[] { "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TargetUnitId",
                table: "Orders",
                column: "TargetUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TitleId",
                table: "Orders",
                column: "TitleId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_UnitId",
                table: "Orders",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_OrderSystems_OrderId",
                table: "OrderSystems",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonalCodeEvents_PersonalCodeId",
                table: "PersonalCodeEvents",
                column: "PersonalCodeId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonalCodes_EmployeeId",
                table: "PersonalCodes",
                column: "EmployeeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PoolMembership_EmployeeId_To",
                table: "PoolMembership",
                columns: new[] { "EmployeeId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_PoolMembership_KeyPoolId",
                table: "PoolMembership",
                column: "KeyPoolId");

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

            migrationBuilder.CreateIndex(
                name: "IX_ReviewAnswerEvents_ReviewLineId",
                table: "ReviewAnswerEvents",
                column: "ReviewLineId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLines_EmployeeId",
                table: "ReviewLines",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLines_GrantId",
                table: "ReviewLines",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLines_RemovalOrderId",
                table: "ReviewLines",
                column: "RemovalOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLines_RoundId_EmployeeId",
                table: "ReviewLines",
                columns: new[] { "RoundId", "EmployeeId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLines_RoundId_GrantId",
                table: "ReviewLines",
                columns: new[] { "RoundId", "GrantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLines_RoundId_UnitId_Answer",
                table: "ReviewLines",
                columns: new[] { "RoundId", "UnitId", "Answer" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLines_UnitId",
                table: "ReviewLines",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewMessages_MessageId",
                table: "ReviewMessages",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewMessages_RoundId_Kind_ToEmail",
                table: "ReviewMessages",
                columns: new[] { "RoundId", "Kind", "ToEmail" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewMessages_Status_CreatedAt",
                table: "ReviewMessages",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewRounds_Status_DueDate",
                table: "ReviewRounds",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewRoundUnits_RoundId_UnitId",
                table: "ReviewRoundUnits",
                columns: new[] { "RoundId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewRoundUnits_UnitId",
                table: "ReviewRoundUnits",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_SystemLevels_ItSystemId_Name",
                table: "SystemLevels",
                columns: new[] { "ItSystemId", "Name" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_UnitManagers_Email",
                table: "UnitManagers",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_UnitManagers_UnitId",
                table: "UnitManagers",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Units_Name",
                table: "Units",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitSystems_UnitId",
                table: "UnitSystems",
                column: "UnitId");

            migrationBuilder.AddForeignKey(
                name: "FK_CaseComments_Orders_OrderId",
                table: "CaseComments",
                column: "OrderId",
                principalTable: "Orders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_CaseMessages_Orders_OrderId",
                table: "CaseMessages",
                column: "OrderId",
                principalTable: "Orders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ChecklistItems_Orders_OrderId",
                table: "ChecklistItems",
                column: "OrderId",
                principalTable: "Orders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Employments_Orders_EndedByOrderId",
                table: "Employments",
                column: "EndedByOrderId",
                principalTable: "Orders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Employments_Orders_StartedByOrderId",
                table: "Employments",
                column: "StartedByOrderId",
                principalTable: "Orders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Employments_Units_UnitId",
                table: "Employments");

            migrationBuilder.DropForeignKey(
                name: "FK_Orders_Units_TargetUnitId",
                table: "Orders");

            migrationBuilder.DropForeignKey(
                name: "FK_Orders_Units_UnitId",
                table: "Orders");

            migrationBuilder.DropForeignKey(
                name: "FK_Employments_Orders_EndedByOrderId",
                table: "Employments");

            migrationBuilder.DropForeignKey(
                name: "FK_Employments_Orders_StartedByOrderId",
                table: "Employments");

            migrationBuilder.DropTable(
                name: "AppointedOrderers");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CaseComments");

            migrationBuilder.DropTable(
                name: "CaseMessages");

            migrationBuilder.DropTable(
                name: "CaseNumberCounters");

            migrationBuilder.DropTable(
                name: "ChecklistItems");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "HrFindings");

            migrationBuilder.DropTable(
                name: "HrMappings");

            migrationBuilder.DropTable(
                name: "HrNotices");

            migrationBuilder.DropTable(
                name: "JobRuns");

            migrationBuilder.DropTable(
                name: "KeyEvents");

            migrationBuilder.DropTable(
                name: "KeyPurchases");

            migrationBuilder.DropTable(
                name: "MatrixCellChanges");

            migrationBuilder.DropTable(
                name: "MatrixEntries");

            migrationBuilder.DropTable(
                name: "MatrixState");

            migrationBuilder.DropTable(
                name: "OrderChanges");

            migrationBuilder.DropTable(
                name: "OrderSystems");

            migrationBuilder.DropTable(
                name: "PersonalCodeEvents");

            migrationBuilder.DropTable(
                name: "PoolMembership");

            migrationBuilder.DropTable(
                name: "ReminderItems");

            migrationBuilder.DropTable(
                name: "ReviewAnswerEvents");

            migrationBuilder.DropTable(
                name: "ReviewMessages");

            migrationBuilder.DropTable(
                name: "ReviewRoundUnits");

            migrationBuilder.DropTable(
                name: "UnitConsents");

            migrationBuilder.DropTable(
                name: "UnitManagers");

            migrationBuilder.DropTable(
                name: "UnitSystems");

            migrationBuilder.DropTable(
                name: "HrImports");

            migrationBuilder.DropTable(
                name: "Keys");

            migrationBuilder.DropTable(
                name: "MatrixChangeSets");

            migrationBuilder.DropTable(
                name: "SystemLevels");

            migrationBuilder.DropTable(
                name: "PersonalCodes");

            migrationBuilder.DropTable(
                name: "FollowUps");

            migrationBuilder.DropTable(
                name: "ReminderMessages");

            migrationBuilder.DropTable(
                name: "ReviewLines");

            migrationBuilder.DropTable(
                name: "KeyPools");

            migrationBuilder.DropTable(
                name: "ItSystems");

            migrationBuilder.DropTable(
                name: "Grants");

            migrationBuilder.DropTable(
                name: "ReviewRounds");

            migrationBuilder.DropTable(
                name: "TemporaryAssignments");

            migrationBuilder.DropTable(
                name: "Units");

            migrationBuilder.DropTable(
                name: "Orders");

            migrationBuilder.DropTable(
                name: "Employments");

            migrationBuilder.DropTable(
                name: "OrderBatches");

            migrationBuilder.DropTable(
                name: "Employees");

            migrationBuilder.DropTable(
                name: "JobTitles");
        }
    }
}
