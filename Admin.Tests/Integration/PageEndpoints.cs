using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>The routable pages as the running app maps them, read from its endpoint data.</summary>
internal static class PageEndpoints
{
    public static IReadOnlyList<RouteEndpoint> All(IServiceProvider services) =>
    [
        .. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .GroupBy(e => e.RoutePattern.RawText)
            .Select(g => g.First()),
    ];

    public static bool AllowsAnonymous(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    /// <summary>A concrete path for a route template, with a plausible value for each parameter.</summary>
    public static string SamplePath(RouteEndpoint endpoint)
    {
        var segments = endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter =>
                parameter.ParameterPolicies.Any(p => p.Content == "int") ? "1" : "x",
            _ => string.Empty,
        })));
        return "/" + string.Join('/', segments);
    }
}
