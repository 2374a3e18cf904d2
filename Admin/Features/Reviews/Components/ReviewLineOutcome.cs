namespace SocItConsole.Admin.Features.Reviews.Components;

/// <summary>What an answer on the task page did, and which lines the page is to show afresh.</summary>
public sealed record ReviewLineOutcome(ReviewResult Result, IReadOnlyList<int> LineIds);
