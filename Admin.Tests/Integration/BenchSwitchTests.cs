using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Features.Bench;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>The benchmark's floors and heap probe: absent by default, for operators only when on, never outside Development.</summary>
[Trait(TestDatabases.Trait, TestDatabases.Sqlite)]
public class BenchSwitchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/bench/floor/cases")]
    [InlineData("/bench/floor/employee")]
    [InlineData("/bench/floor/orderers")]
    [InlineData("/bench/floor/hr")]
    [InlineData("/bench/floor/hr-mappings")]
    [InlineData("/bench/heap")]
    [InlineData("/bench/counter")]
    public async Task BenchProbes_DoNotExist_WhenTheSwitchIsOff(string path)
    {
        await using var app = AdminAppFactory.Development().OnSqlite();
        using var client = await SignedInAsync(app, "operator");

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/bench/floor/cases", "chef1", HttpStatusCode.Forbidden)]
    [InlineData("/bench/floor/cases", "admin", HttpStatusCode.Forbidden)]
    [InlineData("/bench/floor/cases", "utanroll", HttpStatusCode.Forbidden)]
    [InlineData("/bench/heap", "chef1", HttpStatusCode.Forbidden)]
    [InlineData("/bench/counter", "chef1", HttpStatusCode.Forbidden)]
    [InlineData("/bench/counter", "operator", HttpStatusCode.OK)]
    [InlineData("/bench/heap", null, HttpStatusCode.Redirect)]
    public async Task BenchProbes_AreForOperatorsOnly_WhenTheSwitchIsOn(string path, string? user, HttpStatusCode expected)
    {
        await using var app = AdminAppFactory.Development().OnSqlite().WithSetting("Bench:Enabled", "true");
        using var client = await SignedInAsync(app, user);

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task HeapProbe_ReportsTheManagedHeapAndOpenCircuits()
    {
        await using var app = AdminAppFactory.Development().OnSqlite().WithSetting("Bench:Enabled", "true");
        using var client = await SignedInAsync(app, "operator");

        var probe = await client.GetFromJsonAsync<HeapProbe>("/bench/heap", Ct);

        Assert.NotNull(probe);
        Assert.True(probe.HeapBytes > 1_000_000, $"a running app has more than 1 MB of managed heap, not {probe.HeapBytes}");
        Assert.Equal(0, probe.Circuits);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BenchServicesAndEndpoints_AreThere_OnlyWhenTheSwitchIsOn(bool enabled)
    {
        await using var app = AdminAppFactory.Development().OnSqlite().WithSetting("Bench:Enabled", enabled ? "true" : "false");
        using var client = app.CreateTestClient();

        var services = app.Services;
        var benchRoutes = services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? string.Empty)
            .Where(r => r.StartsWith("/bench/", StringComparison.Ordinal)
                // The counter is a routable component (in every route table); with the switch off it answers
                // "not found" itself, as BenchProbes_DoNotExist_WhenTheSwitchIsOff shows.
                && r != "/bench/counter")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(enabled, services.GetService<DashboardFloor>() is not null);
        Assert.Equal(enabled, services.GetService<CircuitCounter>() is not null);
        Assert.Equal(enabled, services.GetServices<CircuitHandler>().OfType<CircuitCounter>().Any());
        string[] expected = enabled
            ? ["/bench/floor/cases", "/bench/floor/employee", "/bench/floor/hr", "/bench/floor/hr-mappings", "/bench/floor/orderers", "/bench/heap"]
            : [];
        Assert.Equal(expected, benchRoutes);
    }

    [Fact]
    public void App_RefusesToStart_WithTheBenchSwitch_OutsideDevelopment()
    {
        using var app = AdminAppFactory.EntraId().OnSqlite().WithSetting("Bench:Enabled", "true");

        var error = Assert.ThrowsAny<InvalidOperationException>(() => app.CreateTestClient());

        Assert.Contains("Bench:Enabled", error.Message, StringComparison.Ordinal);
        Assert.Contains("only in Development", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A client holding the development sign-in's cookie for <paramref name="user"/> (none for null).</summary>
    internal static async Task<HttpClient> SignedInAsync(AdminAppFactory app, string? user)
    {
        var client = app.CreateTestClient();
        if (user is not null)
        {
            using var signIn = await client.GetAsync($"/account/dev-sign-in?userName={user}", Ct);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        return client;
    }

    private sealed record HeapProbe(long HeapBytes, int Circuits);
}

/// <summary>
/// The benchmark's floors are raw SQL (a DbConnection with <c>@</c> parameters): they run on the run's database, so
/// the PostgreSQL pass proves them there too.
/// </summary>
public class BenchFloorTests
{
    private const string ApiKey = "test-bench-nyckel-7d2e4b1c";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DashboardFloor_ShowsTheSameCountsAsTheData()
    {
        await using var app = AdminAppFactory.Development().WithSetting("Bench:Enabled", "true").WithSetting("Intake:ApiKeys:0", ApiKey);
        using var api = app.CreateTestClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        using var operatorClient = await BenchSwitchTests.SignedInAsync(app, "operator");

        var before = await operatorClient.GetStringAsync("/bench/floor/cases", Ct);
        using var placed = await api.PostAsync("/api/v1/orders",
            new StringContent(OrderApiBodies.NewUndersköterska().ToJsonString(), Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var after = await operatorClient.GetStringAsync("/bench/floor/cases", Ct);

        Assert.DoesNotContain("<span>Received</span><span>New</span><span>1</span>", before, StringComparison.Ordinal);
        Assert.Contains("<h2>Öppna ärenden per status och typ</h2>", after, StringComparison.Ordinal);
        Assert.Contains("<span>Received</span><span>New</span><span>1</span>", after, StringComparison.Ordinal);
        Assert.Contains("<span>Lisa Andersson</span>", after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/bench/floor/employee?id=1", "operator", "<h2>Behörigheter</h2>")]
    [InlineData("/bench/floor/orderers", "admin", "<h2>Uppdrag</h2>")]
    [InlineData("/bench/floor/hr", "operator", "<h2>Körningar</h2>")]
    [InlineData("/bench/floor/hr-mappings", "admin", "<h2>Kopplingar</h2>")]
    public async Task PageFloors_RunTheirPagesStatements_ForTheUserOfThePage(string path, string user, string section)
    {
        await using var app = AdminAppFactory.Development().WithSetting("Bench:Enabled", "true");
        using var client = await BenchSwitchTests.SignedInAsync(app, user);

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(section, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
