using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Grants;

namespace SocItConsole.Admin.Tests.Data;

/// <summary>The SQL text of an active grant, held to the one expression it copies.</summary>
public class GrantSqlTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Grants around every edge of the rule: start, last day, and an end order with or without a last day.</summary>
    private static readonly (string From, string? To, int? EndedBy)[] Cases =
    [
        ("2026-01-01", null, null),
        ("2026-11-27", null, null),
        ("2026-01-01", "2026-11-27", null),
        ("2026-11-27", "2026-11-27", null),
        ("2026-11-28", "2026-12-31", null),
        ("2025-01-01", "2026-06-30", null),
        ("2026-01-01", "2026-12-31", 7),
        ("2026-01-01", null, 7),
        ("2025-01-01", "2026-06-30", 7),
    ];

    private static readonly string[] Days =
        ["2025-12-31", "2026-01-01", "2026-06-30", "2026-07-01", "2026-11-26", "2026-11-27", "2026-11-28", "2026-12-31", "2027-01-01"];

    [Fact]
    public async Task ActiveOn_InSql_AndAsTheExpression_PickTheGrantsTheRulePicksInMemory()
    {
        using var world = await FollowUpWorld.CreateAsync();
        var grants = new Dictionary<int, (DateOnly From, DateOnly? To, int? EndedBy)>();
        for (var i = 0; i < Cases.Length; i++)
        {
            var (from, to, endedBy) = (Day(Cases[i].From), Cases[i].To is { } t ? Day(t) : (DateOnly?)null, Cases[i].EndedBy);
            grants[await world.AddGrantRowAsync(9000 + i, from, to, endedBy)] = (from, to, endedBy);
        }

        await using var db = world.Database.CreateDbContext();
        await using var sqlDb = world.Database.CreateDbContext();
        await sqlDb.Database.OpenConnectionAsync(Ct);
        foreach (var day in Days.Select(Day))
        {
            var inMemory = grants.Where(g => GrantRules.IsActive(g.Value.From, g.Value.To, g.Value.EndedBy, day)).Select(g => g.Key).Order().ToList();
            var ids = grants.Keys.ToList();
            var viaExpression = await db.Grants.Where(GrantRules.ActiveOn(day)).Where(g => ids.Contains(g.Id)).Select(g => g.Id).OrderBy(id => id).ToListAsync(Ct);
            var viaSql = await ActiveInSqlAsync(sqlDb, day);

            Assert.Equal(inMemory, viaExpression);
            Assert.Equal(inMemory, viaSql.Where(grants.ContainsKey).Order().ToList());
        }
    }

    [Fact]
    public void ActiveOn_TheExpression_MakesTheDayAParameter()
    {
        using var db = new SocItDbContext(new DbContextOptionsBuilder<SocItDbContext>().UseSqlite("Data Source=:memory:").Options);

        var sql = db.Grants.Where(GrantRules.ActiveOn(new DateOnly(2026, 11, 27))).ToQueryString();
        var where = sql[sql.IndexOf("WHERE", StringComparison.Ordinal)..];

        Assert.Contains("\"EndedByOrderId\" IS NULL", where, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-11-27", where, StringComparison.Ordinal);
        Assert.Contains("@", where, StringComparison.Ordinal);
    }

    private static async Task<List<int>> ActiveInSqlAsync(SocItDbContext db, DateOnly day)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"""SELECT g."Id" FROM "Grants" AS g WHERE {GrantSql.ActiveOn("g", "@day")}""";
        command.Parameters.Add(SqlDialect.Of(db.Database).Parameter("day", day));
        var ids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids;
    }

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
