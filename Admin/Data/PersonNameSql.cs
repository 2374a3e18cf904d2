using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Data;

/// <summary>
/// Lets a query call the Shared rule <see cref="PersonName.Shown(string, bool)"/> anywhere — in a filter, a sort or a
/// projection that is composed further — as <c>CASE WHEN isProtected THEN 'Skyddad person' ELSE name END</c>: one
/// rule for the database and the app, so a protected person's name can neither be searched for nor sorted by.
/// </summary>
internal static class PersonNameSql
{
    public static void Map(ModelBuilder modelBuilder)
    {
        var shown = typeof(PersonName).GetMethod(nameof(PersonName.Shown), [typeof(string), typeof(bool)])!;
        modelBuilder.HasDbFunction(shown).HasTranslation(args => new CaseExpression(
            [new CaseWhenClause(args[1], new SqlConstantExpression(PersonName.Protected, typeof(string), args[0].TypeMapping))],
            args[0]));
    }

    /// <summary>A name kept as a snapshot (an order's, a follow-up's, a review line's), as it may be shown now.</summary>
    public static async Task<string> ShownNameAsync(this SocItDbContext db, int employeeId, string name, CancellationToken ct) =>
        PersonName.Shown(name, await db.Employees.AnyAsync(e => e.Id == employeeId && e.IsProtected, ct));
}
