using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SocItConsole.Admin.Data;

namespace SocItConsole.Admin.Infrastructure.Health;

public static class AdminHealth
{
    private const string ReadyTag = "ready";

    public static WebApplicationBuilder AddAdminHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>
    /// <c>/health</c> says only that the process answers; <c>/health/ready</c> also that the database is reachable and
    /// fully migrated. Both answer a bare status word, so they reveal nothing to the anonymous caller.
    /// </summary>
    public static IEndpointRouteBuilder MapAdminHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) })
            .AllowAnonymous();
        return endpoints;
    }
}

internal sealed class DatabaseReadyCheck(IDbContextFactory<SocItDbContext> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("database unreachable");
        }

        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
        return pending.Any()
            ? HealthCheckResult.Unhealthy("migrations pending")
            : HealthCheckResult.Healthy();
    }
}
