namespace SocItConsole.Admin.Features.Reviews;

/// <summary>
/// The open review rounds on Soc-IT's dashboard: how many, their unanswered lines, the units past the due date with
/// unanswered lines, those of them escalated by the review job, and the nearest due date.
/// </summary>
public sealed record ReviewDashboardCounts(
    int OpenRounds, int UnansweredLines, int OverdueUnits, int EscalatedUnits, DateOnly? NextDueDate);
