using SocItConsole.Shared.Matrix;

namespace SocItConsole.Bench.Generate;

/// <summary>
/// The large tables, filled set-based: <c>INSERT … SELECT</c> from recursive CTEs and from the rows already written,
/// with <c>mix(a, b)</c> for choices that should look random. The big steps run in chunks of order ids, each chunk one
/// transaction, so that the progress bar moves.
/// </summary>
/// <remarks>
/// The model, in short. Orders arrive evenly over three years; order <c>i</c> belongs to employee
/// <c>((i - 1) * P mod E) + 1</c>, so every block of E orders has each employee once and an employee's k-th order is in
/// block k. The first is a new employment; later odd blocks may end the employment, and the order after an end is a
/// new employment again (substitutes come and go); otherwise extensions, temporary access to another unit and ends of
/// temporary grants. Grants come from completed orders' systems and end the way the app ends them: by a completed
/// end of employment (after it, for what still runs) or by a completed end of that temporary grant.
/// </remarks>
internal sealed class BulkData(SqlSession sql, Scale scale, Timeline time, int operators)
{
    private const int Chunks = 20;

    // Percent of later odd-block orders that end the employment.
    private const int TerminatePercent = 60;

    // Percent of recent temporary orders whose end falls in the last 120 days (summer substitutes, short cover).
    private const int RecentEndPercent = 70;

    private (string, object?)[] Common =>
    [
        ("@O", scale.Orders), ("@E", scale.Employees), ("@P", Stride(scale.Employees)), ("@U", scale.Units),
        ("@D", Timeline.Days), ("@T", time.TodayJulian), ("@Base", time.BaseTicks), ("@Open", scale.OpenOrders),
        ("@Ops", operators), ("@PTerm", TerminatePercent), ("@PRecent", RecentEndPercent),
    ];

    /// <summary>Lookup tables the set-based steps join: units with their first manager, operators, systems and levels by rank.</summary>
    public void WriteHelpers(IReadOnlyList<Person> operatorPeople)
    {
        // Temporary tables get declared column types throughout: a column made by an expression has no affinity,
        // and SQLite will not use an index on it for a comparison with an INTEGER column.
        Temp("unit (Id INTEGER PRIMARY KEY, Name TEXT NOT NULL, UsesKeys INTEGER NOT NULL, MgrName TEXT NOT NULL, MgrEmail TEXT NOT NULL)", """
            SELECT u.Id, u.Name, u.UsesDigitalKeys, m.Name, m.Email
            FROM Units u JOIN UnitManagers m ON m.Id = (SELECT min(x.Id) FROM UnitManagers x WHERE x.UnitId = u.Id)
            """);
        sql.Execute("CREATE TEMP TABLE op (n INTEGER PRIMARY KEY, Oid TEXT NOT NULL, Name TEXT NOT NULL)");
        sql.Execute("CREATE TEMP TABLE mgr (Email TEXT PRIMARY KEY, Oid TEXT NOT NULL)");
        sql.InTransaction(() =>
        {
            using var insert = sql.Prepare("INSERT INTO temp.op (n, Oid, Name) VALUES ($n, $oid, $name)", "$n", "$oid", "$name");
            for (var i = 0; i < operatorPeople.Count; i++)
            {
                insert.Parameters["$n"].Value = i;
                insert.Parameters["$oid"].Value = operatorPeople[i].UserId;
                insert.Parameters["$name"].Value = operatorPeople[i].Name;
                insert.ExecuteNonQuery();
            }
        });

        // A manager's stable user id (as Entra ID would give it): what "Mina ärenden" finds their console orders by.
        sql.Execute("""
            INSERT INTO mgr (Email, Oid)
            SELECT Email, printf('00000000-0000-4000-9000-%012d', min(Id)) FROM UnitManagers GROUP BY Email
            """);
        Temp("unit_sys (UnitId INTEGER NOT NULL, SystemId INTEGER NOT NULL, rn INTEGER NOT NULL, PRIMARY KEY (UnitId, rn))",
            "SELECT UnitId, ItSystemId, ROW_NUMBER() OVER (PARTITION BY UnitId ORDER BY ItSystemId) FROM UnitSystems");
        Temp("sys_lvl (SystemId INTEGER NOT NULL, LevelId INTEGER NOT NULL, Name TEXT NOT NULL, rn INTEGER NOT NULL, PRIMARY KEY (SystemId, rn))",
            "SELECT ItSystemId, Id, Name, ROW_NUMBER() OVER (PARTITION BY ItSystemId ORDER BY Position, Id) FROM SystemLevels");
        Temp("sys_lvl_count (SystemId INTEGER PRIMARY KEY, cnt INTEGER NOT NULL)", "SELECT SystemId, count(*) FROM sys_lvl GROUP BY SystemId");

        // What an extension asks for: a system of the unit with more than one level (at a higher one), where there is one.
        Temp("unit_xsys (UnitId INTEGER NOT NULL, SystemId INTEGER NOT NULL, rn INTEGER NOT NULL, PRIMARY KEY (UnitId, rn))", """
            SELECT us.UnitId, us.SystemId, ROW_NUMBER() OVER (PARTITION BY us.UnitId ORDER BY us.SystemId)
            FROM unit_sys us JOIN sys_lvl_count c ON c.SystemId = us.SystemId
            WHERE c.cnt > 1 OR NOT EXISTS (
                SELECT 1 FROM unit_sys u2 JOIN sys_lvl_count c2 ON c2.SystemId = u2.SystemId WHERE u2.UnitId = us.UnitId AND c2.cnt > 1)
            """);
        Temp("unit_xsys_count (UnitId INTEGER PRIMARY KEY, cnt INTEGER NOT NULL)", "SELECT UnitId, count(*) FROM unit_xsys GROUP BY UnitId");
    }

    /// <summary>Version 1 of the matrix as one saved change set with a change per cell, and its audit entry.</summary>
    public void WriteMatrixHistory()
    {
        var cells = sql.Scalar("SELECT count(*) FROM MatrixEntries");
        var summary = MatrixChangeSummary.Describe(Enumerable.Repeat(CellChangeKind.Added, (int)cells));
        sql.InTransaction(() =>
        {
            sql.Execute("""
                INSERT INTO MatrixChangeSets (Id, Version, SavedAt, SavedById, SavedByName, Comment, Source)
                VALUES (1, 1, @at, 'bench-generator', 'Testdatageneratorn', 'Matrisen för syntetiska testdata (bench).', 'Import')
                """, ("@at", time.MatrixSavedTicks));
            sql.Execute("""
                INSERT INTO MatrixCellChanges (TitleId, TitleName, SystemId, SystemName, LevelBeforeId, LevelBeforeName, LevelAfterId, LevelAfterName, ChangeSetId)
                SELECT t.Id, t.Name, s.Id, s.Name, NULL, NULL, l.Id, l.Name, 1
                FROM MatrixEntries m
                JOIN JobTitles t ON t.Id = m.JobTitleId
                JOIN ItSystems s ON s.Id = m.ItSystemId
                JOIN SystemLevels l ON l.Id = m.SystemLevelId
                ORDER BY t.Id, s.Id
                """);
            sql.Execute("UPDATE MatrixState SET Version = 1 WHERE Id = 1");
            sql.Execute("""
                INSERT INTO AuditEntries (OccurredAt, ActorId, ActorName, Action, EntityType, EntityId, Summary, Before, After)
                SELECT @at, 'bench-generator', 'Testdatageneratorn', 'Matrix.Saved', 'Matrix', '1', @summary, '[]',
                       json_group_array(json_object('Title', TitleName, 'System', SystemName, 'Level', LevelAfterName))
                FROM (SELECT TitleName, SystemName, LevelAfterName FROM MatrixCellChanges WHERE ChangeSetId = 1 ORDER BY Id)
                """, ("@at", time.MatrixSavedTicks), ("@summary", $"Matrisen version 1: {summary}."));
        });
    }

    /// <summary>
    /// Every order in one statement: type, channel and status by the model above; dates as day offsets from today;
    /// case numbers numbered per year. Then each "end of a temporary grant" finds the temporary order it ends.
    /// </summary>
    public void WriteOrders()
    {
        sql.InTransaction(() =>
        {
            sql.Execute(OrdersSql, Common);

            // An end of a temporary grant ends the employee's latest completed temporary order before it; with none,
            // it was an extension after all. Its last day is the grant's, or — for one long run out — a recent day, as
            // the intake takes no last day more than a year back.
            // The unary + keeps the planner on the employee's orders instead of every completed order.
            sql.Execute("CREATE TEMP TABLE et (Id INTEGER PRIMARY KEY, ParentId INTEGER)");
            sql.Execute("""
                INSERT INTO et (Id, ParentId)
                SELECT o.Id, (SELECT max(p.Id) FROM Orders p
                              WHERE p.EmployeeId = o.EmployeeId AND p.Id < o.Id AND +p.Type IN ('New', 'Extend', 'TemporaryUnit')
                                AND p.EndDate IS NOT NULL AND +p.Status = 'Completed')
                FROM Orders o WHERE o.Type = 'EndTemporary'
                """);
            sql.Execute("""
                UPDATE Orders SET Type = 'Extend', StartDate = date(@T + (ReceivedAt - @Base) / 864000000000 - @D)
                WHERE Id IN (SELECT Id FROM et WHERE ParentId IS NULL)
                """, Common);
            sql.Execute("DELETE FROM et WHERE ParentId IS NULL");
            sql.Execute("""
                UPDATE Orders
                SET UnitId = coalesce(p.TargetUnitId, p.UnitId),
                    UnitName = coalesce(p.TargetUnitName, p.UnitName),
                    EndDate = CASE
                        WHEN p.EndDate <= date(@T + (Orders.ReceivedAt - @Base) / 864000000000 - @D)
                            THEN max(p.EndDate, date(@T + (Orders.ReceivedAt - @Base) / 864000000000 - @D - 30))
                        ELSE max(p.StartDate, min(p.EndDate, date(@T + (Orders.ReceivedAt - @Base) / 864000000000 - @D + mix(Orders.Id, 24) % 10)))
                    END
                FROM et JOIN Orders p ON p.Id = et.ParentId
                WHERE Orders.Id = et.Id
                """, Common);
            sql.Execute("""
                INSERT INTO CaseNumberCounters (Year, LastNumber)
                SELECT CAST(substr(CaseNumber, 5, 4) AS INTEGER), max(CAST(substr(CaseNumber, 10) AS INTEGER))
                FROM Orders GROUP BY 1
                """);
        });
    }

    /// <summary>
    /// The systems each order concerns: derived from title × unit as the app's rule does (the unit uses the system,
    /// Swedlock only where the unit uses digital keys) for new employments and temporary access; one or two of the
    /// unit's systems at another level than the employee's title gives for an extension; the ended order's systems for
    /// an end of a temporary grant.
    /// </summary>
    public void WriteOrderSystems(Action<double> report) => InChunks(report, """
        INSERT INTO OrderSystems (SystemId, SystemName, LevelId, LevelName, OrderId)
        SELECT s.Id, s.Name, l.Id, l.Name, o.Id
        FROM Orders o
        JOIN MatrixEntries m ON m.JobTitleId = o.TitleId
        JOIN UnitSystems us ON us.UnitId = coalesce(o.TargetUnitId, o.UnitId) AND us.ItSystemId = m.ItSystemId
        JOIN ItSystems s ON s.Id = m.ItSystemId
        JOIN SystemLevels l ON l.Id = m.SystemLevelId
        JOIN Units gu ON gu.Id = coalesce(o.TargetUnitId, o.UnitId)
        WHERE o.Type IN ('New', 'TemporaryUnit') AND o.Id BETWEEN @lo AND @hi AND (s.RequiresDigitalKeys = 0 OR gu.UsesDigitalKeys = 1)
        ORDER BY o.Id, s.Name
        """, """
        WITH pick AS (
            SELECT o.Id, o.UnitId, c.cnt, mix(o.Id, 30) % c.cnt AS first,
                   CASE WHEN c.cnt > 1 AND mix(o.Id, 31) % 3 = 0 THEN 1 ELSE 0 END AS two
            FROM Orders o JOIN unit_xsys_count c ON c.UnitId = o.UnitId
            WHERE o.Type = 'Extend' AND o.Id BETWEEN @lo AND @hi),
        sel AS (
            SELECT Id, UnitId, first + 1 AS rn FROM pick
            UNION ALL
            SELECT Id, UnitId, (first + 1 + mix(Id, 32) % (cnt - 1)) % cnt + 1 FROM pick WHERE two = 1)
        INSERT INTO OrderSystems (SystemId, SystemName, LevelId, LevelName, OrderId)
        SELECT s.Id, s.Name, l.LevelId, l.Name, sel.Id
        FROM sel
        JOIN unit_xsys us ON us.UnitId = sel.UnitId AND us.rn = sel.rn
        JOIN ItSystems s ON s.Id = us.SystemId
        JOIN sys_lvl_count lc ON lc.SystemId = s.Id
        JOIN Orders o ON o.Id = sel.Id
        JOIN emp em ON em.Id = o.EmployeeId
        LEFT JOIN MatrixEntries me ON me.JobTitleId = em.TitleId AND me.ItSystemId = s.Id
        JOIN sys_lvl l0 ON l0.SystemId = s.Id
             AND l0.rn = CASE WHEN lc.cnt > 1 THEN 2 + mix(sel.Id * 64 + s.Id, 33) % (lc.cnt - 1) ELSE 1 END
        JOIN sys_lvl l ON l.SystemId = s.Id
             AND l.rn = CASE WHEN lc.cnt > 1 AND l0.LevelId = me.SystemLevelId THEN l0.rn % lc.cnt + 1 ELSE l0.rn END
        ORDER BY sel.Id, s.Name
        """, """
        INSERT INTO OrderSystems (SystemId, SystemName, LevelId, LevelName, OrderId)
        SELECT ps.SystemId, ps.SystemName, ps.LevelId, ps.LevelName, et.Id
        FROM et JOIN OrderSystems ps ON ps.OrderId = et.ParentId
        WHERE et.Id BETWEEN @lo AND @hi
        ORDER BY et.Id, ps.Id
        """);

    /// <summary>
    /// The grants: every completed order that gives access is a candidate with all its systems, ended as the app
    /// would end it. Whole orders are then drawn at random: exactly <see cref="Scale.ExpiredTemporaryGrants"/> grants
    /// from orders whose temporary access ran out in the last 120 days unended, the rest from orders whose grants
    /// still run or were ended by an order. Access that ran out longer ago unended is not kept (the expiry job would
    /// have seen to it), so that "run out and not ended" is exactly the expired count.
    /// </summary>
    public GrantPools WriteGrants(Action<double> report)
    {
        var live = scale.Grants - scale.ExpiredTemporaryGrants;
        Temp("closer (ParentId INTEGER PRIMARY KEY, CloseId INTEGER NOT NULL)", """
            SELECT et.ParentId, min(et.Id)
            FROM et JOIN Orders c ON c.Id = et.Id AND c.Status = 'Completed'
            GROUP BY et.ParentId
            """);

        // How each completed order's grants end, and so which pool they fall in.
        Temp("ordfin (Id INTEGER PRIMARY KEY, gto TEXT, ended INTEGER, pool TEXT NOT NULL)", """
            WITH src AS MATERIALIZED (
                SELECT o.Id, o.StartDate AS sd, o.EndDate AS ed, cl.CloseId, c.EndDate AS CloseEnd,
                       (SELECT min(t.Id) FROM Orders t
                        WHERE t.EmployeeId = o.EmployeeId AND t.Id > o.Id AND +t.Type = 'Terminate' AND +t.Status = 'Completed') AS TermId
                FROM Orders o
                LEFT JOIN closer cl ON cl.ParentId = o.Id
                LEFT JOIN Orders c ON c.Id = cl.CloseId
                WHERE o.Status = 'Completed' AND o.Type IN ('New', 'Extend', 'TemporaryUnit')),
            s2 AS MATERIALIZED (
                SELECT src.*, t.EndDate AS TermEnd,
                       CloseId IS NOT NULL AND (TermId IS NULL OR CloseId < TermId OR (ed IS NOT NULL AND ed <= t.EndDate)) AS useClose
                FROM src LEFT JOIN Orders t ON t.Id = src.TermId),
            s3 AS MATERIALIZED (
                SELECT Id,
                       CASE
                           WHEN useClose THEN CASE WHEN ed IS NOT NULL AND ed <= CloseEnd THEN ed ELSE max(sd, CloseEnd) END
                           WHEN TermId IS NOT NULL AND (ed IS NULL OR ed > TermEnd) THEN max(sd, TermEnd)
                           ELSE ed
                       END AS gto,
                       CASE
                           WHEN useClose THEN CloseId
                           WHEN TermId IS NOT NULL AND (ed IS NULL OR ed > TermEnd) THEN TermId
                       END AS ended
                FROM s2)
            SELECT Id, gto, ended,
                   CASE
                       WHEN ended IS NULL AND gto < @today THEN CASE WHEN gto >= @window THEN 'expired' ELSE 'stale' END
                       ELSE 'live'
                   END
            FROM s3
            """, ("@today", time.TodayText), ("@window", time.ExpiredWindowStartText));

        // The candidates: the orders' systems, without the one the app would not add twice (the employee already has
        // it, permanently and never ended, from an earlier order that started no later).
        Temp("""
            cand (OsId INTEGER PRIMARY KEY, OrderId INTEGER NOT NULL, EmployeeId INTEGER NOT NULL, SystemId INTEGER NOT NULL,
                  LevelId INTEGER NOT NULL, UnitId INTEGER NOT NULL, StartDate TEXT NOT NULL, Permanent INTEGER NOT NULL)
            """, """
            SELECT os.Id, o.Id, o.EmployeeId, os.SystemId, os.LevelId, coalesce(o.TargetUnitId, o.UnitId), o.StartDate, f.gto IS NULL
            FROM ordfin f JOIN Orders o ON o.Id = f.Id JOIN OrderSystems os ON os.OrderId = o.Id
            """);
        sql.Execute("CREATE INDEX temp.cand_same ON cand (EmployeeId, SystemId, LevelId, UnitId, OrderId)");
        sql.Execute("""
            DELETE FROM cand WHERE EXISTS (
                SELECT 1 FROM cand p
                WHERE p.EmployeeId = cand.EmployeeId AND p.SystemId = cand.SystemId AND p.LevelId = cand.LevelId
                  AND p.UnitId = cand.UnitId AND p.OrderId < cand.OrderId AND p.Permanent = 1 AND p.StartDate <= cand.StartDate)
            """);
        sql.Execute("CREATE INDEX temp.cand_order ON cand (OrderId, OsId)");
        Temp("fin (Id INTEGER PRIMARY KEY, gto TEXT, ended INTEGER, pool TEXT NOT NULL, n INTEGER NOT NULL)", """
            SELECT f.Id, f.gto, f.ended, f.pool, count(*) FROM ordfin f JOIN cand c ON c.OrderId = f.Id GROUP BY f.Id
            """);
        var pools = new GrantPools(
            sql.Scalar("SELECT coalesce(sum(n), 0) FROM fin WHERE pool = 'expired'"),
            sql.Scalar("SELECT coalesce(sum(n), 0) FROM fin WHERE pool = 'live'"),
            sql.Scalar("SELECT coalesce(sum(n), 0) FROM fin WHERE pool = 'stale'"));
        if (pools.Expired < scale.ExpiredTemporaryGrants || pools.Live < live)
        {
            throw new InvalidOperationException(
                $"scale '{scale.Name}': the orders give {pools.Expired} expired and {pools.Live} other grant candidates, " +
                $"but {scale.ExpiredTemporaryGrants} and {live} are needed; more orders or systems per order would help");
        }

        Temp("chosen (Id INTEGER PRIMARY KEY, gto TEXT, ended INTEGER, take INTEGER NOT NULL)", """
            WITH ranked AS (
                SELECT Id, gto, ended, n, pool,
                       sum(n) OVER (PARTITION BY pool ORDER BY mix(Id, 40), Id ROWS UNBOUNDED PRECEDING) AS cum
                FROM fin WHERE pool IN ('expired', 'live'))
            SELECT Id, gto, ended, min(n, CASE pool WHEN 'expired' THEN @expired ELSE @live END - (cum - n))
            FROM ranked
            WHERE cum - n < CASE pool WHEN 'expired' THEN @expired ELSE @live END
            """, ("@expired", scale.ExpiredTemporaryGrants), ("@live", live));
        InChunks(report, """
            INSERT INTO Grants (EmployeeId, SystemId, SystemName, LevelId, LevelName, UnitId, UnitName, "From", "To", SourceOrderId, SourceCaseNumber, EndedByOrderId)
            SELECT o.EmployeeId, os.SystemId, os.SystemName, os.LevelId, os.LevelName,
                   coalesce(o.TargetUnitId, o.UnitId), coalesce(o.TargetUnitName, o.UnitName),
                   o.StartDate, c.gto, o.Id, o.CaseNumber, c.ended
            FROM (SELECT ch.Id, ch.gto, ch.ended, ch.take, cand.OsId,
                         ROW_NUMBER() OVER (PARTITION BY ch.Id ORDER BY cand.OsId) AS rn
                  FROM chosen ch JOIN cand ON cand.OrderId = ch.Id
                  WHERE ch.Id BETWEEN @lo AND @hi) c
            JOIN Orders o ON o.Id = c.Id
            JOIN OrderSystems os ON os.Id = c.OsId
            WHERE c.rn <= c.take
            ORDER BY c.Id, c.OsId
            """);
        return pools;
    }

    /// <summary>
    /// The key register: pools for every unit with digital keys, keys spread over those units, personal keys handed
    /// to the unit's employees (to be returned when the employment has ended), each key's history from registration
    /// to its status; orders get the number of the key they named; pool members; purchases for "buy a new key".
    /// </summary>
    public void WriteKeys()
    {
        var keyUnits = sql.Scalar("SELECT count(*) FROM Units WHERE UsesDigitalKeys = 1");
        sql.InTransaction(() =>
        {
            Temp("ku (rn INTEGER PRIMARY KEY, UnitId INTEGER NOT NULL)", "SELECT ROW_NUMBER() OVER (ORDER BY Id), Id FROM Units WHERE UsesDigitalKeys = 1");
            sql.Execute("""
                INSERT INTO KeyPools (UnitId, Name)
                SELECT UnitId, Name FROM (
                    SELECT UnitId, 'Personalpool' AS Name, 1 AS n FROM ku
                    UNION ALL SELECT UnitId, 'Nattpool', 2 FROM ku WHERE rn % 3 = 0)
                ORDER BY UnitId, n
                """);
            Temp("kp (UnitId INTEGER PRIMARY KEY, P1 INTEGER NOT NULL, P2 INTEGER NOT NULL)", "SELECT UnitId, min(Id), max(Id) FROM KeyPools GROUP BY UnitId");
            if (keyUnits > 0 && scale.Keys > 0)
            {
                sql.Execute(KeysSql, ("@K", scale.Keys), ("@KU", keyUnits));
            }

            Temp("eu (EmployeeId INTEGER NOT NULL, UnitId INTEGER NOT NULL, rn INTEGER NOT NULL, PRIMARY KEY (UnitId, rn))",
                "SELECT Id, UnitId, ROW_NUMBER() OVER (PARTITION BY UnitId ORDER BY mix(Id, 60)) FROM emp");
            Temp("euc (UnitId INTEGER PRIMARY KEY, cnt INTEGER NOT NULL)", "SELECT UnitId, count(*) FROM eu GROUP BY UnitId");

            // Employees whose latest order ended the employment.
            Temp("gone (EmployeeId INTEGER PRIMARY KEY, LastId INTEGER NOT NULL, EndDate TEXT)", """
                SELECT o.EmployeeId, o.Id, o.EndDate
                FROM (SELECT EmployeeId, max(Id) AS LastId FROM Orders GROUP BY EmployeeId) l
                JOIN Orders o ON o.Id = l.LastId
                WHERE o.Type = 'Terminate' AND o.Status = 'Completed'
                """);

            // Issued personal keys go to distinct employees of the key's unit; one left over stays in stock.
            sql.Execute("""
                WITH kr AS (
                    SELECT Id, UnitId, ROW_NUMBER() OVER (PARTITION BY UnitId ORDER BY Id) AS rn
                    FROM Keys WHERE Kind = 'Personal' AND Status = 'Issued')
                UPDATE Keys SET HolderEmployeeId = eu.EmployeeId
                FROM kr JOIN eu ON eu.UnitId = kr.UnitId AND eu.rn = kr.rn
                WHERE Keys.Id = kr.Id
                """);
            sql.Execute("UPDATE Keys SET Status = 'InStock' WHERE Status = 'Issued' AND HolderEmployeeId IS NULL");
            sql.Execute("UPDATE Keys SET Status = 'ToBeReturned' WHERE Status = 'Issued' AND HolderEmployeeId IN (SELECT EmployeeId FROM gone)");
            sql.Execute(KeyEventsSql, ("@Base", time.BaseTicks), ("@Ops", operators));
            sql.Execute("UPDATE Keys SET Version = (SELECT count(*) FROM KeyEvents e WHERE e.KeyId = Keys.Id)");

            // The number a "personal key" order named: the key its employee holds in the unit, else one of the unit's.
            Temp("pk (UnitId INTEGER NOT NULL, Id INTEGER NOT NULL, Number TEXT NOT NULL, rn INTEGER NOT NULL, PRIMARY KEY (UnitId, rn))",
                "SELECT UnitId, Id, Number, ROW_NUMBER() OVER (PARTITION BY UnitId ORDER BY Id) FROM Keys WHERE Kind = 'Personal'");
            Temp("pkc (UnitId INTEGER PRIMARY KEY, cnt INTEGER NOT NULL)", "SELECT UnitId, count(*) FROM pk GROUP BY UnitId");
            sql.Execute("""
                UPDATE Orders SET KeyNumber = (
                    SELECT k.Number FROM Keys k
                    WHERE k.HolderEmployeeId = Orders.EmployeeId AND k.UnitId = coalesce(Orders.TargetUnitId, Orders.UnitId) LIMIT 1)
                WHERE KeyKind = 'PersonalKey'
                """);
            sql.Execute("""
                UPDATE Orders SET KeyNumber = (
                    SELECT pk.Number FROM pk JOIN pkc ON pkc.UnitId = pk.UnitId
                    WHERE pk.UnitId = coalesce(Orders.TargetUnitId, Orders.UnitId) AND pk.rn = 1 + Orders.Id % pkc.cnt)
                WHERE KeyKind = 'PersonalKey' AND KeyNumber IS NULL
                """);
            sql.Execute("UPDATE Orders SET KeyKind = 'Pool' WHERE KeyKind = 'PersonalKey' AND KeyNumber IS NULL");

            sql.Execute("""
                INSERT INTO PoolMembership (EmployeeId, "From", "To", KeyPoolId)
                SELECT m.EmployeeId, m.FromDate, CASE WHEN g.EmployeeId IS NOT NULL THEN max(m.FromDate, g.EndDate) END, m.PoolId
                FROM (SELECT o.EmployeeId, kp.P1 AS PoolId, min(o.StartDate) AS FromDate
                      FROM Orders o JOIN kp ON kp.UnitId = o.UnitId
                      WHERE o.Type = 'New' AND o.KeyKind = 'Pool' AND o.Status = 'Completed'
                      GROUP BY o.EmployeeId, kp.P1) m
                LEFT JOIN gone g ON g.EmployeeId = m.EmployeeId
                ORDER BY m.EmployeeId
                """);
            sql.Execute(KeyPurchasesSql);
        });
    }

    /// <summary>
    /// The operator's checklist of every case that has been taken, as <c>CaseChecklist.For</c> makes it: a line per
    /// system, the Swedlock step, for an end of employment a line per grant still running and the three returns. A
    /// completed case has every line done (or explained); an open one about half. Then each order's version.
    /// </summary>
    public void WriteChecklists(Action<double> report)
    {
        // An item's state, who marked it and when: all done on a completed case, none on a rejected one, about half
        // on an open one; marked between taking the case and completing it.
        static string State(string salt) =>
            $"CASE o.Status WHEN 'Completed' THEN 'Done' WHEN 'Rejected' THEN 'Todo' ELSE CASE WHEN mix(o.Id * 64 + {salt}, 70) % 2 = 0 THEN 'Done' ELSE 'Todo' END END";
        static string By(string salt) => $"CASE WHEN {State(salt)} = 'Done' THEN o.AssignedToName END";
        static string At(string salt) =>
            $"CASE WHEN {State(salt)} = 'Done' THEN o.TakenAt + (coalesce(o.CompletedAt, o.TakenAt + 36000000000) - o.TakenAt) * (mix(o.Id * 64 + {salt}, 72) % 1000) / 1000 END";

        InChunks(report, $"""
            INSERT INTO ChecklistItems (Kind, Label, SystemId, State, MarkedByName, MarkedAt, Note, OrderId)
            SELECT 'System',
                   CASE WHEN o.Type = 'EndTemporary' THEN 'Avsluta ' || os.SystemName || ' (' || os.LevelName || ') i ' || o.UnitName
                        ELSE os.SystemName || ': ' || os.LevelName END,
                   os.SystemId, {State("os.Id")}, {By("os.Id")}, {At("os.Id")}, NULL, o.Id
            FROM Orders o JOIN OrderSystems os ON os.OrderId = o.Id
            WHERE o.Status <> 'Received' AND o.Type IN ('New', 'Extend', 'TemporaryUnit', 'EndTemporary') AND o.Id BETWEEN @lo AND @hi
            ORDER BY o.Id, os.Id
            """, $"""
            INSERT INTO ChecklistItems (Kind, Label, SystemId, State, MarkedByName, MarkedAt, Note, OrderId)
            SELECT 'Key',
                   CASE o.KeyKind
                       WHEN 'PersonalKey' THEN 'Swedlock: koppla personlig nyckel ' || o.KeyNumber || ' och ge personlig kod'
                       WHEN 'BuyNewKey' THEN 'Swedlock: köp ny nyckel (verksamheten betalar), koppla den och ge personlig kod'
                       ELSE 'Swedlock: lägg till i verksamhetens nyckelpool och ge personlig kod'
                   END,
                   NULL, {State("1")}, {By("1")}, {At("1")}, NULL, o.Id
            FROM Orders o
            WHERE o.Status <> 'Received' AND o.KeyKind <> 'None' AND o.Id BETWEEN @lo AND @hi
            ORDER BY o.Id
            """, $"""
            INSERT INTO ChecklistItems (Kind, Label, SystemId, State, MarkedByName, MarkedAt, Note, OrderId)
            SELECT 'System', 'Avsluta ' || g.SystemName || ' (' || g.LevelName || ') i ' || g.UnitName, g.SystemId,
                   {State("g.Id")}, {By("g.Id")}, {At("g.Id")}, NULL, o.Id
            FROM Orders o JOIN Grants g ON g.EmployeeId = o.EmployeeId
            WHERE o.Type = 'Terminate' AND o.Status <> 'Received' AND o.Id BETWEEN @lo AND @hi
              AND CASE WHEN o.Status = 'Completed' THEN g.EndedByOrderId = o.Id
                       ELSE g.SourceOrderId < o.Id AND g.EndedByOrderId IS NULL AND (g."To" IS NULL OR g."To" > o.EndDate) END
            ORDER BY o.Id, g.SystemName, g.Id
            """, $"""
            INSERT INTO ChecklistItems (Kind, Label, SystemId, State, MarkedByName, MarkedAt, Note, OrderId)
            WITH r AS (
                SELECT 1 AS n, u.Id AS UnitId, 0 AS NoKeys,
                       'Telefonen återlämnad och fabriksåterställd av '
                           || coalesce('mobilombud ' || u.MobileRepresentativeName, 'verksamhetens mobilombud') AS Label
                FROM Units u
                UNION ALL
                SELECT 2, u.Id, u.UsesDigitalKeys = 0, 'Digital nyckel (Swedlock) återlämnad' FROM Units u
                UNION ALL
                SELECT 3, u.Id, 0, 'Falkenbergskort/SITHS-kort återlämnat' FROM Units u),
            w AS (
                SELECT o.*, r.n, r.Label,
                       o.Status = 'Completed' AND ((r.n = 1 AND mix(o.Id, 71) % 4 = 0) OR (r.n = 2 AND r.NoKeys)) AS Waived
                FROM Orders o JOIN r ON r.UnitId = o.UnitId
                WHERE o.Type = 'Terminate' AND o.Status <> 'Received' AND o.Id BETWEEN @lo AND @hi)
            SELECT 'Return', o.Label, NULL,
                   CASE WHEN o.Waived THEN 'NotApplicable' ELSE {State("o.n")} END,
                   {By("o.n")}, {At("o.n")},
                   CASE WHEN o.Waived THEN CASE o.n WHEN 1 THEN 'Ingen tjänstetelefon var utlämnad.'
                                                   ELSE 'Verksamheten använder inte digitala nycklar.' END END,
                   o.Id
            FROM w o
            ORDER BY o.Id, o.n
            """);
        sql.InTransaction(() => sql.Execute("""
            UPDATE Orders SET Version = CASE Status
                WHEN 'Received' THEN 0
                WHEN 'Completed' THEN 2 + (SELECT count(*) FROM ChecklistItems c WHERE c.OrderId = Orders.Id)
                WHEN 'InProgress' THEN 1 + (SELECT count(*) FROM ChecklistItems c WHERE c.OrderId = Orders.Id AND c.State <> 'Todo')
                ELSE 2 + (SELECT count(*) FROM ChecklistItems c WHERE c.OrderId = Orders.Id AND c.State <> 'Todo')
            END
            """));
    }

    /// <summary>One "Order.Created" audit entry per order, worded as the order intake words it.</summary>
    public void WriteAudit(Action<double> report) => InChunks(report, """
        INSERT INTO AuditEntries (OccurredAt, ActorId, ActorName, Action, EntityType, EntityId, Summary, Before, After)
        SELECT o.ReceivedAt, o.PlacedById, o.PlacedByName, 'Order.Created', 'Order', o.CaseNumber,
               CASE o.Type
                   WHEN 'New' THEN 'Ny behörighet'
                   WHEN 'Extend' THEN 'Utökad behörighet'
                   WHEN 'TemporaryUnit' THEN 'Tillfällig behörighet till annan verksamhet'
                   WHEN 'Terminate' THEN 'Avsluta behörighet'
                   ELSE 'Avsluta enskild behörighet'
               END || ' ' || o.CaseNumber || ' togs emot (' ||
               CASE o.Channel WHEN 'Console' THEN 'Konsolen' WHEN 'EService' THEN 'E-tjänsten'
                              WHEN 'SecureMessage' THEN 'Säkert meddelande' ELSE 'Telefon' END ||
               ') för ' || substr(e.Personnummer, 1, 8) || '-**** i ' || coalesce(o.TargetUnitName, o.UnitName) || '.',
               NULL,
               json_object(
                   'CaseNumber', o.CaseNumber, 'Type', o.Type, 'Channel', o.Channel, 'Employee', o.EmployeeName,
                   'Personnummer', substr(e.Personnummer, 1, 8) || '-****', 'Title', o.TitleName, 'Unit', o.UnitName,
                   'TargetUnit', o.TargetUnitName, 'StartDate', o.StartDate, 'EndDate', o.EndDate, 'Key', o.KeyKind,
                   'Systems', json((SELECT json_group_array(SystemName || ': ' || LevelName) FROM OrderSystems WHERE OrderId = o.Id)),
                   'Orderer', o.OrdererEmail, 'Manager', o.ManagerEmail)
        FROM Orders o JOIN Employees e ON e.Id = o.EmployeeId
        WHERE o.Id BETWEEN @lo AND @hi
        ORDER BY o.Id
        """);

    /// <summary>A temporary table with declared columns, filled by <paramref name="select"/>.</summary>
    private void Temp(string definition, string select, params (string Name, object? Value)[] parameters)
    {
        var table = definition.Trim();
        sql.Execute($"CREATE TEMP TABLE {table}");
        sql.Execute($"INSERT INTO temp.{table[..table.IndexOfAny([' ', '('])]} {select}", parameters);
    }

    /// <summary>A stride coprime with the number of employees near the golden ratio, so that neighbours in time are far apart.</summary>
    internal static long Stride(int employees)
    {
        var stride = Math.Max(1L, (long)(employees * 0.618)) | 1;
        while (Gcd(stride, employees) != 1)
        {
            stride += 2;
        }

        return stride % Math.Max(1, employees) == 0 ? 1 : stride;
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);

    /// <summary>Runs the statements for each chunk of order ids (<c>@lo</c>…<c>@hi</c>), one transaction per chunk.</summary>
    private void InChunks(Action<double> report, params string[] statements)
    {
        var size = Math.Max(1, (scale.Orders + Chunks - 1) / Chunks);
        for (var lo = 1; lo <= scale.Orders; lo += size)
        {
            var hi = Math.Min(scale.Orders, lo + size - 1);
            sql.InTransaction(() =>
            {
                foreach (var statement in statements)
                {
                    sql.Execute(statement, ("@lo", lo), ("@hi", hi));
                }
            });
            report((double)hi / scale.Orders);
        }
    }

    private const string OrdersSql = """
        INSERT INTO Orders (Id, CaseNumber, Type, Channel, Status, ReceivedAt, EmployeeId, EmployeeName, TitleId, TitleName,
                            UnitId, UnitName, TargetUnitId, TargetUnitName, StartDate, EndDate, KeyKind, KeyNumber,
                            OrdererName, OrdererEmail, ManagerName, ManagerEmail, Note, PlacedById, PlacedByName,
                            IdempotencyKey, RequestHash, AssignedToId, AssignedToName, TakenAt, CompletedAt, RejectionReason, Version)
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @O),
        b AS (
            SELECT i, ((i - 1) * @P) % @E + 1 AS emp, (i - 1) / @E AS k,
                   ((i - 1) * @D) / @O - @D AS rd, ((i - 1) * @D) % @O AS frac, @O - i AS r
            FROM n),
        t AS MATERIALIZED (
            SELECT b.*,
                   CASE
                       WHEN k = 0 THEN 'New'
                       WHEN k % 2 = 1 AND mix(i, 1) % 100 < @PTerm THEN 'Terminate'
                       WHEN k % 2 = 0 AND mix(i - @E, 1) % 100 < @PTerm THEN 'New'
                       WHEN mix(i, 2) % 10 < 5 THEN 'Extend'
                       WHEN mix(i, 2) % 10 < 8 THEN 'TemporaryUnit'
                       ELSE 'EndTemporary'
                   END AS Type,
                   CASE
                       WHEN r < 2 * @Open AND mix(i, 5) % 2 = 0 THEN
                           CASE WHEN mix(i, 6) % 10 < 4 THEN 'Received' WHEN mix(i, 6) % 10 < 8 THEN 'InProgress' ELSE 'WaitingForOrderer' END
                       WHEN r < @O / 10 AND mix(i, 7) % 500 = 0 THEN 'WaitingForOrderer'
                       WHEN mix(i, 8) % 100 = 0 THEN 'Rejected'
                       ELSE 'Completed'
                   END AS Status
            FROM b),
        d AS MATERIALIZED (
            SELECT t.*,
                   CASE Type WHEN 'New' THEN rd + 7 + mix(i, 10) % 24 WHEN 'Extend' THEN rd + mix(i, 10) % 8
                             WHEN 'TemporaryUnit' THEN rd + mix(i, 10) % 15 END AS sd,
                   CASE Type
                       WHEN 'New' THEN mix(i, 11) % 100 < CASE WHEN rd > -300 THEN 50 ELSE 15 END
                       WHEN 'Extend' THEN mix(i, 11) % 100 < 40
                       WHEN 'TemporaryUnit' THEN 1
                       ELSE 0
                   END AS temp,
                   CASE
                       WHEN Type IN ('New', 'Terminate') THEN
                           CASE WHEN mix(i, 3) % 100 < 55 THEN 'EService' WHEN mix(i, 3) % 100 < 90 THEN 'Console'
                                WHEN mix(i, 3) % 100 < 95 THEN 'Phone' ELSE 'SecureMessage' END
                       ELSE CASE WHEN mix(i, 3) % 100 < 50 THEN 'SecureMessage' WHEN mix(i, 3) % 100 < 90 THEN 'Console' ELSE 'EService' END
                   END AS Channel
            FROM t),
        e AS MATERIALIZED (
            SELECT d.*,
                   CASE
                       WHEN Type = 'Terminate' THEN rd + mix(i, 10) % 31
                       WHEN temp = 0 THEN NULL
                       WHEN sd BETWEEN -300 AND -8 AND mix(i, 12) % 100 < @PRecent THEN -1 - mix(i, 13) % min(120, -1 - sd)
                       ELSE sd + 14 + mix(i, 13) % 200
                   END AS ed,
                   @Base + (rd + @D) * 864000000000 + 180000000000 + (frac * 396000000000) / @O AS ra
            FROM d),
        f AS MATERIALIZED (
            SELECT e.*, em.UnitId AS home, em.TitleId AS title,
                   CASE WHEN Type = 'TemporaryUnit' THEN (em.UnitId + mix(i, 14) % (@U - 1)) % @U + 1 END AS target,
                   substr(date(@T + rd), 1, 4) AS yr,
                   CASE WHEN Status <> 'Received' THEN ra + 6000000000 + mix(i, 21) % 288000000000 END AS ta
            FROM e JOIN emp em ON em.Id = e.emp)
        SELECT i,
               'SOC-' || yr || '-' || printf('%05d', ROW_NUMBER() OVER (PARTITION BY yr ORDER BY i)),
               Type, Channel, Status, ra, emp, p.FullName,
               CASE WHEN Type IN ('New', 'TemporaryUnit') THEN title END,
               CASE WHEN Type IN ('New', 'TemporaryUnit') THEN jt.Name END,
               home, hu.Name, target, tu.Name,
               CASE WHEN sd IS NOT NULL THEN date(@T + sd) END,
               CASE WHEN ed IS NOT NULL THEN date(@T + ed) END,
               CASE
                   WHEN Type IN ('New', 'TemporaryUnit') AND coalesce(tu.UsesKeys, hu.UsesKeys) = 1 THEN
                       CASE WHEN mix(i, 15) % 100 < 40 THEN 'PersonalKey' WHEN mix(i, 15) % 100 < 90 THEN 'Pool' ELSE 'BuyNewKey' END
                   ELSE 'None'
               END,
               NULL,
               hu.MgrName, hu.MgrEmail, hu.MgrName, hu.MgrEmail,
               CASE Channel WHEN 'Phone' THEN 'Beställd per telefon, bekräftad med ansvarig chef.'
                            WHEN 'SecureMessage' THEN 'Inkom som säkert meddelande (Trusted Dialog).' END,
               CASE Channel WHEN 'Console' THEN mg.Oid WHEN 'EService' THEN 'e-tjansten' ELSE po.Oid END,
               CASE Channel WHEN 'Console' THEN hu.MgrName WHEN 'EService' THEN 'E-tjänsten' ELSE po.Name END,
               CASE WHEN Channel = 'EService' THEN printf('etj-%09d', i) END,
               NULL,
               CASE WHEN Status <> 'Received' THEN op.Oid END,
               CASE WHEN Status <> 'Received' THEN op.Name END,
               ta,
               CASE WHEN Status = 'Completed' THEN ta + 36000000000 + mix(i, 22) % 1728000000000 END,
               CASE WHEN Status = 'Rejected' THEN
                   CASE mix(i, 23) % 3
                       WHEN 0 THEN 'Dubblett: samma behörighet är redan beställd i ett annat ärende.'
                       WHEN 1 THEN 'Personnumret stämmer inte med medarbetarens namn; beställ på nytt med rätt uppgifter.'
                       ELSE 'Beställaren är inte chef för verksamheten och har inte fått uppdraget av chefen.'
                   END
               END,
               0
        FROM f
        JOIN Employees p ON p.Id = f.emp
        JOIN unit hu ON hu.Id = f.home
        JOIN mgr mg ON mg.Email = hu.MgrEmail
        LEFT JOIN unit tu ON tu.Id = f.target
        LEFT JOIN JobTitles jt ON jt.Id = f.title
        JOIN op ON op.n = mix(i, 20) % @Ops
        JOIN op po ON po.n = mix(i, 16) % @Ops
        ORDER BY i
        """;

    private const string KeysSql = """
        INSERT INTO Keys (Id, Number, UnitId, Kind, PoolId, Status, HolderEmployeeId, Version)
        WITH RECURSIVE n(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM n WHERE j < @K),
        k AS (
            SELECT j, ku.UnitId, CASE WHEN mix(j, 50) % 100 < 35 THEN 'Pool' ELSE 'Personal' END AS kind
            FROM n JOIN ku ON ku.rn = (j - 1) % @KU + 1)
        SELECT j,
               CASE j % 10
                   WHEN 0 THEN printf('%08d', 10000000 + (j * 7919) % 90000000)
                   WHEN 1 THEN printf('%06d', 900000 + (j * 7919) % 100000)
                   ELSE printf('%07d', 1000000 + (j * 7919) % 9000000)
               END,
               k.UnitId, kind,
               CASE WHEN kind = 'Pool' THEN CASE WHEN mix(j, 51) % 2 = 0 THEN kp.P1 ELSE kp.P2 END END,
               CASE WHEN kind = 'Pool' THEN
                        CASE WHEN mix(j, 52) % 100 < 92 THEN 'InStock' WHEN mix(j, 52) % 100 < 97 THEN 'Lost' ELSE 'Retired' END
                    ELSE
                        CASE WHEN mix(j, 52) % 100 < 65 THEN 'Issued' WHEN mix(j, 52) % 100 < 78 THEN 'InStock'
                             WHEN mix(j, 52) % 100 < 92 THEN 'Returned' WHEN mix(j, 52) % 100 < 97 THEN 'Lost' ELSE 'Retired' END
               END,
               NULL, 1
        FROM k JOIN kp ON kp.UnitId = k.UnitId
        ORDER BY j
        """;

    // A key's history is the way to its status: registered in stock, then handed out (and perhaps marked to be
    // returned, or returned), lost or retired. The holder of a returned key is someone of the unit who had it.
    private const string KeyEventsSql = """
        INSERT INTO KeyEvents ("From", "To", ByName, At, Note, HolderEmployeeId, KeyId)
        WITH kt AS (
            SELECT k.Id, k.Status, k.HolderEmployeeId, op.Name AS ByName,
                   @Base + mix(k.Id, 53) % (400 * 864000000000) AS reg,
                   (1 + mix(k.Id, 54) % 60) * 864000000000 AS gap1,
                   (30 + mix(k.Id, 55) % 300) * 864000000000 AS gap2,
                   (SELECT eu.EmployeeId FROM eu JOIN euc ON euc.UnitId = eu.UnitId
                    WHERE eu.UnitId = k.UnitId AND eu.rn = 1 + mix(k.Id, 61) % euc.cnt) AS formerHolder
            FROM Keys k JOIN op ON op.n = mix(k.Id, 56) % @Ops),
        ev AS (
            SELECT Id, 0 AS step, NULL AS f, 'InStock' AS t, ByName, reg AS at, NULL AS note, NULL AS holder FROM kt
            UNION ALL
            SELECT Id, 1, 'InStock', 'Issued', ByName, reg + gap1, NULL, coalesce(HolderEmployeeId, formerHolder)
            FROM kt WHERE Status IN ('Issued', 'ToBeReturned', 'Returned')
            UNION ALL
            SELECT Id, 2, 'Issued', Status, ByName, reg + gap1 + gap2,
                   CASE Status WHEN 'ToBeReturned' THEN 'Anställningen avslutas.' END, coalesce(HolderEmployeeId, formerHolder)
            FROM kt WHERE Status IN ('ToBeReturned', 'Returned')
            UNION ALL
            SELECT Id, 1, 'InStock', Status, ByName, reg + gap1,
                   CASE Status WHEN 'Lost' THEN 'Borttappad enligt verksamheten.' ELSE 'Trasig, kasserad.' END, NULL
            FROM kt WHERE Status IN ('Lost', 'Retired'))
        SELECT f, t, ByName, at, note, holder, Id FROM ev ORDER BY Id, step
        """;

    private const string KeyPurchasesSql = """
        INSERT INTO KeyPurchases (UnitId, UnitName, CostCentre, OrderId, CaseNumber, EmployeeId, OrderedAt, OrderedByName, Status,
                                  KeyId, KeyNumber, Price, ReceivedAt, ReceivedByName, Note, CancelledAt, CancelledByName, CancelReason, Version)
        WITH bo AS (
            SELECT o.*, coalesce(o.TargetUnitId, o.UnitId) AS gu,
                   ROW_NUMBER() OVER (PARTITION BY coalesce(o.TargetUnitId, o.UnitId) ORDER BY o.Id) AS prn
            FROM Orders o WHERE o.KeyKind = 'BuyNewKey'),
        bk AS (
            SELECT bo.*, pk.Id AS KeyId, pk.Number AS KeyNumber,
                   CASE WHEN bo.Status = 'Completed' AND pk.Id IS NOT NULL THEN 'Received'
                        WHEN bo.Status = 'Rejected' THEN 'Cancelled' ELSE 'Ordered' END AS ps
            FROM bo LEFT JOIN pkc ON pkc.UnitId = bo.gu LEFT JOIN pk ON pk.UnitId = bo.gu AND pk.rn = 1 + (bo.prn - 1) % pkc.cnt)
        SELECT bk.gu, u.Name, u.CostCentre, bk.Id, bk.CaseNumber, bk.EmployeeId, bk.ReceivedAt, bk.PlacedByName, ps,
               CASE WHEN ps = 'Received' THEN bk.KeyId END, CASE WHEN ps = 'Received' THEN bk.KeyNumber END,
               CASE WHEN ps = 'Received' THEN '495.0' END, CASE WHEN ps = 'Received' THEN bk.CompletedAt END,
               CASE WHEN ps = 'Received' THEN bk.AssignedToName END, NULL,
               CASE WHEN ps = 'Cancelled' THEN bk.TakenAt END, CASE WHEN ps = 'Cancelled' THEN bk.AssignedToName END,
               CASE WHEN ps = 'Cancelled' THEN 'Beställningen avvisades; nyckeln köps inte.' END,
               CASE WHEN ps = 'Ordered' THEN 1 ELSE 2 END
        FROM bk JOIN Units u ON u.Id = bk.gu
        ORDER BY bk.Id
        """;
}

/// <summary>How many grants the completed orders could give, per pool; the generator draws from the first two.</summary>
internal sealed record GrantPools(long Expired, long Live, long Stale);
