namespace SocItConsole.Admin.Data;

/// <summary>
/// Search text for SQL <c>LIKE</c>: what a user typed is matched literally, so that a "%" or "_" in a search finds
/// that character instead of matching anything. Use with <c>EF.Functions.Like(column, pattern, SqlLike.Escape)</c>.
/// </summary>
public static class SqlLike
{
    public const string Escape = "\\";

    /// <summary>A pattern matching any text that contains <paramref name="text"/>.</summary>
    public static string Containing(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "%" + text.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal) + "%";
    }
}
