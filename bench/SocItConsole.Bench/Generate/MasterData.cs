using System.Globalization;
using SocItConsole.Admin.Data.Demo;

namespace SocItConsole.Bench.Generate;

internal sealed record LevelInfo(int Id, string Name);

internal sealed record SystemInfo(int Id, string Name, bool RequiresDigitalKeys, List<LevelInfo> Levels)
{
    public LevelInfo Level(string name) =>
        Levels.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"{Name} has no level '{name}'");
}

internal sealed record TitleInfo(int Id, string Name, TitleProfile Profile);

internal sealed record UnitInfo(
    int Id,
    string Name,
    Area Area,
    string CostCentre,
    IReadOnlyList<Person> Managers,
    Person? MobileRepresentative,
    IReadOnlyList<int> SystemIds,
    double Size);

/// <summary>
/// The part of the organisation that C# decides row by row — systems and their levels, titles, units with managers
/// and systems, the matrix, employees with names and personnummer — each table through one prepared command inside
/// one transaction. Small tables, except the employees.
/// </summary>
internal sealed class MasterData(SqlSession sql, Scale scale, Random random, SyntheticPeople people)
{
    // A synthetic extra system is used by almost every unit and is in almost every title's row: a large organisation
    // gives a new employee many systems (the regional scale's ten grants per order need about twenty per employment).
    private const double ExtraSystemUse = 0.95;

    public List<SystemInfo> Systems { get; } = [];

    public List<TitleInfo> Titles { get; } = [];

    public List<UnitInfo> Units { get; } = [];

    /// <summary>The Soc-IT operators (handläggare) who work the cases.</summary>
    public List<Person> Operators { get; } = [];

    public void WriteSystems()
    {
        var seeded = sql.Rows("SELECT Id, Name, RequiresDigitalKeys FROM ItSystems ORDER BY Id",
            r => new SystemInfo(r.GetInt32(0), r.GetString(1), r.GetBoolean(2), []));
        foreach (var (systemId, levelId, name) in sql.Rows("SELECT ItSystemId, Id, Name FROM SystemLevels ORDER BY Position, Id",
            r => (r.GetInt32(0), r.GetInt32(1), r.GetString(2))))
        {
            seeded.Single(s => s.Id == systemId).Levels.Add(new LevelInfo(levelId, name));
        }

        Systems.AddRange(seeded);
        var nextLevelId = (int)sql.Scalar("SELECT max(Id) FROM SystemLevels") + 1;
        var nextSystemId = seeded.Max(s => s.Id) + 1;
        sql.InTransaction(() =>
        {
            using var insertSystem = sql.Prepare(
                "INSERT INTO ItSystems (Id, Name, Description, IsActive, Contact, RequiresDigitalKeys) VALUES ($id, $name, NULL, 1, $contact, 0)",
                "$id", "$name", "$contact");
            using var insertLevel = sql.Prepare(
                "INSERT INTO SystemLevels (Id, Name, Position, ItSystemId) VALUES ($id, $name, $position, $system)",
                "$id", "$name", "$position", "$system");

            void AddLevel(SystemInfo system, string name)
            {
                insertLevel.Parameters["$id"].Value = nextLevelId;
                insertLevel.Parameters["$name"].Value = name;
                insertLevel.Parameters["$position"].Value = system.Levels.Count;
                insertLevel.Parameters["$system"].Value = system.Id;
                insertLevel.ExecuteNonQuery();
                system.Levels.Add(new LevelInfo(nextLevelId++, name));
            }

            foreach (var system in seeded)
            {
                foreach (var level in SwedishData.SeededSystemLevels.GetValueOrDefault(system.Name, []))
                {
                    AddLevel(system, level);
                }
            }

            for (var i = 0; i < scale.Systems - Scale.SeededSystems; i++)
            {
                var name = i < SwedishData.ExtraSystems.Length
                    ? SwedishData.ExtraSystems[i]
                    : string.Create(CultureInfo.InvariantCulture, $"Fackapplikation {i + 1}");
                insertSystem.Parameters["$id"].Value = nextSystemId;
                insertSystem.Parameters["$name"].Value = name;
                insertSystem.Parameters["$contact"].Value = $"Systemförvaltare {name}";
                insertSystem.ExecuteNonQuery();
                var system = new SystemInfo(nextSystemId++, name, false, []);
                Systems.Add(system);
                AddLevel(system, "Standard");
                for (var extra = 0; extra < i % 4; extra++)
                {
                    AddLevel(system, SwedishData.ExtraLevelNames[(i + extra) % SwedishData.ExtraLevelNames.Length]);
                }
            }
        });
    }

    public void WriteTitles()
    {
        var demo = new HashSet<string>(DemoOrganisation.JobTitles, StringComparer.OrdinalIgnoreCase);
        var bases = SwedishData.Titles.Where(t => !demo.Contains(t.Name)).ToList();
        sql.InTransaction(() =>
        {
            using var insert = sql.Prepare("INSERT INTO JobTitles (Id, Name, IsActive) VALUES ($id, $name, 1)", "$id", "$name");
            for (var i = 0; i < scale.Titles; i++)
            {
                var (name, profile) = bases[i % bases.Count];
                var title = new TitleInfo(i + 1, i < bases.Count
                    ? name
                    : string.Create(CultureInfo.InvariantCulture, $"{name} {(i / bases.Count) + 1}"), profile);
                insert.Parameters["$id"].Value = title.Id;
                insert.Parameters["$name"].Value = title.Name;
                insert.ExecuteNonQuery();
                Titles.Add(title);
            }
        });
    }

    public void WriteUnits()
    {
        var demoNames = new HashSet<string>(DemoOrganisation.Units.Select(u => u.Name), StringComparer.OrdinalIgnoreCase);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var areas = AreasFor(scale.Units);
        var perArea = new Dictionary<Area, int>();
        var managers = new Dictionary<(Area, int), Person>();
        var areaHeads = new Dictionary<(Area, int), Person>();
        for (var i = 0; i < areas.Count; i++)
        {
            var area = areas[i];
            var index = perArea.GetValueOrDefault(area);
            perArea[area] = index + 1;
            var name = SwedishData.UnitName(area, index);
            for (var n = 2; demoNames.Contains(name) || !names.Add(name); n++)
            {
                name = string.Create(CultureInfo.InvariantCulture, $"{SwedishData.UnitName(area, index)} ({n})");
            }

            // Two neighbouring units of an area share their manager; every fourth also has the area's head.
            var unitManagers = new List<Person> { Remembered(managers, (area, index / 2)) };
            if (index % 4 == 3)
            {
                unitManagers.Add(Remembered(areaHeads, (area, index / 12)));
            }

            var systems = Systems
                .Where(s => area.Systems.Contains(s.Name, StringComparer.Ordinal)
                    || (s.Id > Scale.SeededSystems && (scale.FullMatrix || random.NextDouble() < ExtraSystemUse)))
                .Select(s => s.Id)
                .ToList();
            Units.Add(new UnitInfo(
                i + 1,
                name,
                area,
                string.Create(CultureInfo.InvariantCulture, $"{area.CostCentrePrefix}{index + 1:D3}"),
                unitManagers,
                area.UsesDigitalKeys && random.NextDouble() < 0.8 ? people.Contact() : null,
                systems,
                area.Weight * (0.5 + random.NextDouble())));
        }

        sql.InTransaction(() =>
        {
            using var insertUnit = sql.Prepare(
                """
                INSERT INTO Units (Id, Name, Area, CostCentre, UsesDigitalKeys, IsActive, MobileRepresentativeName, MobileRepresentativeEmail)
                VALUES ($id, $name, $area, $cost, $keys, 1, $repName, $repEmail)
                """,
                "$id", "$name", "$area", "$cost", "$keys", "$repName", "$repEmail");
            using var insertManager = sql.Prepare(
                "INSERT INTO UnitManagers (Name, Email, UnitId) VALUES ($name, $email, $unit)", "$name", "$email", "$unit");
            using var insertSystem = sql.Prepare(
                "INSERT INTO UnitSystems (ItSystemId, UnitId) VALUES ($system, $unit)", "$system", "$unit");
            foreach (var unit in Units)
            {
                insertUnit.Parameters["$id"].Value = unit.Id;
                insertUnit.Parameters["$name"].Value = unit.Name;
                insertUnit.Parameters["$area"].Value = unit.Area.Name;
                insertUnit.Parameters["$cost"].Value = unit.CostCentre;
                insertUnit.Parameters["$keys"].Value = unit.Area.UsesDigitalKeys;
                insertUnit.Parameters["$repName"].Value = (object?)unit.MobileRepresentative?.Name ?? DBNull.Value;
                insertUnit.Parameters["$repEmail"].Value = (object?)unit.MobileRepresentative?.Email ?? DBNull.Value;
                insertUnit.ExecuteNonQuery();
                foreach (var manager in unit.Managers)
                {
                    insertManager.Parameters["$name"].Value = manager.Name;
                    insertManager.Parameters["$email"].Value = manager.Email;
                    insertManager.Parameters["$unit"].Value = unit.Id;
                    insertManager.ExecuteNonQuery();
                }

                foreach (var systemId in unit.SystemIds)
                {
                    insertSystem.Parameters["$system"].Value = systemId;
                    insertSystem.Parameters["$unit"].Value = unit.Id;
                    insertSystem.ExecuteNonQuery();
                }
            }
        });

        for (var i = 0; i < 6; i++)
        {
            Operators.Add(people.Contact());
        }
    }

    /// <summary>
    /// The title × system matrix: a title's row holds its profile's systems at their levels and most synthetic systems
    /// at a level of their own; with <see cref="Scale.FullMatrix"/> every cell has a level.
    /// </summary>
    public void WriteMatrix()
    {
        sql.InTransaction(() =>
        {
            using var insert = sql.Prepare(
                "INSERT INTO MatrixEntries (JobTitleId, ItSystemId, SystemLevelId) VALUES ($title, $system, $level)",
                "$title", "$system", "$level");
            foreach (var title in Titles)
            {
                var row = SwedishData.Rows[title.Profile].ToDictionary(c => c.System, c => c.Level, StringComparer.Ordinal);
                foreach (var system in Systems)
                {
                    LevelInfo? level = row.TryGetValue(system.Name, out var levelName) ? system.Level(levelName)
                        : scale.FullMatrix || (system.Id > Scale.SeededSystems && random.NextDouble() < ExtraSystemUse)
                            ? system.Levels[random.Next(system.Levels.Count)]
                            : null;
                    if (level is null)
                    {
                        continue;
                    }

                    insert.Parameters["$title"].Value = title.Id;
                    insert.Parameters["$system"].Value = system.Id;
                    insert.Parameters["$level"].Value = level.Id;
                    insert.ExecuteNonQuery();
                }
            }
        });
    }

    /// <summary>
    /// The employees, each with a home unit and a title that fits the unit's kind of work (kept in the temporary table
    /// <c>emp</c> for the set-based steps); bigger units employ more people.
    /// </summary>
    public void WriteEmployees(Action<double> report)
    {
        var cumulative = new double[Units.Count];
        var total = 0.0;
        for (var i = 0; i < Units.Count; i++)
        {
            total += Units[i].Size;
            cumulative[i] = total;
        }

        var byProfile = Titles.GroupBy(t => t.Profile).ToDictionary(g => g.Key, g => g.ToList());
        sql.Execute("CREATE TEMP TABLE emp (Id INTEGER PRIMARY KEY, UnitId INTEGER NOT NULL, TitleId INTEGER NOT NULL)");
        sql.InTransaction(() =>
        {
            using var insertEmployee = sql.Prepare(
                "INSERT INTO Employees (Id, FullName, Personnummer) VALUES ($id, $name, $pnr)", "$id", "$name", "$pnr");
            using var insertHome = sql.Prepare(
                "INSERT INTO temp.emp (Id, UnitId, TitleId) VALUES ($id, $unit, $title)", "$id", "$unit", "$title");
            for (var id = 1; id <= scale.Employees; id++)
            {
                var female = random.Next(100) < 70;
                var at = Array.BinarySearch(cumulative, random.NextDouble() * total);
                var unit = Units[at < 0 ? Math.Min(~at, Units.Count - 1) : at];
                var title = TitleFor(unit.Area, byProfile);
                insertEmployee.Parameters["$id"].Value = id;
                insertEmployee.Parameters["$name"].Value = people.Name(female);
                insertEmployee.Parameters["$pnr"].Value = people.Personnummer(female);
                insertEmployee.ExecuteNonQuery();
                insertHome.Parameters["$id"].Value = id;
                insertHome.Parameters["$unit"].Value = unit.Id;
                insertHome.Parameters["$title"].Value = title.Id;
                insertHome.ExecuteNonQuery();
                if (id % 5_000 == 0)
                {
                    report((double)id / scale.Employees);
                }
            }
        });
    }

    private TitleInfo TitleFor(Area area, Dictionary<TitleProfile, List<TitleInfo>> byProfile)
    {
        var available = area.Staff.Where(s => byProfile.ContainsKey(s.Profile)).ToList();
        if (available.Count == 0)
        {
            return Titles[random.Next(Titles.Count)];
        }

        var pick = random.Next(available.Sum(s => s.Weight));
        foreach (var (profile, weight) in available)
        {
            if (pick < weight)
            {
                var titles = byProfile[profile];
                return titles[random.Next(titles.Count)];
            }

            pick -= weight;
        }

        throw new InvalidOperationException("unreachable: the weights cover the pick");
    }

    private Person Remembered(Dictionary<(Area, int), Person> known, (Area, int) key)
    {
        if (!known.TryGetValue(key, out var person))
        {
            person = people.Contact();
            known[key] = person;
        }

        return person;
    }

    /// <summary>The areas of <paramref name="count"/> units in proportion to the areas' weights (largest remainder), interleaved.</summary>
    private static List<Area> AreasFor(int count)
    {
        var totalWeight = SwedishData.Areas.Sum(a => a.Weight);
        var quotas = SwedishData.Areas
            .Select(a => (Area: a, Exact: (double)count * a.Weight / totalWeight))
            .Select(q => (q.Area, q.Exact, Whole: (int)Math.Floor(q.Exact)))
            .ToList();
        var missing = count - quotas.Sum(q => q.Whole);
        var extra = quotas.OrderByDescending(q => q.Exact - q.Whole).Take(missing).Select(q => q.Area).ToHashSet();
        var counts = quotas.Select(q => (q.Area, Count: q.Whole + (extra.Contains(q.Area) ? 1 : 0))).Where(q => q.Count > 0).ToList();
        return [.. counts
            .SelectMany(q => Enumerable.Range(0, q.Count).Select(i => (q.Area, Position: (i + 0.5) / q.Count)))
            .OrderBy(x => x.Position)
            .Select(x => x.Area)];
    }
}
