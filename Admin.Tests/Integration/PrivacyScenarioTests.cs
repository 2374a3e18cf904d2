using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Admin.Features.Grants;
using SocItConsole.Admin.Features.Keys;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Features.People;
using SocItConsole.Admin.Features.Reviews;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.Reviews;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// A whole working day in the real app — orders through the API and the form, a case worked to completion, a key and a
/// personal code, the expiry reminders, a review round — with every log event captured (message, named values,
/// scopes, exceptions) and every e-mail written as the bytes that would be sent. Then every personnummer used, in every
/// way it can be written, the personal code and the API key are looked for in all of it. Run twice: with the logging the
/// app configures, and with Debug forced for every category, also those the app holds at Warning.
/// </summary>
public sealed class PrivacyScenarioTests
{
    private const string ApiKey = "dev-e-tjanst-nyckel";
    private const string CanaryCategory = "SocItConsole.Tests.PrivacyCanary";

    /// <summary>Valid personnummer, one per way into the console, and one with a wrong check digit.</summary>
    private const string ApiPnr = OrderRequests.Pnr1990;
    private const string FormPnr = OrderRequests.Pnr1985;
    private const string FollowUpPnr = GrantWorld.Pnr1977;
    private const string ReviewPnr = GrantWorld.Pnr1988;
    private const string WrongCheckDigitPnr = "19920730-4561";

    private static readonly string[] Personnummer = [ApiPnr, FormPnr, FollowUpPnr, ReviewPnr, WrongCheckDigitPnr];

    /// <summary>The categories the app holds at Warning because they would write paths, query strings or SQL.</summary>
    private static readonly string[] HeldAtWarning =
        ["Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.AspNetCore.Routing", "Microsoft.EntityFrameworkCore.Database.Command"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FullScenario_WritesNoPersonnummerCodeOrApiKey_ToAnyLogOrEmail(bool forceDebug)
    {
        var ct = TestContext.Current.CancellationToken;
        using var mail = new TempFolder();
        using var logs = new LogSink();
        var app = AdminAppFactory.Development()
            .WithSetting("Email:PickupDirectory", mail.Path)
            .WithSetting("FollowUps:CatchUpOnStartup", "false")
            .WithTestServices(services => services.AddSingleton<ILoggerProvider>(logs));
        if (forceDebug)
        {
            app.WithSetting("Logging:LogLevel:Default", "Debug")
                .WithSetting("Logging:LogLevel:Microsoft", "Debug")
                .WithSetting("Logging:LogLevel:Microsoft.AspNetCore", "Debug")
                .WithSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Debug")
                .WithSetting("Logging:LogLevel:Hangfire", "Debug")
                .WithTestServices(services => services.Configure<LoggerFilterOptions>(options =>
                {
                    options.MinLevel = LogLevel.Debug;
                    foreach (var held in HeldAtWarning)
                    {
                        options.Rules.Add(new LoggerFilterRule(null, held, LogLevel.Debug, null));
                    }
                }));
        }

        await using var _ = app;
        var responses = new List<string>();
        using var client = app.CreateTestClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        var today = AdminTimeZone.Today(TimeProvider.System);

        // Orders through the e-service's API: one accepted, its retry, and one with a personnummer that fails its check digit.
        var apiOrderId = await PostOrderAsync(client, OrderApiBodies.NewUndersköterska(ApiPnr), "privacy-1", HttpStatusCode.Created, responses);
        await PostOrderAsync(client, OrderApiBodies.NewUndersköterska(ApiPnr), "privacy-1", HttpStatusCode.OK, responses);
        await PostOrderAsync(client, OrderApiBodies.NewUndersköterska(WrongCheckDigitPnr), "privacy-2", HttpStatusCode.BadRequest, responses);
        using (var anonymous = app.CreateTestClient())
        using (var content = JsonContent(OrderApiBodies.Extend(FormPnr)))
        {
            // Without the key, and with a wrong one: refused, and the key that was tried is not logged either.
            anonymous.DefaultRequestHeaders.Add("X-Api-Key", ApiKey + "-fel");
            using var refused = await anonymous.PostAsync("/api/v1/orders", content, ct);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        // An order through the console's form, by chef1.
        await using (var chef = SignedIn(app, "chef1"))
        {
            var request = OrderRequests.Extend(FormPnr) with { EmployeeName = "Erik Berg", StartDate = today.AddDays(3), EndDate = today.AddDays(60) };
            var input = await request.ByIdAsync(chef.ServiceProvider.GetRequiredService<OrderIntake>());
            var placed = await chef.ServiceProvider.GetRequiredService<OrderForm>().SubmitAsync(input, OrderChannel.Console, ct);
            Assert.IsType<PlaceOrderResult.Created>(placed);
        }

        // The API order worked to completion by an operator, who also searches the queue by personnummer, looks at the
        // full personnummer, hands out a personal key and issues the personal code.
        string code;
        int employeeId;
        await using (var op = SignedIn(app, "operator"))
        {
            var services = op.ServiceProvider;
            var work = services.GetRequiredService<CaseWork>();
            var version = Assert.IsType<CaseResult.Done>(await work.TakeAsync(apiOrderId, 0, ct)).Version;
            var details = (await work.GetAsync(apiOrderId, ct))!;
            foreach (var item in details.Checklist)
            {
                version = Assert.IsType<CaseResult.Done>(await work.MarkItemAsync(apiOrderId, version, item.Id, ChecklistState.Done, "Klart.", ct)).Version;
            }

            var completed = await work.MoveAsync(apiOrderId, version, OrderStatus.Completed, null, ct);
            Assert.True(completed is CaseResult.Done, completed.ToString());
            employeeId = details.EmployeeId;

            var found = await services.GetRequiredService<CaseList>().SearchAsync(new CaseQuery(Search: ApiPnr), CaseSort.ReceivedNewest, 0, 10, ct);
            Assert.Contains(found.Items, c => c.Id == apiOrderId);
            Assert.Equal(ApiPnr, await services.GetRequiredService<EmployeeRegister>().RevealPersonnummerAsync(employeeId, ct));

            var factory = services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
            var key = await KeyRegisterData.KeyAsync(factory, "4110001", ct);
            var assigned = await services.GetRequiredService<KeyRegister>().AssignAsync(key.Id, key.Version, employeeId, ct);
            Assert.True(assigned is KeyResult.Done, assigned.ToString());
            code = Assert.IsType<KeyResult.CodeIssued>(await services.GetRequiredService<PersonalCodes>().IssueAsync(employeeId, ct)).Code.Reveal();

            // A temporary grant that ran out yesterday, and the reminders run from the follow-up page.
            await FollowUpWorld.AddTemporaryGrantAsync(
                services.GetRequiredService<OrderIntake>(), factory, today, "chef1", today.AddDays(-1), "Per Persson", FollowUpPnr);
            var run = await services.GetRequiredService<Outbox>().RunNowAsync(dryRun: false, ct);
            Assert.True(run.RemindersSent >= 1, run.Summary);

            // Someone in Hemtjänst Centrum with a grant today, for the review round.
            await GrantWorld.AddStaffGrantAsync(services.GetRequiredService<OrderIntake>(), factory, today, GrantWorld.Centrum, "Omar Svensson", ReviewPnr);
        }

        // A review round over Hemtjänst Centrum: chef1 is invited by e-mail, answers "Tas bort" and exports the access list.
        int roundId;
        await using (var admin = SignedIn(app, "admin"))
        {
            var factory = admin.ServiceProvider.GetRequiredService<IDbContextFactory<SocItDbContext>>();
            var centrum = await GrantWorld.UnitIdAsync(factory, GrantWorld.Centrum);
            var started = await admin.ServiceProvider.GetRequiredService<ReviewRounds>().StartAsync(
                new ReviewRoundForm { Name = "Granskning", UnitIds = [centrum], DueDate = today.AddDays(14) }, ct);
            roundId = Assert.IsType<ReviewResult.Done>(started).Id!.Value;
        }

        await using (var chef = SignedIn(app, "chef1"))
        {
            var tasks = chef.ServiceProvider.GetRequiredService<ReviewTasks>();
            var line = (await tasks.LinesByIdAsync(roundId, [.. await LineIdsAsync(chef.ServiceProvider, roundId)], ct))[0];
            Assert.IsType<ReviewResult.Done>(await tasks.AnswerAsync(roundId, line.LineId, ReviewAnswer.Remove, "Slutat.", ct));
            var export = await chef.ServiceProvider.GetRequiredService<UnitGrants>().ExportAsync(new UnitGrantQuery(line.UnitId), ct);
            responses.Add(Encoding.UTF8.GetString(export!.Content));
        }

        // A canary through the app's own logging: the scan must find a personnummer that is logged.
        var canary = Forms(ApiPnr)[1];
        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(CanaryCategory).LogWarning("Canary {Value}", canary);

        // The cases' e-mail (besked) goes out in the background after each save: wait until all of it is written.
        await CaseMailWrittenAsync(app.Services, ct);

        // The haystack: every log event and scope, every e-mail as written and as decoded, every API answer.
        var mails = await MailsAsync(mail.Path, ct);
        var all = logs.Records
            .Select(r => $"{r.Level} {r.Category} {r.EventId}: {r.Message} | {string.Join("; ", r.Values.Select(v => $"{v.Key}={v.Value}"))} | {r.Exception}")
            .Concat(logs.Scopes.Select(s => "scope " + s))
            .ToList();
        var canaries = all.Where(l => l.Contains(CanaryCategory, StringComparison.Ordinal)).ToList();
        Assert.Contains(canaries, l => Personnummer.SelectMany(Forms).Any(f => l.Contains(f, StringComparison.Ordinal)));
        var lines = all.Except(canaries).ToList();

        Assert.True(mails.Count >= 2, $"Expected the expiry reminder and the review invitation, found {mails.Count} e-mail(s).");
        Assert.Contains(mails, m => m.Text.Contains("anna.lindqvist@kommun.example", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(lines, l => l.Contains("E-mail", StringComparison.Ordinal) && l.Contains(".eml", StringComparison.Ordinal));
        if (forceDebug)
        {
            Assert.Contains(logs.Records, r => r.Level == LogLevel.Debug && r.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        }

        var needles = Personnummer.SelectMany(Forms).Append(ApiKey).Distinct(StringComparer.Ordinal).ToList();
        var hits = new List<string>();
        foreach (var needle in needles)
        {
            hits.AddRange(lines.Where(l => l.Contains(needle, StringComparison.Ordinal)).Select(l => $"log has '{needle}': {Shorten(l)}"));
            hits.AddRange(mails.Where(m => m.Text.Contains(needle, StringComparison.Ordinal)).Select(m => $"e-mail {m.Name} has '{needle}'"));
            hits.AddRange(responses.Where(r => r.Contains(needle, StringComparison.Ordinal)).Select(r => $"an answer has '{needle}': {Shorten(r)}"));
        }

        var codePattern = new Regex($"(?<![0-9]){code}(?![0-9])", RegexOptions.None, TimeSpan.FromSeconds(5));
        hits.AddRange(lines.Where(l => codePattern.IsMatch(l)).Select(l => $"log has the personal code: {Shorten(l)}"));
        hits.AddRange(mails.Where(m => codePattern.IsMatch(m.Text)).Select(m => $"e-mail {m.Name} has the personal code"));

        Assert.True(hits.Count == 0, string.Join("\n", hits.Distinct().Take(40)));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Privacy scenario ({(forceDebug ? "Debug forced" : "the app's logging")}): {logs.Records.Count} log events, {logs.Scopes.Count} scopes, "
            + $"{mails.Count} e-mails, {responses.Count} answers searched for {needles.Count} strings and one personal code: no hit.");

        await AssertRevealIsAuditedAsync(app, employeeId, ct);
    }

    /// <summary>Every way a personnummer can be written: 12 and 10 digits, with '-' or '+' or nothing.</summary>
    private static string[] Forms(string personnummer)
    {
        var digits = personnummer.Replace("-", "", StringComparison.Ordinal);
        var (century, date, serial) = (digits[..2], digits[2..8], digits[8..]);
        return [digits, digits[2..], $"{century}{date}-{serial}", $"{century}{date}+{serial}", $"{date}-{serial}", $"{date}+{serial}"];
    }

    private static async Task AssertRevealIsAuditedAsync(AdminAppFactory app, int employeeId, CancellationToken ct)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var entries = await db.AuditEntries.AsNoTracking().ToListAsync(ct);
        var reveal = Assert.Single(entries, e => e.Action == "Employee.PersonnummerViewed");
        Assert.Equal(DevUsers.Find("operator")!.ToPrincipal().FindFirst(UserClaims.ObjectId)!.Value, reveal.ActorId);
        Assert.Equal(("Employee", employeeId.ToString(System.Globalization.CultureInfo.InvariantCulture)), (reveal.EntityType, reveal.EntityId));

        // The trail says who looked, never what they saw; no entry holds a full personnummer.
        var leaks = entries
            .SelectMany(e => Personnummer.SelectMany(Forms).Where(f => $"{e.Summary} {e.Before} {e.After}".Contains(f, StringComparison.Ordinal))
                .Select(f => $"{e.Action} #{e.Id} has '{f}'"))
            .ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    private static async Task<int> PostOrderAsync(
        HttpClient client, JsonObject body, string idempotencyKey, HttpStatusCode expected, List<string> responses)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonContent(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        responses.Add($"{response.Headers} {response.Content.Headers} {text}");
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return expected == HttpStatusCode.BadRequest ? 0 : JsonNode.Parse(text)!["id"]!.GetValue<int>();
    }

    private static StringContent JsonContent(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<List<int>> LineIdsAsync(IServiceProvider services, int roundId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.ReviewLines.Where(l => l.RoundId == roundId).Select(l => l.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Waits (up to 30 seconds) until no case message is left unsent, so that every one is in the pickup folder.</summary>
    private static async Task CaseMailWrittenAsync(IServiceProvider services, CancellationToken ct)
    {
        var factory = services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await using (var db = await factory.CreateDbContextAsync(ct))
            {
                if (!await db.CaseMessages.AnyAsync(m => m.Status == SocItConsole.Shared.FollowUps.ReminderStatus.Attempted, ct))
                {
                    return;
                }
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "The cases' e-mail was not all sent.");
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }

    /// <summary>Each e-mail file as its raw bytes and as MimeKit decodes it: every header and every text part.</summary>
    private static async Task<List<(string Name, string Text)>> MailsAsync(string folder, CancellationToken ct)
    {
        var mails = new List<(string Name, string Text)>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.eml", SearchOption.AllDirectories))
        {
            var bytes = await File.ReadAllBytesAsync(path, ct);
            using var message = await MimeMessage.LoadAsync(path, ct);
            var decoded = new StringBuilder();
            foreach (var header in message.Headers)
            {
                decoded.Append(header.Field).Append(": ").AppendLine(header.Value);
            }

            foreach (var part in message.BodyParts.OfType<TextPart>())
            {
                decoded.AppendLine(part.Text);
            }

            mails.Add((Path.GetFileName(path), $"{Encoding.Latin1.GetString(bytes)}\n{Encoding.UTF8.GetString(bytes)}\n{decoded}"));
        }

        return mails;
    }

    private static AsyncServiceScope SignedIn(AdminAppFactory app, string userName)
    {
        var scope = app.Services.CreateAsyncScope();
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(DevUsers.Find(userName)!.ToPrincipal())));
        return scope;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
