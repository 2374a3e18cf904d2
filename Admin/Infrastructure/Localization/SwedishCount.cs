namespace SocItConsole.Admin.Infrastructure.Localization;

/// <summary>"1 cell", "3 celler": counts in the messages and tooltips of the administration.</summary>
public static class SwedishCount
{
    public static string Of(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    public static string Units(int count) => Of(count, "verksamhet", "verksamheter");

    public static string MatrixCells(int count) => Of(count, "cell", "celler");

    /// <summary>"används av 2 verksamheter och i 5 celler i matrisen"; null when nothing uses the record.</summary>
    public static string? Usage(int units, int cells) => (units, cells) switch
    {
        (0, 0) => null,
        (_, 0) => $"används av {Units(units)}",
        (0, _) => $"används i {MatrixCells(cells)} i matrisen",
        _ => $"används av {Units(units)} och i {MatrixCells(cells)} i matrisen",
    };
}
