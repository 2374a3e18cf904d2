using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SocItConsole.Bench.Generate;

/// <summary>
/// The generator's own connection to the file it fills, with the speed settings of a bulk load and a deterministic
/// hash function <c>mix(a, b)</c> that set-based statements use wherever a choice has to look random.
/// </summary>
internal sealed class SqlSession : IDisposable
{
    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;

    public SqlSession(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        _connection.CreateFunction("mix", (long a, long b) => Mix(a, b), isDeterministic: true);
    }

    /// <summary>
    /// A well-spread non-negative 31-bit number for <paramref name="a"/> under <paramref name="salt"/> (SplitMix64's
    /// finaliser): the same inputs always give the same output, so a scale always generates the same data.
    /// </summary>
    public static long Mix(long a, long salt)
    {
        unchecked
        {
            var z = (ulong)a * 0x9E3779B97F4A7C15UL + ((ulong)salt * 0xD1B54A32D192ED03UL) + 0x632BE59BD9B4E019UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (long)(z >> 33);
        }
    }

    public void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        command.ExecuteNonQuery();
    }

    public long Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    public List<T> Rows<T>(string sql, Func<SqliteDataReader, T> read)
    {
        using var command = Command(sql, []);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>
    /// One prepared, parameterised INSERT (or any statement) for values computed in C#: the caller sets the parameters
    /// and runs it once per row, inside the current transaction.
    /// </summary>
    public SqliteCommand Prepare(string sql, params string[] parameterNames)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        command.Prepare();
        return command;
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: a table's rows are committed together or not at all.</summary>
    public void InTransaction(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _transaction = _connection.BeginTransaction();
        try
        {
            work();
            _transaction.Commit();
        }
        finally
        {
            _transaction.Dispose();
            _transaction = null;
        }
    }

    public void Dispose()
    {
        _transaction?.Dispose();
        _connection.Dispose();
    }

    private SqliteCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        command.CommandTimeout = 0;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
