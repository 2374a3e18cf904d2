using SocItConsole.Admin.Infrastructure.Authentication;

namespace SocItConsole.Admin.Features.Grants;

public static class GrantsFeature
{
    public const string ExportPath = "/access/export.csv";

    public static WebApplicationBuilder AddGrantsFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<UnitGrants>();
        return builder;
    }

    /// <summary>
    /// The CSV export as a plain download: the same filters as the page, the same checks in the service. A unit that
    /// is not the user's answers 404, so that its existence is not confirmed either.
    /// </summary>
    public static IEndpointRouteBuilder MapGrantsExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExportPath, async (
                int? unit, int? system, UnitGrantKind? kind, string? search, UnitGrantSort? sort, bool? desc,
                UnitGrants access, CancellationToken ct) =>
            {
                var query = new UnitGrantQuery(unit, system, kind ?? UnitGrantKind.All, search, sort ?? UnitGrantSort.Employee, desc ?? false);
                return await access.ExportAsync(query, ct) is { } file
                    ? Results.File(file.Content, "text/csv; charset=utf-8", file.FileName)
                    : Results.NotFound();
            })
            .RequireAuthorization(Policies.UnitGrants);
        return endpoints;
    }

    /// <summary>The export's address for the filters the page shows.</summary>
    public static string ExportUrl(UnitGrantQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new List<string>();
        if (query.UnitId is { } unit)
        {
            parameters.Add(FormattableString.Invariant($"unit={unit}"));
        }

        if (query.SystemId is { } system)
        {
            parameters.Add(FormattableString.Invariant($"system={system}"));
        }

        if (query.Kind != UnitGrantKind.All)
        {
            parameters.Add($"kind={query.Kind}");
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            parameters.Add("search=" + Uri.EscapeDataString(query.Search.Trim()));
        }

        if (query.Sort != UnitGrantSort.Employee || query.Descending)
        {
            parameters.Add($"sort={query.Sort}");
            parameters.Add(query.Descending ? "desc=true" : "desc=false");
        }

        return parameters.Count == 0 ? ExportPath : ExportPath + "?" + string.Join('&', parameters);
    }
}
