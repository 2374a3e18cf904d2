namespace SocItConsole.Admin.Features.Cases.Components;

/// <summary>What the last action on a case said, shown next to the part of the page it came from.</summary>
public sealed record CaseFeedback(string Section, string Message, bool IsConflict);
