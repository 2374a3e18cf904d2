using System.Net;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Data.PostgreSql;
using SocItConsole.Admin.Infrastructure.Web;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Integration.PostgreSql;

/// <summary>
/// Two console instances on one PostgreSQL database (issue 23, decision 0051): what one protects the other reads (a
/// sign-in cookie, any data-protection payload), the jobs' schedule is one, and the provider setting is checked at
/// start. These run in every pass, on the run's PostgreSQL server.
/// </summary>
public class SharedDatabaseInstancesTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASignInOnOneInstance_IsValidOnTheOther_ThroughTheKeysInTheDatabase()
    {
        var database = await server.CreateMigratedDatabaseAsync(nameof(SharedDatabaseInstancesTests), TestDatabase.MigrateAsync, Ct);
        try
        {
            await using var first = AdminAppFactory.Development().OnPostgreSql(server, database);
            await using var second = AdminAppFactory.Development().OnPostgreSql(server, database);
            using var one = Client(first);
            using var other = Client(second);

            using var signIn = await one.GetAsync("/account/dev-sign-in?userName=operator", Ct);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            var cookies = signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
            Assert.Contains(cookies, c => c.StartsWith("socit.auth", StringComparison.Ordinal));

            using var withoutCookie = await other.GetAsync("/cases", Ct);
            using var request = new HttpRequestMessage(HttpMethod.Get, "/cases");
            request.Headers.Add("Cookie", string.Join("; ", cookies));
            using var withCookie = await other.SendAsync(request, Ct);

            Assert.Equal(HttpStatusCode.Redirect, withoutCookie.StatusCode);
            Assert.Equal(HttpStatusCode.OK, withCookie.StatusCode);
            var payload = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("prov").Protect("Åsa Öberg");
            Assert.Equal("Åsa Öberg", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("prov").Unprotect(payload));
            await using var db = new PostgreSqlSocItDbContext(
                new DbContextOptionsBuilder<SocItDbContext>().UsePostgreSqlModel(database).Options);
            Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync(Ct));
        }
        finally
        {
            server.DropDatabase(database);
        }
    }

    [Fact]
    public async Task BothInstances_ShareOneSchedule_InHangfiresPostgreSqlStorage_AndSetTheAffinityCookie()
    {
        var database = await server.CreateMigratedDatabaseAsync(nameof(SharedDatabaseInstancesTests), TestDatabase.MigrateAsync, Ct);
        try
        {
            await using var first = AdminAppFactory.EntraId().OnPostgreSql(server, database);
            await using var second = AdminAppFactory.EntraId().OnPostgreSql(server, database);
            using var one = first.CreateTestClient();
            using var other = second.CreateTestClient();
            using var health = await one.GetAsync("/health/ready", Ct);
            using var otherHealth = await other.GetAsync("/health/ready", Ct);

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(HttpStatusCode.OK, otherHealth.StatusCode);
            Assert.Contains(health.Headers.GetValues("Set-Cookie"), c => c.StartsWith(InstanceAffinity.CookieName + "=", StringComparison.Ordinal));
            var firstStorage = Assert.IsType<PostgreSqlStorage>(first.Services.GetRequiredService<JobStorage>());
            Assert.IsType<PostgreSqlStorage>(second.Services.GetRequiredService<JobStorage>());
            using var connection = firstStorage.GetConnection();
            var jobs = connection.GetRecurringJobs().Select(j => j.Id).ToList();
            Assert.Contains(DatabaseMaintenanceJob.Id, jobs);
            Assert.Equal(jobs.Count, jobs.Distinct(StringComparer.Ordinal).Count());
            using var otherConnection = second.Services.GetRequiredService<JobStorage>().GetConnection();
            Assert.Equal(jobs.Order(StringComparer.Ordinal), otherConnection.GetRecurringJobs().Select(j => j.Id).Order(StringComparer.Ordinal));
        }
        finally
        {
            server.DropDatabase(database);
        }
    }

    [Theory]
    [InlineData("Oracle", "Database:Provider")]
    [InlineData("PostgreSql", "ConnectionStrings:SocIt")]
    public async Task AWrongProviderSetting_StopsTheStart_NamingTheSetting(string provider, string named)
    {
        await using var app = AdminAppFactory.Development().OnSqlite()
            .WithSetting("Database:Provider", provider)
            .WithSetting("ConnectionStrings:SocIt", provider == "PostgreSql" ? "" : null);

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateTestClient());

        Assert.Contains(named, failure.ToString(), StringComparison.Ordinal);
    }

    private static HttpClient Client(AdminAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
}
