using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>The access view and its CSV export through the real app: who may open them, and whose grants they give.</summary>
public class GrantsAuthorizationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/access", "chef1", HttpStatusCode.OK)]
    [InlineData("/access", "chef2", HttpStatusCode.OK)]
    [InlineData("/access", "operator", HttpStatusCode.OK)]
    [InlineData("/access", "admin", HttpStatusCode.OK)]
    [InlineData("/access", "utanroll", HttpStatusCode.Forbidden)]
    [InlineData("/access/export.csv", "chef1", HttpStatusCode.OK)]
    [InlineData("/access/export.csv", "operator", HttpStatusCode.OK)]
    [InlineData("/access/export.csv", "admin", HttpStatusCode.OK)]
    [InlineData("/access/export.csv", "utanroll", HttpStatusCode.Forbidden)]
    public async Task PageAndExport_AnswerByRole(string path, string user, HttpStatusCode expected)
    {
        await using var app = AdminAppFactory.EntraId();
        using var client = app.CreateTestClient(user);

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Export_WithoutSigningIn_IsSentToSignIn_AndGivesNoData()
    {
        await using var app = AdminAppFactory.EntraId();
        await Chef1StaffAsync(app.Services);
        using var client = app.CreateTestClient();

        using var response = await client.GetAsync("/access/export.csv", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(AdminAppFactory.EntraAuthorizeEndpoint, response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Omar", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_OfTheManagersOwnUnit_IsACsvFile_NamedForTheUnitAndDay_AndAudited()
    {
        await using var app = AdminAppFactory.EntraId();
        var centrum = await Chef1StaffAsync(app.Services);
        using var client = app.CreateTestClient("chef1");

        using var response = await client.GetAsync($"/access/export.csv?unit={centrum}&kind=FromOtherUnits", Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var today = AdminTimeZone.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"behorigheter-hemtjanst-centrum-{today}.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Medarbetare;Hemverksamhet;", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Omar Ali;Tallgårdens vård- och omsorgsboende;Hemtjänst Centrum;", lines[1], StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(Ct);
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "Access.Exported", Ct);
        Assert.Equal("Anna Lindqvist", entry.ActorName);
    }

    [Fact]
    public async Task AnotherManager_ExportingChef1sUnitById_GetsNotFound_AndNoneOfItsData()
    {
        await using var app = AdminAppFactory.EntraId();
        var centrum = await Chef1StaffAsync(app.Services);
        using var chef2 = app.CreateTestClient("chef2");

        using var asked = await chef2.GetAsync($"/access/export.csv?unit={centrum}", Ct);
        var own = await chef2.GetStringAsync("/access/export.csv", Ct);
        var page = await chef2.GetStringAsync($"/access?unit={centrum}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, asked.StatusCode);
        Assert.DoesNotContain("Omar", await asked.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("Omar", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Lisa Andersson", own, StringComparison.Ordinal);
        Assert.Contains("Verksamheten finns inte, eller är inte en av dina verksamheter.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Omar", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_InDevelopment_WithoutSigningIn_IsSentToTheDevelopmentSignIn()
    {
        await using var app = AdminAppFactory.Development();
        using var client = app.CreateTestClient();

        using var response = await client.GetAsync("/access/export.csv?unit=1", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/dev-sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>The demo organisation with Lisa (own staff) and Omar from Tallgården in chef1's Hemtjänst Centrum.</summary>
    internal static async Task<int> Chef1StaffAsync(IServiceProvider app)
    {
        await using var scope = app.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<DemoDataSeeder>().SeedAsync(Ct);
        var today = AdminTimeZone.Today(TimeProvider.System);
        var factory = services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        var intake = services.GetRequiredService<OrderIntake>();
        await GrantWorld.AddStaffGrantAsync(intake, factory, today, GrantWorld.Centrum, "Lisa Andersson", OrderRequests.Pnr1990);
        await GrantWorld.AddStaffGrantAsync(intake, factory, today, GrantWorld.Centrum, "Lisa Andersson", OrderRequests.Pnr1990, "Appva", "Standard");
        await GrantWorld.AddVisitorGrantAsync(
            intake, factory, today, GrantWorld.Tallgarden, GrantWorld.Centrum, "Omar Ali", OrderRequests.Pnr1985, to: today.AddDays(20));
        return await GrantWorld.UnitIdAsync(factory, GrantWorld.Centrum);
    }
}
