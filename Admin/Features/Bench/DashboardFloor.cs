using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.Bench;

/// <summary>
/// The floor for the dashboard's first load: the same SQL statements the static <c>/cases</c> page runs (the open
/// cases by status and type, the oldest waiting case, open cases per unit, the assignees, the units of the filter,
/// the queue's count and first page, the follow-up, review and key cards), through raw ADO.NET on one connection,
/// written out as plain HTML with the same figures.
/// </summary>
public sealed class DashboardFloor(IDbContextFactory<SocItDbContext> factory, TimeProvider clock)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private const string OpenStatuses = "('Received', 'InProgress', 'WaitingForOrderer')";


    public async Task WriteAsync(HttpResponse response, CancellationToken ct)
    {
        var html = new StringBuilder(16 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Ärenden</title></head><body><h1>Ärenden</h1>");
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(ct);
            Section(html, "Öppna ärenden per status och typ", await ListAsync(connection, $"""
                SELECT "o"."Status", "o"."Type", COUNT(*) AS "Count" FROM "Orders" AS "o"
                WHERE "o"."Status" IN {OpenStatuses} GROUP BY "o"."Status", "o"."Type"
                """, ct));
            Section(html, "Äldsta väntande", await ListAsync(connection, """
                SELECT "o"."Id", "o"."CaseNumber", "o"."Type", "o"."Status", "o"."EmployeeName", COALESCE("o"."TargetUnitName", "o"."UnitName"), "o"."StartDate", "o"."ReceivedAt", "o"."AssignedToName"
                FROM "Orders" AS "o" WHERE "o"."Status" = 'Received' ORDER BY "o"."ReceivedAt" LIMIT 1
                """, ct));
            Section(html, "Öppna ärenden per verksamhet", await ListAsync(connection, $"""
                SELECT "o0"."Key" AS "Unit", COUNT(*) AS "Count"
                FROM (SELECT COALESCE("o"."TargetUnitName", "o"."UnitName") AS "Key" FROM "Orders" AS "o" WHERE "o"."Status" IN {OpenStatuses}) AS "o0"
                GROUP BY "o0"."Key" ORDER BY COUNT(*) DESC LIMIT 10
                """, ct));
            Section(html, "Handläggare", await ListAsync(connection, Cases.CaseList.AssigneesSql, ct));
            // Since the page became static (decision 0049) it renders the queue's first page and the unit filter too.
            Section(html, "Verksamheter", await ListAsync(connection, """
                SELECT "u"."Id", "u"."Name", "u"."Area", "u"."CostCentre", "u"."IsActive", "u"."UsesDigitalKeys" FROM "Units" AS "u"
                """, ct));
            Section(html, "Kö", await ListAsync(connection, $"""
                SELECT COUNT(*) FROM "Orders" AS "o" WHERE "o"."Status" IN {OpenStatuses}
                """, ct));
            Section(html, "Kö", await ListAsync(connection, $"""
                SELECT "o"."Id", "o"."CaseNumber", "o"."Type", "o"."Status", "o"."EmployeeName", "e"."IsProtected",
                       COALESCE("o"."TargetUnitName", "o"."UnitName"), "o"."StartDate", "o"."EndDate", "o"."ReceivedAt", "o"."AssignedToName",
                       "o"."OrdererCheck" = 'Pending', "o"."HasNewAnswer", "u"."Id" IS NOT NULL AND "u"."Status" = 'Pending',
                       "u"."Id" IS NOT NULL AND "u"."Status" = 'Pending' AND "u"."EscalatedAt" IS NOT NULL
                FROM "Orders" AS "o"
                LEFT JOIN "Employees" AS "e" ON "o"."EmployeeId" = "e"."Id"
                LEFT JOIN "UnitConsents" AS "u" ON "o"."Id" = "u"."OrderId"
                WHERE "o"."Status" IN {OpenStatuses}
                ORDER BY "o"."ReceivedAt" DESC LIMIT 25 OFFSET 0
                """, ct));
            var today = AdminTimeZone.Today(clock);
            Section(html, "Nycklar", await ListAsync(connection,
                "SELECT COUNT(*) FROM \"Keys\" AS \"k\" WHERE \"k\".\"Status\" = 'ToBeReturned' AND \"k\".\"ReturnDueOn\" < @today", ct,
                ("@today", today)));
            var followUps = new List<object?[]>();
            followUps.AddRange(await ListAsync(connection, "SELECT COUNT(*) FROM \"FollowUps\" AS \"f\" WHERE \"f\".\"Status\" IN ('Open', 'Escalated')", ct));
            followUps.AddRange(await ListAsync(connection,
                "SELECT COUNT(*) FROM \"FollowUps\" AS \"f\" WHERE \"f\".\"Status\" IN ('Open', 'Escalated') AND \"f\".\"EndDate\" < @today", ct, ("@today", today)));
            followUps.AddRange(await ListAsync(connection, "SELECT COUNT(*) FROM \"FollowUps\" AS \"f\" WHERE \"f\".\"Status\" = 'Escalated'", ct));
            Section(html, "Uppföljning", followUps);
            var rounds = await ListAsync(connection, """
                SELECT "r"."Id", "r"."CloseReason", "r"."ClosedAt", "r"."ClosedByName", "r"."DueDate", "r"."Message", "r"."Name", "r"."StartDay", "r"."StartedAt", "r"."StartedById", "r"."StartedByName", "r"."Status", "r"."Version", "r0"."Id", "r0"."EscalatedOn", "r0"."LastRemindedOn", "r0"."RoundId", "r0"."UnitId"
                FROM "ReviewRounds" AS "r" LEFT JOIN "ReviewRoundUnits" AS "r0" ON "r"."Id" = "r0"."RoundId" WHERE "r"."Status" = 'Open' ORDER BY "r"."Id"
                """, ct);
            var openIds = rounds.Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)).Distinct().ToList();
            if (openIds.Count > 0)
            {
                Section(html, "Granskning", await ListAsync(connection,
                    $"SELECT \"r\".\"RoundId\", \"r\".\"UnitId\", COUNT(*) AS \"Count\" FROM \"ReviewLines\" AS \"r\" WHERE \"r\".\"RoundId\" IN ({string.Join(", ", openIds)}) AND \"r\".\"Answer\" = 'None' GROUP BY \"r\".\"RoundId\", \"r\".\"UnitId\"",
                    ct));
            }

        }

        html.Append("</body></html>");
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(html.ToString(), ct);
    }

    internal static async Task<List<object?[]>> ListAsync(
        DbConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    internal static void Section(StringBuilder html, string heading, List<object?[]> rows)
    {
        html.Append("<section><h2>").Append(Html.Encode(heading)).Append("</h2><ul>");
        foreach (var row in rows)
        {
            html.Append("<li>");
            foreach (var value in row)
            {
                html.Append("<span>").Append(Html.Encode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")).Append("</span>");
            }

            html.Append("</li>");
        }

        html.Append("</ul></section>");
    }
}
