namespace SocItConsole.Admin.Infrastructure.Common;

/// <summary>One page of a list the server pages (a MudDataGrid's ServerData), and how many rows the whole list has.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);
