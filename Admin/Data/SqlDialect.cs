using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace SocItConsole.Admin.Data;

/// <summary>
/// What differs between SQLite and PostgreSQL in the few statements that must be raw SQL (decision 0051): date
/// arithmetic, a list of ids given as one JSON parameter, the Swedish collation and the parameter type. Everything
/// else in those statements is written once, in SQL both accept (double-quoted names, <c>@name</c> parameters,
/// <c>ON CONFLICT</c>, <c>RETURNING</c>, <c>WITH RECURSIVE</c>).
/// </summary>
internal sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(DatabaseProvider.Sqlite);

    public static readonly SqlDialect PostgreSql = new(DatabaseProvider.PostgreSql);

    private SqlDialect(DatabaseProvider provider) => Provider = provider;

    public DatabaseProvider Provider { get; }

    public static SqlDialect Of(DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.IsNpgsql() ? PostgreSql : Sqlite;
    }

    public static SqlDialect Of(DatabaseProvider provider) => provider == DatabaseProvider.PostgreSql ? PostgreSql : Sqlite;

    /// <summary>The day after the day <paramref name="day"/> (a date column or expression).</summary>
    public string DayAfter(string day) =>
        Provider == DatabaseProvider.PostgreSql ? $"({day} + 1)" : $"date({day}, '+1 day')";

    /// <summary>A date as text, 'yyyy-MM-dd' (SQLite stores it so; PostgreSQL's ISO output is the same).</summary>
    public string DayAsText(string day) =>
        Provider == DatabaseProvider.PostgreSql ? $"CAST({day} AS text)" : day;

    /// <summary>A day constant, typed as a date where the database has dates.</summary>
    public string DayLiteral(DateOnly day)
    {
        var text = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Provider == DatabaseProvider.PostgreSql ? $"DATE '{text}'" : $"'{text}'";
    }

    /// <summary>The integers of a JSON array given as the parameter <paramref name="parameter"/>, as one column "value".</summary>
    public string IntegersOfJson(string parameter) =>
        Provider == DatabaseProvider.PostgreSql
            ? $"""SELECT CAST("value" AS integer) AS "value" FROM json_array_elements_text(CAST({parameter} AS json))"""
            : $"""SELECT "value" FROM json_each({parameter})""";

    /// <summary>
    /// Swedish alphabetical order with case ignored: on SQLite a collation the connection defines
    ///, on PostgreSQL the ICU collation the migrations create.
    /// </summary>
    public string Swedish => Provider == DatabaseProvider.PostgreSql ? "\"swedish\"" : "SWEDISH";

    /// <summary>A parameter for this provider, named without prefix (both bind it to <c>@name</c>).</summary>
    public DbParameter Parameter(string name, object? value) =>
        Provider == DatabaseProvider.PostgreSql
            ? new NpgsqlParameter(name, value ?? DBNull.Value)
            : new SqliteParameter(name, value ?? DBNull.Value);
}
