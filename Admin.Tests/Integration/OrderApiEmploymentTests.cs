using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Orders.Api;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>An end of employment through the e-service's API names the employment: the one in the order's unit, told apart by its title.</summary>
public class OrderApiEmploymentTests
{
    private const string ApiKey = "test-e-tjanst-nyckel-4f9c2a";
    private const string ProblemJson = "application/problem+json";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EndOfEmployment_InAUnitThePersonDoesNotWorkIn_Is400ProblemJson_UnderTheUnit_AndNothingIsStored()
    {
        await using var app = await StartAsync();
        using var client = ApiClient(app);

        using var response = await PostAsync(client, Terminate());

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal([OrderApiFields.Unit], errors.Select(e => e.Key));
        Assert.Equal("Lisa Andersson har ingen pågående anställning i Hemtjänst Centrum.", errors[OrderApiFields.Unit]![0]!.GetValue<string>());
        await using var db = await CreateDbContextAsync(app);
        Assert.Equal(0, await db.Orders.CountAsync(Ct));
    }

    [Fact]
    public async Task EndOfEmployment_WithTwoInTheUnit_NeedsTheTitle_AndEndsTheOneItNames()
    {
        await using var app = await StartAsync();
        using var client = ApiClient(app);
        var factory = app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        await TestEmployments.EmployAsync(factory, OrderRequests.Pnr1990, "Lisa Andersson");
        var nurse = await TestEmployments.EmployAsync(factory, OrderRequests.Pnr1990, "Lisa Andersson", titleName: "Sjuksköterska");

        using var withoutTitle = await PostAsync(client, Terminate());
        var body = Terminate();
        body["title"] = "sjuksköterska";
        using var withTitle = await PostAsync(client, body);

        var problem = await AssertProblemAsync(withoutTitle, HttpStatusCode.BadRequest);
        Assert.Equal(
            "Lisa Andersson har 2 pågående anställningar i Hemtjänst Centrum (undersköterska, sjuksköterska). Ange vilken som avslutas.",
            problem["errors"]![OrderApiFields.Title]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, withTitle.StatusCode);
        await using var db = await CreateDbContextAsync(app);
        var order = await db.Orders.SingleAsync(Ct);
        Assert.Equal(((int?)nurse, "Sjuksköterska"), (order.EmploymentId, order.TitleName));
    }

    private static JsonObject Terminate() => new()
    {
        ["type"] = "terminate",
        ["employee"] = new JsonObject { ["fullName"] = "Lisa Andersson", ["personnummer"] = OrderRequests.Pnr1990 },
        ["unit"] = "Hemtjänst Centrum",
        ["endDate"] = OrderApiBodies.Date(30),
        ["orderer"] = new JsonObject { ["name"] = "Anna Lindqvist", ["email"] = "anna.lindqvist@kommun.example" },
        ["manager"] = new JsonObject { ["name"] = "Anna Lindqvist", ["email"] = "anna.lindqvist@kommun.example" },
    };

    private static async Task<AdminAppFactory> StartAsync()
    {
        var app = AdminAppFactory.EntraId().WithSetting("Intake:ApiKeys:0", ApiKey);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(Ct);
        return app;
    }

    private static HttpClient ApiClient(AdminAppFactory app)
    {
        var client = app.CreateTestClient();
        client.DefaultRequestHeaders.Add(IntakeApiAuth.ApiKeyHeader, ApiKey);
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, JsonNode body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        return await client.SendAsync(request, Ct);
    }

    private static async Task<JsonNode> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!;
    }

    private static Task<SocItDbContext> CreateDbContextAsync(AdminAppFactory app) =>
        app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(Ct);
}
