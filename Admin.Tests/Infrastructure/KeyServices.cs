using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Features.Keys;
using SocItConsole.Admin.Infrastructure.Changes;

namespace SocItConsole.Admin.Tests.Infrastructure;

/// <summary>The key register's services wired as the app wires them, over a test database, acting as a demo user.</summary>
public static class KeyServices
{
    public static KeyChanges Changes(TestDatabase database, string userName, TimeProvider? clock = null) =>
        new(AppServices.AuditedChange(database, userName, clock));

    public static KeyRegister Register(TestDatabase database, string userName, TimeProvider? clock = null) =>
        new(Changes(database, userName, clock));

    public static PoolRegister Pools(TestDatabase database, string userName, TimeProvider? clock = null) =>
        new(Changes(database, userName, clock));

    public static PersonalCodes Codes(TestDatabase database, string userName, TimeProvider? clock = null) =>
        new(Changes(database, userName, clock));

    public static KeyPurchases Purchases(TestDatabase database, string userName, TimeProvider? clock = null) =>
        new(Changes(database, userName, clock), database, AppServices.CurrentUser(userName));

    public static KeyQueries Queries(TestDatabase database, string userName, TimeProvider? clock = null, KeyOptions? options = null) =>
        new(database, AppServices.CurrentUser(userName), clock ?? AppServices.Clock(),
            Microsoft.Extensions.Options.Options.Create(options ?? new KeyOptions()));

    /// <summary>Registers the key register's services for a bunit test (the test registers TimeProvider and the user).</summary>
    public static IServiceCollection AddKeyServices(this IServiceCollection services)
    {
        services.AddScoped<AuditedChange>();
        services.AddScoped<KeyChanges>();
        services.AddScoped<KeyRegister>();
        services.AddScoped<PoolRegister>();
        services.AddScoped<PersonalCodes>();
        services.AddScoped<KeyPurchases>();
        services.AddScoped<KeyQueries>();
        services.AddOptions<KeyOptions>();
        return services;
    }
}
