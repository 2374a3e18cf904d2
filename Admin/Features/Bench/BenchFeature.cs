using Microsoft.AspNetCore.Components.Server.Circuits;
using SocItConsole.Admin.Infrastructure.Authentication;

namespace SocItConsole.Admin.Features.Bench;

/// <summary>
/// The benchmark's floors and probes (<c>bench/run.sh</c>): raw ADO.NET versions of the dashboard and of the pages
/// measured for their first load (<see cref="PageFloors"/>), a trivial counter
/// page and a heap probe. They exist only when <c>Bench:Enabled</c> is true, which the app refuses outside the
/// Development environment; otherwise none of it is mapped and the counter page answers "not found".
/// </summary>
public static class BenchFeature
{
    public const string EnabledKey = "Bench:Enabled";

    public static WebApplicationBuilder AddBenchFeature(this WebApplicationBuilder builder)
    {
        var settings = new BenchSettings(builder.Configuration.GetValue<bool>(EnabledKey));
        if (settings.Enabled && !builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"SocItConsole cannot start with {EnabledKey}=true in the '{builder.Environment.EnvironmentName}' "
                + "environment: the benchmark's floors and heap probe exist only in Development.");
        }

        builder.Services.AddSingleton(settings);
        if (settings.Enabled)
        {
            builder.Services.AddSingleton<CircuitCounter>();
            builder.Services.AddSingleton<CircuitHandler>(sp => sp.GetRequiredService<CircuitCounter>());
            builder.Services.AddSingleton<DashboardFloor>();
            builder.Services.AddSingleton<PageFloors>();
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapBenchEndpoints(this IEndpointRouteBuilder endpoints)
    {
        if (!endpoints.ServiceProvider.GetRequiredService<BenchSettings>().Enabled)
        {
            return endpoints;
        }

        endpoints.MapGet("/bench/floor/cases", (DashboardFloor floor, HttpContext context) =>
                floor.WriteAsync(context.Response, context.RequestAborted))
            .RequireAuthorization(Policies.Operator);

        // The pages of the employments, orderers and HR issues, each behind the policy of its page (the orderers'
        // floor reads every unit, as an administrator's page does).
        endpoints.MapGet("/bench/floor/employee", (PageFloors floors, HttpContext context, int? id) =>
                floors.EmployeeAsync(context.Response, id, context.RequestAborted))
            .RequireAuthorization(Policies.Operator);
        endpoints.MapGet("/bench/floor/orderers", (PageFloors floors, HttpContext context) =>
                floors.OrderersAsync(context.Response, context.RequestAborted))
            .RequireAuthorization(Policies.Administrator);
        endpoints.MapGet("/bench/floor/hr", (PageFloors floors, HttpContext context) =>
                floors.HrAsync(context.Response, context.RequestAborted))
            .RequireAuthorization(Policies.Operator);
        endpoints.MapGet("/bench/floor/hr-mappings", (PageFloors floors, HttpContext context) =>
                floors.MappingsAsync(context.Response, context.RequestAborted))
            .RequireAuthorization(Policies.Administrator);

        // A full, compacting collection, then what is left: the live managed heap and the circuits holding it.
        endpoints.MapGet("/bench/heap", (CircuitCounter circuits) =>
            {
                for (var i = 0; i < 2; i++)
                {
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                    GC.WaitForPendingFinalizers();
                }

                return Results.Ok(new { HeapBytes = GC.GetTotalMemory(forceFullCollection: false), Circuits = circuits.Open });
            })
            .RequireAuthorization(Policies.Operator);
        return endpoints;
    }
}

public sealed record BenchSettings(bool Enabled);

/// <summary>Counts the circuits that are open now, so the heap probe can say how many it measured.</summary>
public sealed class CircuitCounter : CircuitHandler
{
    private int _open;

    public int Open => Volatile.Read(ref _open);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _open);
        return Task.CompletedTask;
    }
}
