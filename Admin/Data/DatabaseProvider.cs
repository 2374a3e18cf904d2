namespace SocItConsole.Admin.Data;

/// <summary>
/// Where the console keeps its data (<c>Database:Provider</c>): an embedded SQLite file, the default for one machine,
/// or a PostgreSQL server, for several instances and beyond one municipality (decision 0051).
/// </summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

public static class DatabaseProviderSetting
{
    public const string Key = "Database:Provider";

    /// <summary>
    /// The configured provider: <see cref="DatabaseProvider.Sqlite"/> when the setting is absent, any other value than
    /// the two names (case ignored) stops the start with a message naming the setting.
    /// </summary>
    public static DatabaseProvider Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[Key];
        if (string.IsNullOrWhiteSpace(value) || string.Equals(value.Trim(), nameof(DatabaseProvider.Sqlite), StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Sqlite;
        }

        if (string.Equals(value.Trim(), nameof(DatabaseProvider.PostgreSql), StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.PostgreSql;
        }

        throw new InvalidOperationException(
            $"{Key} is \"{value}\", which is not a database provider: set it to Sqlite (the default, an embedded file) "
            + "or PostgreSql (with ConnectionStrings:SocIt as an Npgsql connection string).");
    }
}

/// <summary>The provider the console runs on, for the few parts that differ (jobs' storage, data-protection keys).</summary>
public sealed record DatabaseProviderInfo(DatabaseProvider Provider)
{
    public bool IsPostgreSql => Provider == DatabaseProvider.PostgreSql;
}
