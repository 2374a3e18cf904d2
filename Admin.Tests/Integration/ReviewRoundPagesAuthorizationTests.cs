using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>The administrator's review pages: readable by administrators and operators, by nobody else.</summary>
public class ReviewRoundPagesAuthorizationTests
{
    [Theory]
    [InlineData("/reviews", "admin", HttpStatusCode.OK)]
    [InlineData("/reviews", "operator", HttpStatusCode.OK)]
    [InlineData("/reviews", "chef1", HttpStatusCode.Forbidden)]
    [InlineData("/reviews", "utanroll", HttpStatusCode.Forbidden)]
    [InlineData("/reviews/1", "admin", HttpStatusCode.OK)]
    [InlineData("/reviews/1", "operator", HttpStatusCode.OK)]
    [InlineData("/reviews/1", "chef1", HttpStatusCode.Forbidden)]
    [InlineData("/reviews/1", "chef2", HttpStatusCode.Forbidden)]
    [InlineData("/reviews/1/evidence", "admin", HttpStatusCode.OK)]
    [InlineData("/reviews/1/evidence", "operator", HttpStatusCode.OK)]
    [InlineData("/reviews/1/evidence", "chef1", HttpStatusCode.Forbidden)]
    [InlineData("/reviews/1/evidence", "utanroll", HttpStatusCode.Forbidden)]
    public async Task ReviewPages_AnswerByRole(string path, string user, HttpStatusCode expected)
    {
        await using var app = AdminAppFactory.EntraId();
        using var client = app.CreateTestClient(user);

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownRound_ShowsTheNotFoundText_NotAnError()
    {
        await using var app = AdminAppFactory.EntraId();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(TestContext.Current.CancellationToken);
        }

        using var client = app.CreateTestClient("admin");

        var page = await client.GetStringAsync("/reviews/4242/evidence", TestContext.Current.CancellationToken);

        Assert.Contains("Granskningen finns inte.", page, StringComparison.Ordinal);
    }
}
