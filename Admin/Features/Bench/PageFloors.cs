using System.Globalization;
using System.Text;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.Bench;

/// <summary>
/// The floors for the first load of the pages the employments, orderers and HR issues added: for each, the SQL
/// statements its page runs on a first load (captured with EF Core's command log), through raw ADO.NET on one
/// connection, written out as plain HTML. The employee page's floor takes the employee as <c>?id=</c> (the lowest id
/// without it); the lists read their first page of 25 rows, as the pages do.
/// </summary>
public sealed class PageFloors(IDbContextFactory<SocItDbContext> factory, TimeProvider clock)
{
    private const int PageSize = 25;


    /// <summary><c>/employees/{id}</c>: the person, their grants, orders, employments, assignments, keys, pools and code.</summary>
    public Task EmployeeAsync(HttpResponse response, int? id, CancellationToken ct) => WriteAsync(response, "Medarbetare", async (connection, html) =>
    {
        var employeeId = id ?? Convert.ToInt32(
            (await DashboardFloor.ListAsync(connection, "SELECT min(\"Id\") FROM \"Employees\"", ct))[0][0] ?? 0, CultureInfo.InvariantCulture);
        var who = ("@employeeId", (object)employeeId);
        var employee = await DashboardFloor.ListAsync(connection, """
            SELECT "e"."Id", "e"."FullName", "e"."IsProtected", "e"."Personnummer", "e"."ProtectionReason"
            FROM "Employees" AS "e" WHERE "e"."Id" = @employeeId LIMIT 2
            """, ct, who);
        DashboardFloor.Section(html, "Medarbetare", employee);
        var isProtected = employee.Count > 0 && Convert.ToInt64(employee[0][2], CultureInfo.InvariantCulture) != 0;
        DashboardFloor.Section(html, "Behörigheter", await DashboardFloor.ListAsync(connection, """
            SELECT "g"."Id", "g"."SystemName", "g"."LevelName", "g"."UnitName", "g"."From", "g"."To", "g"."SourceCaseNumber", "g"."SourceOrderId",
                CASE WHEN "g"."EndedByOrderId" IS NULL THEN NULL ELSE (SELECT "o"."CaseNumber" FROM "Orders" AS "o" WHERE "o"."Id" = "g"."EndedByOrderId" LIMIT 1) END,
                "g"."EmploymentId", "g"."AssignmentId"
            FROM "Grants" AS "g" WHERE "g"."EmployeeId" = @employeeId
            """, ct, who));
        DashboardFloor.Section(html, "Ärenden", await DashboardFloor.ListAsync(connection, """
            SELECT "o"."Id", "o"."CaseNumber", "o"."Type", "o"."Status", CASE WHEN @protected THEN 'Skyddad person' ELSE "o"."EmployeeName" END,
                COALESCE("o"."TargetUnitName", "o"."UnitName"), "o"."StartDate", "o"."EndDate", "o"."ReceivedAt", "o"."AssignedToName"
            FROM "Orders" AS "o" WHERE "o"."EmployeeId" = @employeeId ORDER BY "o"."ReceivedAt" DESC
            """, ct, who, ("@protected", isProtected)));
        DashboardFloor.Section(html, "Anställningar", await DashboardFloor.ListAsync(connection, """
            SELECT "e"."Id", "e"."EmployeeId", "e"."EndedByOrderId", "e"."From", "e"."ReplacedById", "e"."StartedByOrderId", "e"."TitleId", "e"."TitleName", "e"."To", "e"."UnitId", "e"."UnitName"
            FROM "Employments" AS "e" WHERE "e"."EmployeeId" = @employeeId
            """, ct, who));
        DashboardFloor.Section(html, "Tillfällig åtkomst", await DashboardFloor.ListAsync(connection, """
            SELECT "t"."Id", "t"."EmployeeId", "t"."EmploymentId", "t"."EndedByOrderId", "t"."From", "t"."OrderId", "t"."To", "t"."UnitId", "t"."UnitName"
            FROM "TemporaryAssignments" AS "t" WHERE "t"."EmployeeId" = @employeeId
            """, ct, who));
        DashboardFloor.Section(html, "Beställningarnas anställningar", await DashboardFloor.ListAsync(connection,
            "SELECT \"o\".\"Id\", \"o\".\"EmploymentId\" FROM \"Orders\" AS \"o\" WHERE \"o\".\"EmployeeId\" = @employeeId AND \"o\".\"EmploymentId\" IS NOT NULL",
            ct, who));
        DashboardFloor.Section(html, "Verksamheter", await DashboardFloor.ListAsync(connection,
            "SELECT \"u\".\"Id\", \"u\".\"Name\", \"u\".\"Area\", \"u\".\"CostCentre\", \"u\".\"IsActive\", \"u\".\"UsesDigitalKeys\" FROM \"Units\" AS \"u\" WHERE \"u\".\"IsActive\"",
            ct));
        DashboardFloor.Section(html, "Nycklar", await DashboardFloor.ListAsync(connection, """
            SELECT "k"."Id", "k"."Number", "k"."UnitId", (SELECT "u"."Name" FROM "Units" AS "u" WHERE "u"."Id" = "k"."UnitId" LIMIT 1), "k"."Kind",
                (SELECT "k0"."Name" FROM "KeyPools" AS "k0" WHERE "k0"."Id" = "k"."PoolId" LIMIT 1), "k"."Status", "k"."HolderEmployeeId",
                (SELECT CASE WHEN "e"."IsProtected" THEN 'Skyddad person' ELSE "e"."FullName" END FROM "Employees" AS "e" WHERE "e"."Id" = "k"."HolderEmployeeId" LIMIT 1),
                "k"."Version", "k"."ReturnDueOn"
            FROM "Keys" AS "k" WHERE "k"."HolderEmployeeId" = @employeeId AND "k"."Status" IN ('Issued', 'ToBeReturned')
            """, ct, who));
        DashboardFloor.Section(html, "Nyckelpooler", await DashboardFloor.ListAsync(connection, """
            SELECT "k"."Id", "k"."Name", "u"."Name", "p"."From", "p"."To"
            FROM "KeyPools" AS "k" INNER JOIN "PoolMembership" AS "p" ON "k"."Id" = "p"."KeyPoolId" INNER JOIN "Units" AS "u" ON "k"."UnitId" = "u"."Id"
            WHERE "p"."EmployeeId" = @employeeId
            """, ct, who));
        DashboardFloor.Section(html, "Personlig kod", await DashboardFloor.ListAsync(connection, """
            SELECT "p1"."Version", "p1"."IssuedAt", "p1"."IssuedByName", "p1"."Id", "p0"."Version", "p0"."Reason", "p0"."ByName", "p0"."At", "p0"."Id", "p1"."RevokedAt", "p1"."RevokedByName"
            FROM (SELECT "p"."Version", "p"."IssuedAt", "p"."IssuedByName", "p"."RevokedAt", "p"."RevokedByName", "p"."Id" FROM "PersonalCodes" AS "p" WHERE "p"."EmployeeId" = @employeeId LIMIT 2) AS "p1"
            LEFT JOIN "PersonalCodeEvents" AS "p0" ON "p1"."Id" = "p0"."PersonalCodeId"
            ORDER BY "p1"."Id", "p0"."Version" DESC
            """, ct, who));
    }, ct);

    /// <summary><c>/orderers</c> as an administrator sees it: every unit, and the first page of current and coming appointments.</summary>
    public Task OrderersAsync(HttpResponse response, CancellationToken ct) => WriteAsync(response, "Utsedda beställare", async (connection, html) =>
    {
        var day = ("@day", (object)Today());
        DashboardFloor.Section(html, "Verksamheter", await DashboardFloor.ListAsync(connection,
            "SELECT \"u\".\"Id\", \"u\".\"Name\", \"u\".\"Area\", \"u\".\"CostCentre\", \"u\".\"IsActive\", \"u\".\"UsesDigitalKeys\" FROM \"Units\" AS \"u\"", ct));
        DashboardFloor.Section(html, "Antal", await DashboardFloor.ListAsync(connection, """
            SELECT COUNT(*) FROM "AppointedOrderers" AS "a" INNER JOIN "Units" AS "u" ON "a"."UnitId" = "u"."Id"
            WHERE "a"."To" IS NULL OR ("a"."To" >= @day AND "a"."To" >= "a"."From")
            """, ct, day));
        DashboardFloor.Section(html, "Uppdrag", await DashboardFloor.ListAsync(connection, $"""
            SELECT "a"."Id", "a"."AppointedAt", "a"."AppointedById", "a"."AppointedByName", "a"."Email", "a"."EndedAt", "a"."EndedByName", "a"."From", "a"."Name", "a"."To", "a"."UnitId", "a"."UnitName", "u"."Name" AS "UnitName"
            FROM "AppointedOrderers" AS "a" INNER JOIN "Units" AS "u" ON "a"."UnitId" = "u"."Id"
            WHERE "a"."To" IS NULL OR ("a"."To" >= @day AND "a"."To" >= "a"."From")
            ORDER BY "a"."To" IS NOT NULL AND ("a"."To" < @day OR "a"."To" < "a"."From"), "a"."From" > @day, "u"."Name", "a"."Name", "a"."Id"
            LIMIT {PageSize} OFFSET 0
            """, ct, day));
    }, ct);

    /// <summary><c>/hr</c>: the runs, the latest run with its counts and units, and the first page of its open findings.</summary>
    public Task HrAsync(HttpResponse response, CancellationToken ct) => WriteAsync(response, "Avstämning mot HR", async (connection, html) =>
    {
        DashboardFloor.Section(html, "Körningar", await DashboardFloor.ListAsync(connection,
            "SELECT \"h\".\"Id\", \"h\".\"FileName\", \"h\".\"AsOf\", \"h\".\"StartedAt\" FROM \"HrImports\" AS \"h\" ORDER BY \"h\".\"StartedAt\" DESC, \"h\".\"Id\" DESC", ct));
        var latest = await DashboardFloor.ListAsync(connection, """
            SELECT "h"."Id", "h"."AsOf", "h"."ById", "h"."ByName", "h"."CarriedDismissals", "h"."FileBytes", "h"."FileName", "h"."FileSha256", "h"."FinishedAt", "h"."Joiners", "h"."Leavers", "h"."LinesRead", "h"."LinesSkipped", "h"."LinesUnmapped", "h"."Movers", "h"."OrdersPlaced", "h"."PersonsMatched", "h"."Source", "h"."StartedAt", "h"."UnknownToHr"
            FROM "HrImports" AS "h" ORDER BY "h"."StartedAt" DESC, "h"."Id" DESC LIMIT 1
            """, ct);
        DashboardFloor.Section(html, "Senaste körningen", latest);
        if (latest.Count == 0)
        {
            return;
        }

        var run = ("@run", latest[0][0]!);
        DashboardFloor.Section(html, "Per typ och status", await DashboardFloor.ListAsync(connection,
            "SELECT \"h\".\"Kind\", \"h\".\"Status\", COUNT(*) FROM \"HrFindings\" AS \"h\" WHERE \"h\".\"ImportId\" = @run GROUP BY \"h\".\"Kind\", \"h\".\"Status\"",
            ct, run));
        DashboardFloor.Section(html, "Verksamheter", await DashboardFloor.ListAsync(connection, """
            SELECT "u"."Id", "u"."Name", "u"."Area", "u"."CostCentre", "u"."IsActive", "u"."UsesDigitalKeys" FROM "Units" AS "u"
            WHERE "u"."Id" IN (SELECT "h"."UnitId" FROM "HrFindings" AS "h" WHERE "h"."ImportId" = @run)
            """, ct, run));
        DashboardFloor.Section(html, "Antal öppna", await DashboardFloor.ListAsync(connection,
            "SELECT COUNT(*) FROM \"HrFindings\" AS \"h\" WHERE \"h\".\"ImportId\" = @run AND \"h\".\"Status\" = 'Open'", ct, run));
        DashboardFloor.Section(html, "Avvikelser", await DashboardFloor.ListAsync(connection, $"""
            SELECT "h"."Id", "h"."Kind", "h"."Status", "h"."Personnummer", "h"."UnitName", "h"."TitleName", "h"."HrUnitName", "h"."HrTitleName", "h"."HrFrom", "h"."HrTo", "h"."LineNumber", "h"."EffectiveDate", "h"."OrderId", "h"."DismissReason", "h"."DecidedByName",
                CASE WHEN EXISTS (SELECT 1 FROM "Employees" AS "e" WHERE "e"."Personnummer" = "h"."Personnummer" AND "e"."IsProtected") THEN 'Skyddad person' ELSE "h"."Name" END AS "Name",
                (SELECT "e0"."From" FROM "Employments" AS "e0" WHERE "e0"."Id" = "h"."EmploymentId" LIMIT 1) AS "From",
                (SELECT "e1"."To" FROM "Employments" AS "e1" WHERE "e1"."Id" = "h"."EmploymentId" LIMIT 1) AS "To",
                (SELECT "o"."CaseNumber" FROM "Orders" AS "o" WHERE "o"."Id" = "h"."OrderId" LIMIT 1) AS "CaseNumber"
            FROM "HrFindings" AS "h"
            WHERE "h"."ImportId" = @run AND "h"."Status" = 'Open'
            ORDER BY CASE WHEN "h"."Kind" = 'Leaver' THEN 0 WHEN "h"."Kind" = 'Mover' THEN 1 WHEN "h"."Kind" = 'Joiner' THEN 2 ELSE 3 END, "h"."UnitName", "h"."Name", "h"."Id"
            LIMIT {PageSize} OFFSET 0
            """, ct, run));
    }, ct);

    /// <summary><c>/hr/mappings</c>: the HR units' mappings, the waiting counts and the units that map themselves.</summary>
    public Task MappingsAsync(HttpResponse response, CancellationToken ct) => WriteAsync(response, "HR-kopplingar", async (connection, html) =>
    {
        // The page reads every mapping of the kind and searches and sorts them in memory (HrMappings.ListAsync).
        var all = await DashboardFloor.ListAsync(connection, """
            SELECT "h"."Id", "h"."Kind", "h"."HrValue", "h"."Status", "h"."TargetName", "h"."SuggestedTargetId", "h"."SuggestedTargetName", "h"."FirstSeenAt", "h"."DecidedAt", "h"."DecidedByName"
            FROM "HrMappings" AS "h" WHERE "h"."Kind" = 'Unit'
            """, ct);
        DashboardFloor.Section(html, "Kopplingar", [.. all.Take(PageSize)]);
        DashboardFloor.Section(html, "Väntar", await DashboardFloor.ListAsync(connection,
            "SELECT \"h\".\"Kind\" AS \"Key\", COUNT(*) AS \"Count\" FROM \"HrMappings\" AS \"h\" WHERE \"h\".\"Status\" = 'Pending' GROUP BY \"h\".\"Kind\"", ct));
        DashboardFloor.Section(html, "Kopplas av sig själva", await DashboardFloor.ListAsync(connection,
            "SELECT \"u\".\"CostCentre\", \"u\".\"Name\" FROM \"Units\" AS \"u\" WHERE \"u\".\"IsActive\" AND \"u\".\"CostCentre\" <> ''", ct));
    }, ct);

    private DateOnly Today() => AdminTimeZone.Today(clock);

    private async Task WriteAsync(HttpResponse response, string title, Func<DbConnection, StringBuilder, Task> body, CancellationToken ct)
    {
        var html = new StringBuilder(16 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>").Append(title)
            .Append("</title></head><body><h1>").Append(title).Append("</h1>");
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(ct);
            await body(connection, html);
        }

        html.Append("</body></html>");
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(html.ToString(), ct);
    }
}
