namespace SocItConsole.Shared.Common;

/// <summary>Text written into a CSV file that people open in Excel.</summary>
public static class SpreadsheetText
{
    /// <summary>
    /// Text that Excel would read as a formula (a name from an e-service form starting with =, +, - or @, or a tab or
    /// carriage return) is written with a leading apostrophe, so that opening the file cannot run anything.
    /// </summary>
    public static string Cell(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty
        : text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text
        : text;
}
