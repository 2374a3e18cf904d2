using SocItConsole.Shared.Hr;

namespace SocItConsole.Bench.Generate;

/// <summary>
/// What the orderers and HR issues added, at a plausible size for the scale: up to three appointed orderers per unit
/// (most current, some coming, some ended), three HR reconciliation runs a week apart with about one finding per twenty
/// employees each (the latest mostly open, the earlier ones superseded or decided), and the HR units and job titles
/// that HR spells its own way, waiting, mapped or left outside the remit. Runs after the app's migrations, on the
/// generator's connection (it reads the <c>temp.unit</c> and <c>temp.mgr</c> helpers).
/// </summary>
internal sealed class OrdererAndHrData(SqlSession sql, Scale scale, Timeline time)
{
    public const int Runs = 3;

    private const string AdminId = "00000000-0000-4000-8000-000000000001";

    private long TodayTicks => time.BaseTicks + (Timeline.Days * TimeSpan.TicksPerDay);

    private (string, object?)[] Common =>
    [
        ("@T", time.TodayJulian), ("@Today", TodayTicks), ("@Day", TimeSpan.TicksPerDay), ("@E", scale.Employees),
        ("@U", scale.Units), ("@F", FindingsPerRun),
    ];

    /// <summary>About one employee in twenty differs from HR in a run: leavers, movers, people HR does not know, joiners.</summary>
    public int FindingsPerRun => Math.Max(8, scale.Employees / 20);

    public void WriteAppointments() => sql.InTransaction(() => sql.Execute("""
        WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 3),
        pick AS (
            SELECT u.Id AS UnitId, u.Name AS UnitName, u.MgrName, m.Oid, k.n,
                   mix(u.Id * 4 + k.n, 73) % 10 AS kind, mix(u.Id * 4 + k.n, 74) AS r,
                   (mix(u.Id * 4 + k.n, 72) % @E) + 1 AS EmployeeId
            FROM temp.unit u JOIN temp.mgr m ON m.Email = u.MgrEmail JOIN k ON k.n <= mix(u.Id, 71) % 4),
        dated AS (
            SELECT p.*,
                   CASE WHEN kind <= 5 THEN -(10 + r % 390) WHEN kind = 6 THEN 5 + r % 55 ELSE -(400 + r % 300) END AS f,
                   CASE WHEN kind <= 2 THEN NULL WHEN kind <= 5 THEN 30 + r % 170 WHEN kind = 6 THEN 90 + r % 90 ELSE -(1 + r % 300) END AS t
            FROM pick p)
        INSERT INTO AppointedOrderers (UnitId, UnitName, Name, Email, "From", "To", AppointedById, AppointedByName, AppointedAt, EndedAt, EndedByName)
        SELECT d.UnitId, d.UnitName, e.FullName, printf('utsedd.%d.%d@kommun.example', d.UnitId, d.n),
               date(@T + d.f), CASE WHEN d.t IS NULL THEN NULL ELSE date(@T + d.t) END, d.Oid, d.MgrName,
               @Today + (d.f - 3) * @Day,
               CASE WHEN d.kind >= 7 AND d.r % 2 = 0 THEN @Today + d.t * @Day END,
               CASE WHEN d.kind >= 7 AND d.r % 2 = 0 THEN d.MgrName END
        FROM dated d JOIN Employees e ON e.Id = d.EmployeeId
        ORDER BY d.UnitId, d.n
        """, Common));

    /// <summary>The three runs, oldest first, each with its findings; the run's figures are counted from them.</summary>
    public void WriteRuns() => sql.InTransaction(() =>
    {
        for (var run = 1; run <= Runs; run++)
        {
            var asOf = -1 - ((Runs - run) * 7);
            (string, object?)[] parameters = [.. Common, ("@run", run), ("@asOf", asOf), ("@latest", run == Runs ? 1 : 0)];
            sql.Execute("""
                INSERT INTO HrImports (Id, FileName, FileSha256, FileBytes, AsOf, Source, ById, ByName, StartedAt, FinishedAt, LinesRead,
                    LinesSkipped, LinesUnmapped, PersonsMatched, Leavers, Movers, Joiners, UnknownToHr, CarriedDismissals, OrdersPlaced)
                VALUES (@run, 'hr-anstallningar-' || date(@T + @asOf) || '.csv', printf('%064d', @run), @E * 96, date(@T + @asOf),
                    'Folder', 'hr-folder', 'HR-mappen', @Today + (@asOf + 1) * @Day + 2 * 3600 * 10000000,
                    @Today + (@asOf + 1) * @Day + 2 * 3600 * 10000000 + 11 * 10000000,
                    @E + @E / 8, @E / 8, @E / 200, @E - @F, 0, 0, 0, 0, 0, 0)
                """, parameters);
            sql.Execute("""
                WITH current AS (
                    SELECT em.Id, em.EmployeeId, em.UnitId, em.UnitName, em.TitleId, em.TitleName, em."From", em."To",
                           mix(em.Id, 90) % 10 AS k, mix(em.Id, 91 + @run) AS r
                    FROM Employments em
                    WHERE em.EndedByOrderId IS NULL AND (em."To" IS NULL OR em."To" >= date(@T))
                    ORDER BY mix(em.Id, 80) LIMIT @F),
                typed AS (
                    SELECT c.*, CASE WHEN k <= 3 THEN 'Leaver' WHEN k <= 6 THEN 'Mover' WHEN k <= 8 THEN 'UnknownToHr' ELSE 'Joiner' END AS Kind,
                           (mix(c.Id, 92) % @U) + 1 AS OtherUnit,
                           CASE WHEN r % 10 <= 6 THEN 'Open' WHEN r % 10 <= 8 THEN 'Confirmed' ELSE 'Dismissed' END AS Decided
                    FROM current c)
                INSERT INTO HrFindings (ImportId, Kind, Status, FactsKey, Personnummer, Name, EmployeeId, EmploymentId, UnitId, UnitName,
                    TitleId, TitleName, HrUnitId, HrUnitName, HrTitleId, HrTitleName, HrFrom, HrTo, LineNumber, EffectiveDate, OrderId,
                    DecidedAt, DecidedById, DecidedByName, DismissReason)
                SELECT @run, t.Kind,
                       CASE WHEN t.Decided = 'Open' AND @latest = 0 THEN 'Superseded' ELSE t.Decided END,
                       t.Kind || ':' || e.Personnummer || ':' || t.UnitId || ':' || t.OtherUnit,
                       e.Personnummer, e.FullName, t.EmployeeId,
                       CASE WHEN t.Kind = 'Joiner' THEN NULL ELSE t.Id END,
                       CASE WHEN t.Kind = 'Joiner' THEN o.Id ELSE t.UnitId END,
                       CASE WHEN t.Kind = 'Joiner' THEN o.Name ELSE t.UnitName END,
                       CASE WHEN t.Kind = 'Joiner' THEN NULL ELSE t.TitleId END,
                       CASE WHEN t.Kind = 'Joiner' THEN NULL ELSE t.TitleName END,
                       CASE t.Kind WHEN 'Leaver' THEN t.UnitId WHEN 'Mover' THEN o.Id WHEN 'Joiner' THEN o.Id END,
                       CASE t.Kind WHEN 'Leaver' THEN t.UnitName WHEN 'Mover' THEN o.Name WHEN 'Joiner' THEN o.Name END,
                       CASE WHEN t.Kind = 'UnknownToHr' THEN NULL ELSE t.TitleId END,
                       CASE WHEN t.Kind = 'UnknownToHr' THEN NULL ELSE t.TitleName END,
                       CASE t.Kind WHEN 'Leaver' THEN t."From" WHEN 'Mover' THEN date(@T + @asOf - t.r % 20) WHEN 'Joiner' THEN date(@T + @asOf - t.r % 10) END,
                       CASE WHEN t.Kind = 'Leaver' THEN date(@T + @asOf - 1 - t.r % 30) END,
                       CASE WHEN t.Kind = 'UnknownToHr' THEN NULL ELSE 2 + t.r % (@E + @E / 8) END,
                       CASE t.Kind WHEN 'Leaver' THEN date(@T + @asOf - 1 - t.r % 30) WHEN 'Mover' THEN date(@T + @asOf - t.r % 20)
                                   WHEN 'Joiner' THEN date(@T + @asOf - t.r % 10) END,
                       CASE WHEN t.Decided = 'Confirmed' THEN (SELECT max(x.Id) FROM Orders x WHERE x.EmployeeId = t.EmployeeId) END,
                       CASE WHEN t.Decided <> 'Open' THEN @Today + (@asOf + 1) * @Day + 9 * 3600 * 10000000 END,
                       CASE WHEN t.Decided <> 'Open' THEN op.Oid END,
                       CASE WHEN t.Decided <> 'Open' THEN op.Name END,
                       CASE WHEN t.Decided = 'Dismissed' THEN 'Chefen bekräftar att anställningen fortsätter; HR rättar sin uppgift.' END
                FROM typed t
                JOIN Employees e ON e.Id = t.EmployeeId
                JOIN temp.unit o ON o.Id = t.OtherUnit
                JOIN temp.op op ON op.n = 0
                """, parameters);
            sql.Execute("""
                UPDATE HrImports SET
                    Leavers = (SELECT count(*) FROM HrFindings WHERE ImportId = @run AND Kind = 'Leaver'),
                    Movers = (SELECT count(*) FROM HrFindings WHERE ImportId = @run AND Kind = 'Mover'),
                    Joiners = (SELECT count(*) FROM HrFindings WHERE ImportId = @run AND Kind = 'Joiner'),
                    UnknownToHr = (SELECT count(*) FROM HrFindings WHERE ImportId = @run AND Kind = 'UnknownToHr'),
                    OrdersPlaced = (SELECT count(*) FROM HrFindings WHERE ImportId = @run AND OrderId IS NOT NULL),
                    CarriedDismissals = CASE WHEN @run = 1 THEN 0 ELSE (SELECT count(*) FROM HrFindings WHERE ImportId = @run - 1 AND Status = 'Dismissed') END
                WHERE Id = @run
                """, parameters);
        }
    });

    /// <summary>
    /// HR units and job titles that do not map themselves: a quarter of the units and a third of the titles, as HR spells
    /// them, with their keys made by the app's own rule.
    /// </summary>
    public void WriteMappings()
    {
        var units = sql.Rows("SELECT Id, Name FROM Units ORDER BY Id", r => (Id: r.GetInt64(0), Name: r.GetString(1)));
        var titles = sql.Rows("SELECT Id, Name FROM JobTitles ORDER BY Id", r => (Id: r.GetInt64(0), Name: r.GetString(1)));
        string[] suffixes = ["natt", "vikarie", "timavlönad", "deltid"];
        var rows = new List<(string Kind, string Value, long TargetId, string TargetName)>();
        rows.AddRange(units.Where((_, i) => i % 4 == 0).Select((u, i) => ("Unit", $"{u.Name.ToUpperInvariant()} HR-{1000 + i}", u.Id, u.Name)));
        rows.AddRange(titles.Where((_, i) => i % 3 == 0).Select((t, i) => ("Title", $"{t.Name} {suffixes[i % suffixes.Length]}", t.Id, t.Name)));
        sql.InTransaction(() =>
        {
            using var insert = sql.Prepare("""
                INSERT INTO HrMappings (Kind, HrValue, "Key", Status, TargetId, TargetName, SuggestedTargetId, SuggestedTargetName,
                    FirstSeenAt, FirstSeenImportId, DecidedAt, DecidedById, DecidedByName)
                VALUES ($kind, $value, $key, $status, $target, $targetName, $suggested, $suggestedName, $seen, 1, $decided, $by, $byName)
                """, "$kind", "$value", "$key", "$status", "$target", "$targetName", "$suggested", "$suggestedName", "$seen", "$decided", "$by", "$byName");
            for (var i = 0; i < rows.Count; i++)
            {
                var (kind, value, targetId, targetName) = rows[i];
                var status = (i % 10) switch { <= 3 => "Pending", <= 8 => "Mapped", _ => "Ignored" };
                var suggested = status == "Pending" && i % 2 == 0;
                var seen = TodayTicks - ((30 + (i % 60)) * TimeSpan.TicksPerDay);
                insert.Parameters["$kind"].Value = kind;
                insert.Parameters["$value"].Value = value;
                insert.Parameters["$key"].Value = HrMappingRules.Key(value);
                insert.Parameters["$status"].Value = status;
                insert.Parameters["$target"].Value = status == "Mapped" ? targetId : DBNull.Value;
                insert.Parameters["$targetName"].Value = status == "Mapped" ? targetName : DBNull.Value;
                insert.Parameters["$suggested"].Value = suggested ? targetId : DBNull.Value;
                insert.Parameters["$suggestedName"].Value = suggested ? targetName : DBNull.Value;
                insert.Parameters["$seen"].Value = seen;
                insert.Parameters["$decided"].Value = status == "Pending" ? DBNull.Value : seen + TimeSpan.TicksPerDay;
                insert.Parameters["$by"].Value = status == "Pending" ? DBNull.Value : AdminId;
                insert.Parameters["$byName"].Value = status == "Pending" ? DBNull.Value : "Systemförvaltare";
                insert.ExecuteNonQuery();
            }
        });
    }
}
