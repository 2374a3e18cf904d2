using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SocItConsole.Admin.Infrastructure.Health;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Integration;

public class HealthTests
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    public async Task Health_AnswersWithoutSignIn_AndRevealsNothing(string path)
    {
        await using var app = AdminAppFactory.EntraId();
        using var client = app.CreateTestClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReadyCheck_IsUnhealthy_WhenMigrationsArePending()
    {
        using var database = TestDatabase.CreateEmpty();
        var check = new DatabaseReadyCheck(database);

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("migrations pending", result.Description);
    }

    [Fact]
    public async Task ReadyCheck_IsHealthy_OnAMigratedDatabase()
    {
        using var database = await TestDatabase.CreateMigratedAsync();

        var result = await new DatabaseReadyCheck(database)
            .CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }
}
