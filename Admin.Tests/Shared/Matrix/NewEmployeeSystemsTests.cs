using System.Reflection;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Matrix;

namespace SocItConsole.Admin.Tests.Shared.Matrix;

public class NewEmployeeSystemsTests
{
    private static readonly StringComparer Swedish = StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true);

    private readonly JobTitle _nurse = WithId(new JobTitle("Sjuksköterska"), 1);
    private readonly ItSystem _lifecare = WithLevels(WithId(new ItSystem("Lifecare"), 6), "Utförare");
    private readonly ItSystem _appva = WithId(new ItSystem("Appva"), 3);
    private readonly ItSystem _swedlock = WithId(new ItSystem("Swedlock", requiresDigitalKeys: true), 4);
    private readonly ItSystem _qlikview = WithId(new ItSystem("Qlikview"), 10);
    private readonly ItSystem _oldSystem = WithId(new ItSystem("Äldre system"), 11);

    private IReadOnlyCollection<ItSystem> Systems => [_lifecare, _appva, _swedlock, _qlikview, _oldSystem];

    private Unit HomeCare(bool usesDigitalKeys = true)
    {
        var unit = WithId(Build.Unit("Hemtjänst Skrea", usesDigitalKeys: usesDigitalKeys), 7);
        foreach (var system in new[] { _lifecare, _appva, _swedlock, _oldSystem })
        {
            unit.UseSystem(system);
        }

        return unit;
    }

    private MatrixCell[] NurseRow =>
    [
        Cell(_nurse, _lifecare, "Utförare"), Cell(_nurse, _appva), Cell(_nurse, _swedlock), Cell(_nurse, _qlikview),
        Cell(_nurse, _oldSystem),
    ];

    [Fact]
    public void Derive_GivesTheTitlesRow_LimitedToTheUnitsSystems()
    {
        var unit = HomeCare();
        _oldSystem.Deactivate();

        var result = NewEmployeeSystems.Derive(_nurse, unit, Systems, NurseRow, Swedish);

        Assert.Equal(["Appva", "Lifecare", "Swedlock"], result.Included.Select(s => s.SystemName));
        Assert.Equal("Utförare", result.Included.Single(s => s.SystemName == "Lifecare").LevelName);
        Assert.Equal("Standard", result.Included.Single(s => s.SystemName == "Appva").LevelName);
        Assert.Equal(
            [("Qlikview", "Hemtjänst Skrea använder inte systemet."), ("Äldre system", "Systemet är inaktiverat.")],
            result.Excluded.Select(e => (e.SystemName, e.Reason)));
    }

    [Fact]
    public void Derive_GivesSwedlockOnlyWhereTheUnitUsesDigitalKeys()
    {
        var result = NewEmployeeSystems.Derive(_nurse, HomeCare(usesDigitalKeys: false), Systems, NurseRow, Swedish);

        Assert.DoesNotContain(result.Included, s => s.SystemName == "Swedlock");
        Assert.Contains(result.Excluded, e => e.SystemName == "Swedlock" && e.Reason == "Hemtjänst Skrea använder inte digitala nycklar.");
    }

    [Fact]
    public void Derive_GivesNothing_ForAnInactiveTitle()
    {
        _nurse.Deactivate();

        var result = NewEmployeeSystems.Derive(_nurse, HomeCare(), Systems, NurseRow, Swedish);

        Assert.Empty(result.Included);
        Assert.All(result.Excluded, e => Assert.Equal("Titeln Sjuksköterska är inaktiverad.", e.Reason));
        Assert.Equal(5, result.Excluded.Count);
    }

    [Fact]
    public void Derive_GivesNothing_ForAnInactiveUnit()
    {
        var unit = HomeCare();
        unit.Deactivate();

        var result = NewEmployeeSystems.Derive(_nurse, unit, Systems, NurseRow, Swedish);

        Assert.Empty(result.Included);
    }

    [Fact]
    public void Derive_IgnoresOtherTitlesRows()
    {
        var other = WithId(new JobTitle("Vårdbiträde"), 2);

        var result = NewEmployeeSystems.Derive(_nurse, HomeCare(), Systems, [Cell(other, _lifecare), Cell(other, _appva)], Swedish);

        Assert.Empty(result.Included);
        Assert.Empty(result.Excluded);
    }

    [Fact]
    public void Derive_ExcludesACellWhoseLevelNoLongerExists()
    {
        var result = NewEmployeeSystems.Derive(_nurse, HomeCare(), Systems, [new MatrixCell(_nurse.Id, _appva.Id, 999)], Swedish);

        Assert.Empty(result.Included);
        Assert.Equal("Nivån i matrisen finns inte längre i systemet.", Assert.Single(result.Excluded).Reason);
    }

    [Fact]
    public void Derive_SkipsCellsOfUnknownSystems()
    {
        var result = NewEmployeeSystems.Derive(_nurse, HomeCare(), Systems, [new MatrixCell(_nurse.Id, 404, 1)], Swedish);

        Assert.Empty(result.Included);
        Assert.Empty(result.Excluded);
    }

    [Fact]
    public void Derive_AnEmptyRow_GivesNothing() =>
        Assert.Empty(NewEmployeeSystems.Derive(_nurse, HomeCare(), Systems, [], Swedish).Included);

    private static MatrixCell Cell(JobTitle title, ItSystem system, string level = ItSystem.DefaultLevelName) =>
        new(title.Id, system.Id, system.FindLevel(level)!.Id);

    private static ItSystem WithLevels(ItSystem system, params string[] levels)
    {
        foreach (var level in levels)
        {
            system.AddLevel(level);
        }

        var id = system.Id * 10;
        foreach (var level in system.Levels)
        {
            WithId(level, id++);
        }

        return system;
    }

    // Ids come from the database in the app; rule tests give them directly.
    private static T WithId<T>(T entity, int id)
    {
        typeof(T).GetProperty("Id", BindingFlags.Instance | BindingFlags.Public)!.SetValue(entity, id);
        if (entity is ItSystem system)
        {
            var levelId = id * 10;
            foreach (var level in system.Levels.Where(l => l.Id == 0))
            {
                WithId(level, levelId++);
            }
        }

        return entity;
    }
}
