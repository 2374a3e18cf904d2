using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Orders.Api;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.Shared.Properties;
using SocItConsole.Admin.Tests.TestData;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// Over a thousand mutated order bodies against <c>POST /api/v1/orders</c> of the real app (Production mode, API key,
/// a distinct Idempotency-Key each): never a 5xx, every refusal a problem+json in Swedish with nothing stored, and every
/// acceptance stored exactly once. The bodies come from <see cref="OrderBodyMutations"/> with a fixed seed.
/// </summary>
public class OrderApiMutationTests
{
    /// <summary>The seed the bodies are built from; a failure names the body's own seed to rebuild it.</summary>
    public const int Seed = 20261129;

    /// <summary>Bodies per mutation kind: 15 kinds × 70 = 1,050 bodies.</summary>
    public const int BodiesPerKind = 70;

    private const string ApiKey = "test-e-tjanst-nyckel-mutation-7c1d";
    private const string ProblemJson = "application/problem+json";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MutatedOrderBodies_AreNever5xx_RefusalsAreSwedishProblemJsonWithNothingStored_AcceptancesStoredOnce()
    {
        await using var app = AdminAppFactory.EntraId()
            .WithSetting("Intake:ApiKeys:0", ApiKey)
            .WithSetting("OrdersApi:RateLimit:PermitLimit", "100000");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(Ct);
        }

        using var client = app.CreateTestClient();
        client.DefaultRequestHeaders.Add(IntakeApiAuth.ApiKeyHeader, ApiKey);
        var factory = app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        var kinds = Enum.GetValues<MutationKind>();
        var seeds = new Random(Seed);
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var stored = await CountAsync(factory);
        var sent = 0;

        for (var i = 0; i < kinds.Length * BodiesPerKind; i++)
        {
            var kind = kinds[i % kinds.Length];
            var bodySeed = seeds.Next();
            var body = OrderBodyMutations.Create(bodySeed, kind);
            var because = $"body {i} (seed {bodySeed}) {body}";

            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = new ByteArrayContent(body.Content) };
            if (body.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", body.ContentType);
            }

            request.Headers.Add(OrdersApi.IdempotencyKeyHeader, string.Create(CultureInfo.InvariantCulture, $"mutation-{Seed}-{i}"));
            using var response = await client.SendAsync(request, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            sent++;
            var status = (int)response.StatusCode;
            var key = string.Create(CultureInfo.InvariantCulture, $"{kind,-17} {status}");
            outcomes[key] = outcomes.GetValueOrDefault(key) + 1;

            Assert.True(status < 500, $"{status} for {because}: {text}");
            var after = await CountAsync(factory);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var id = JsonNode.Parse(text)!["id"]!.GetValue<int>();
                Assert.True(after.Orders == stored.Orders + 1, $"Orders {stored.Orders} → {after.Orders} for {because}");
                Assert.True(after.AuditEntries > stored.AuditEntries, $"No audit entry for the order placed by {because}");
                await using var db = await factory.CreateDbContextAsync(Ct);
                Assert.True(await db.Orders.AnyAsync(o => o.Id == id, Ct), because);
            }
            else
            {
                Assert.True(status is >= 400 and < 500, $"{status} for {because}: {text}");
                Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
                AssertSwedishProblem(JsonNode.Parse(text)!, status, because);
                Assert.True(stored == after, $"Something was stored for the refused {because}: {stored} → {after}");
                Assert.NotEqual(MutationKind.Reformatted, kind);
            }

            stored = after;
        }

        var report = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{sent} mutated bodies (seed {Seed}); outcomes by kind and status:"));
        foreach (var (outcome, count) in outcomes)
        {
            report.Append(CultureInfo.InvariantCulture, $"\n  {outcome}: {count}");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        Assert.True(sent >= 1000, report.ToString());
        Assert.Contains(outcomes, o => o.Key.EndsWith(" 201", StringComparison.Ordinal));
    }

    private static void AssertSwedishProblem(JsonNode problem, int status, string because)
    {
        Assert.Equal(status, problem["status"]?.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()), because);
        var messages = new List<string>();
        if (problem["detail"]?.GetValue<string>() is { } detail)
        {
            messages.Add(detail);
        }

        if (problem["errors"] is JsonObject errors)
        {
            messages.AddRange(errors.SelectMany(e => e.Value!.AsArray().Select(m => m!.GetValue<string>())));
        }

        Assert.True(messages.Count > 0, $"No detail or errors for {because}: {problem.ToJsonString()}");
        Assert.All(messages, Hostile.AssertSwedish);
    }

    private static async Task<StoredRows> CountAsync(IDbContextFactory<SocItDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return new StoredRows(
            await db.Orders.CountAsync(Ct),
            await db.Employees.CountAsync(Ct),
            // The receipt of an accepted order is sent in the background and audited when it goes: not the request's doing.
            await db.AuditEntries.CountAsync(a => a.Action != "CaseMail.Sent", Ct),
            await db.Grants.CountAsync(Ct),
            await db.CaseNumberCounters.CountAsync(Ct));
    }

    private sealed record StoredRows(int Orders, int Employees, int AuditEntries, int Grants, int CaseCounters);
}
