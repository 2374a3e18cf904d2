using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Reviews;

namespace SocItConsole.Admin.Tests.TestData;

/// <summary>Deterministic review rounds and grant snapshots: two units, Hemtjänst Centrum (1) and Solgården (2).</summary>
public static class ReviewData
{
    public const int Centrum = 1;
    public const int Solgarden = 2;
    public const int OtherUnit = 3;

    public static readonly DateOnly StartDay = new(2026, 11, 2);
    public static readonly DateOnly DueDate = new(2026, 11, 30);
    public static readonly DateTimeOffset StartedAt = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Later = new(2026, 11, 10, 14, 15, 0, TimeSpan.FromHours(1));
    public static readonly Actor Administrator = new("admin-1", "Sara Systemförvaltare");
    public static readonly Actor Manager = new("chef-1", "Anna Lindqvist");
    public static readonly Actor OtherManager = new("chef-2", "Bo Berg");

    public static ReviewGrantSnapshot Grant(
        int grantId,
        int employeeId = 100,
        string employeeName = "Eva Ek",
        string system = "Lifecare",
        string level = "Utförare",
        int unitId = Centrum,
        int? homeUnitId = null,
        string? from = "2025-01-01",
        string? to = null,
        int? endedByOrderId = null) =>
        new(
            grantId, employeeId, employeeName, system, level, unitId, UnitName(unitId), homeUnitId ?? unitId,
            Day(from!), to is null ? null : Day(to), endedByOrderId);

    /// <summary>Eva (2 grants) and Per (1) in Centrum, Lisa (1) in Solgården.</summary>
    public static IReadOnlyList<ReviewGrantSnapshot> TwoUnits() =>
    [
        Grant(1, employeeId: 100, employeeName: "Eva Ek", system: "Lifecare"),
        Grant(2, employeeId: 100, employeeName: "Eva Ek", system: "Combine"),
        Grant(3, employeeId: 101, employeeName: "Per Persson", system: "Lifecare"),
        Grant(4, employeeId: 200, employeeName: "Lisa Lund", system: "Appva", unitId: Solgarden),
    ];

    public static ReviewRound Round(
        IEnumerable<ReviewGrantSnapshot>? grants = null, IEnumerable<int>? unitIds = null, DateOnly? dueDate = null) =>
        ReviewRound.Start(
            "Höstens uppföljning 2026", unitIds ?? [Centrum, Solgarden], StartDay, dueDate ?? DueDate,
            "Gå igenom era behörigheter.", grants ?? TwoUnits(), Administrator, StartedAt);

    public static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static string UnitName(int unitId) => unitId switch
    {
        Centrum => "Hemtjänst Centrum",
        Solgarden => "Solgården",
        _ => $"Verksamhet {unitId}",
    };
}
