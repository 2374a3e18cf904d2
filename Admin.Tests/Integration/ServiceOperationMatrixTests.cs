using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Consents;
using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Admin.Features.Grants;
using SocItConsole.Admin.Features.Hr;
using SocItConsole.Admin.Features.Keys;
using SocItConsole.Admin.Features.MasterData;
using SocItConsole.Admin.Features.Matrix;
using SocItConsole.Admin.Features.Orderers;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Features.People;
using SocItConsole.Admin.Features.Reviews;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Hr;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.Reviews;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// Holds the service layer to <c>docs/security/service-operations.md</c>: every service operation has a row, and every
/// cell of the table — five users × each operation that changes data — is called on a fresh copy of one prepared
/// database and checked: allowed writes exactly its audit entries and nothing else to the trail; denied throws, changes
/// nothing and writes exactly one security event.
/// </summary>
public sealed partial class ServiceOperationMatrixTests(ServiceOperationWorld world, ITestOutputHelper output)
    : IClassFixture<ServiceOperationWorld>
{
    public static readonly (string Column, string? User)[] Users =
    [
        ("Anonym", null), ("Inloggad utan roll", "utanroll"), ("Manager", "chef1"), ("Operator", "operator"), ("Administrator", "admin"),
    ];

    [Fact]
    public void EveryServiceOperation_HasExactlyOneRow_AndEveryRowNamesAnOperation()
    {
        var table = OperationTable.Read();
        var operations = ServiceOperations(world.Registrations);
        var documented = table.Changing.Select(r => r.Operation).Concat(table.System).Concat(table.ReadOnly).ToList();

        var missing = operations.Except(documented).Order(StringComparer.Ordinal).ToList();
        var unknown = documented.Except(operations).Order(StringComparer.Ordinal).ToList();
        var twice = documented.GroupBy(d => d).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.True(missing.Count == 0, "Service operations without a row in docs/security/service-operations.md: " + string.Join(", ", missing));
        Assert.True(unknown.Count == 0, "Rows naming no service operation: " + string.Join(", ", unknown));
        Assert.True(twice.Count == 0, "Operations in more than one row: " + string.Join(", ", twice));
        Assert.All(table.Changing, row => Assert.NotEmpty(row.Actions));
        output.WriteLine($"{operations.Count} service operations: {table.Changing.Count} change data or are audited, "
            + $"{table.System.Count} run without a user, {table.ReadOnly.Count} read.");
    }

    [Fact]
    public async Task EveryCell_AllowedWritesItsAuditEntries_DeniedThrowsChangesNothingAndLogsOneSecurityEvent()
    {
        var table = OperationTable.Read();
        var failures = new List<string>();
        var (allowed, denied, entries) = (0, 0, 0);
        foreach (var row in table.Changing)
        {
            foreach (var (column, user) in Users)
            {
                var expectAllowed = row.Cells[column];
                var outcome = await RunCellAsync(row, user, expectAllowed);
                if (outcome.Failure is { } failure)
                {
                    failures.Add($"{row.Operation} as {column}: {failure}");
                }

                if (expectAllowed)
                {
                    allowed++;
                    entries += outcome.AuditEntries;
                }
                else
                {
                    denied++;
                }
            }
        }

        output.WriteLine($"{table.Changing.Count} operations × {Users.Length} users = {allowed + denied} cells: {allowed} allowed "
            + $"({entries} audit entries counted), {denied} denied (as many security events).");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task AuditEntries_CannotBeChangedOrDeleted_ThroughRawSql()
    {
        using var database = world.Copy();
        var before = (await database.DumpAsync())["AuditEntries"];
        Assert.NotEmpty(before);
        var ct = TestContext.Current.CancellationToken;

        string[] attempts = database.IsPostgreSql
            ?
            [
                """UPDATE "AuditEntries" SET "Summary" = 'Ingenting hände.'""",
                """UPDATE "AuditEntries" SET "ActorId" = 'någon annan' WHERE "Id" = (SELECT MIN("Id") FROM "AuditEntries")""",
                "DELETE FROM \"AuditEntries\"",
                """DELETE FROM "AuditEntries" WHERE "Id" = (SELECT MAX("Id") FROM "AuditEntries")""",
                "TRUNCATE \"AuditEntries\"",
                """INSERT INTO "AuditEntries" SELECT * FROM "AuditEntries" LIMIT 1 ON CONFLICT ("Id") DO UPDATE SET "Summary" = 'Ingenting hände.'""",
            ]
            :
            [
                "UPDATE AuditEntries SET Summary = 'Ingenting hände.'",
                "UPDATE AuditEntries SET ActorId = 'någon annan' WHERE Id = (SELECT MIN(Id) FROM AuditEntries)",
                "DELETE FROM AuditEntries",
                "DELETE FROM AuditEntries WHERE Id = (SELECT MAX(Id) FROM AuditEntries)",
                "INSERT OR REPLACE INTO AuditEntries SELECT * FROM AuditEntries",
                "REPLACE INTO AuditEntries (Id, OccurredAt, ActorId, ActorName, Action, EntityType, EntityId, Summary) "
                    + "SELECT Id, OccurredAt, 'någon annan', 'Någon Annan', Action, EntityType, EntityId, 'Ingenting hände.' FROM AuditEntries LIMIT 1",
                "INSERT INTO AuditEntries SELECT * FROM AuditEntries WHERE true LIMIT 1 ON CONFLICT (Id) DO UPDATE SET Summary = 'Ingenting hände.'",
            ];
        foreach (var sql in attempts)
        {
            // Each through a connection of its own: on PostgreSQL a refused statement ends its transaction.
            await using var db = database.CreateDbContext();
            var refused = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync(sql, ct));
            Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, (await database.DumpAsync())["AuditEntries"]);
    }

    [Fact]
    public void NoAppCode_ChangesOrDeletesAuditEntries_AndNoServiceTakesOne()
    {
        var root = RepositoryFiles.Root();
        var writes = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "Admin"), "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                         && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                         && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            writes.AddRange(AuditWrite().Matches(text).Select(m => $"{Path.GetRelativePath(root, file)}: {m.Value}"));
        }

        Assert.True(writes.Count == 0, "Code that changes or deletes audit entries: " + string.Join("; ", writes));

        var takers = FeatureServiceTypes(world.Registrations)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(AuditEntry)))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();
        Assert.Empty(takers);
    }

    /// <summary>
    /// The public, instance, Task-returning methods declared on the feature classes the app registers (hosted
    /// services excepted): the rule the document states.
    /// </summary>
    internal static IReadOnlyList<string> ServiceOperations(IEnumerable<ServiceDescriptor> registrations) =>
        [.. FeatureServiceTypes(registrations)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && typeof(Task).IsAssignableFrom(m.ReturnType))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .Distinct()
            .Order(StringComparer.Ordinal)];

    internal static IReadOnlyList<Type> FeatureServiceTypes(IEnumerable<ServiceDescriptor> registrations) =>
        [.. registrations
            .Where(r => !r.IsKeyedService)
            .Select(r => r.ImplementationType ?? r.ImplementationInstance?.GetType())
            .OfType<Type>()
            .Where(t => t.Namespace?.StartsWith("SocItConsole.Admin.Features", StringComparison.Ordinal) == true)
            .Where(t => !typeof(IHostedService).IsAssignableFrom(t))
            .Distinct()];

    private async Task<(string? Failure, int AuditEntries)> RunCellAsync(OperationRow row, string? userName, bool expectAllowed)
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = world.Copy();
        var user = userName is null ? new ClaimsPrincipal(new ClaimsIdentity()) : DevUsers.Find(userName)!.ToPrincipal();
        var objectId = userName is null ? "(anonym)" : user.FindFirst(UserClaims.ObjectId)!.Value;
        using var logs = new LogSink();
        var before = await database.DumpAsync();
        long lastAudit;
        await using (var db = database.CreateDbContext())
        {
            lastAudit = await db.AuditEntries.MaxAsync(a => a.Id, ct);
        }

        object? result = null;
        Exception? thrown = null;
        await using (var services = world.Services(database, user, logs))
        {
            await using var scope = services.CreateAsyncScope();
            try
            {
                result = await ActAsync(row.Operation, scope.ServiceProvider, userName, ct);
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                thrown = e;
            }
        }

        var security = logs.Records.Where(r => r.Category == SecurityLog.Category).ToList();
        await using var check = database.CreateDbContext();
        var added = await check.AuditEntries.AsNoTracking().Where(a => a.Id > lastAudit).OrderBy(a => a.Id).ToListAsync(ct);
        var after = await database.DumpAsync();

        if (!expectAllowed)
        {
            if (thrown is not UnauthorizedAccessException)
            {
                return ($"expected UnauthorizedAccessException, got {thrown?.GetType().Name ?? Describe(result)}", 0);
            }

            if (added.Count > 0)
            {
                return ($"denied but wrote {added.Count} audit entries ({string.Join(", ", added.Select(a => a.Action))})", 0);
            }

            if (before.Keys.FirstOrDefault(t => before[t] != after[t]) is { } changed)
            {
                return ($"denied but table {changed} changed", 0);
            }

            return (DeniedEventProblem(security, objectId, row.Policy, userName), 0);
        }

        if (thrown is not null)
        {
            return ($"expected success, threw {thrown.GetType().Name}: {thrown.Message}", added.Count);
        }

        if (Failure(result) is { } refused)
        {
            return ($"expected success, got {refused}", added.Count);
        }

        if (security.Count > 0)
        {
            return ($"allowed but logged {security.Count} security event(s)", added.Count);
        }

        if (before["AuditEntries"].Split('\n').Except(after["AuditEntries"].Split('\n')).FirstOrDefault() is { } lost)
        {
            return ($"an earlier audit entry changed or disappeared: {lost}", added.Count);
        }

        return (AllowedEntriesProblem(row, added, objectId), added.Count);
    }

    private static string? DeniedEventProblem(List<LogRecord> security, string objectId, string policy, string? userName)
    {
        if (security.Count != 1)
        {
            return $"expected exactly one security event, got {security.Count}";
        }

        var e = security[0];
        if (e.EventId.Id != SecurityLog.OperationDeniedId || e.EventId.Name != "OperationDenied" || e.Level != LogLevel.Warning)
        {
            return $"security event was {e.EventId} at {e.Level}";
        }

        if (e.Values.GetValueOrDefault("UserObjectId") != objectId || e.Values.GetValueOrDefault("Policy") != policy)
        {
            return $"security event named user '{e.Values.GetValueOrDefault("UserObjectId")}' and policy '{e.Values.GetValueOrDefault("Policy")}', "
                + $"expected '{objectId}' and '{policy}'";
        }

        if (userName is not null && DevUsers.Find(userName) is { } dev
            && (e.Message.Contains(dev.DisplayName, StringComparison.OrdinalIgnoreCase) || e.Message.Contains(dev.Email, StringComparison.OrdinalIgnoreCase)
                || e.Message.Contains(dev.UserName, StringComparison.OrdinalIgnoreCase)))
        {
            return $"security event names the user: {e.Message}";
        }

        return Digits().IsMatch(e.Message.Replace(objectId, "", StringComparison.Ordinal)) ? $"security event has a number in it: {e.Message}" : null;
    }

    private static string? AllowedEntriesProblem(OperationRow row, List<AuditEntry> added, string objectId)
    {
        var mine = added.Where(a => a.ActorId == objectId).ToList();
        var others = added.Except(mine).ToList();
        var expected = row.Actions.Select(a => $"{a.Action} ({a.EntityType})").Order(StringComparer.Ordinal).ToList();
        var actual = mine.Select(a => $"{a.Action} ({a.EntityType})").Order(StringComparer.Ordinal).ToList();
        if (!expected.SequenceEqual(actual))
        {
            return $"expected the user's entries [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]"
                + (others.Count > 0 ? $" and others [{string.Join(", ", others.Select(o => $"{o.ActorId}: {o.Action}"))}]" : "");
        }

        if (others.FirstOrDefault(o => !o.ActorId.StartsWith("job:", StringComparison.Ordinal) || !row.FollowOns.Contains(o.Action)) is { } stray)
        {
            return $"unexpected entry {stray.Action} by {stray.ActorId}";
        }

        foreach (var entry in added)
        {
            if (string.IsNullOrWhiteSpace(entry.ActorId) || string.IsNullOrWhiteSpace(entry.ActorName) || string.IsNullOrWhiteSpace(entry.EntityId)
                || string.IsNullOrWhiteSpace(entry.Summary))
            {
                return $"{entry.Action} lacks its actor, entity id or summary";
            }

            if (entry.OccurredAt.Offset != TimeSpan.Zero || entry.OccurredAt != AppServicesClockNow)
            {
                return $"{entry.Action} was stamped {entry.OccurredAt:O}, not the UTC now {AppServicesClockNow:O}";
            }

            foreach (var json in new[] { entry.Before, entry.After }.OfType<string>())
            {
                try
                {
                    using var _ = JsonDocument.Parse(json);
                }
                catch (JsonException)
                {
                    return $"{entry.Action} has before/after that is not JSON: {json}";
                }
            }

            if (!row.IsRead && entry.ActorId == objectId && entry.Before is null && entry.After is null)
            {
                return $"{entry.Action} records neither before nor after";
            }
        }

        return null;
    }

    private static readonly DateTimeOffset AppServicesClockNow = AppServices.Clock().GetUtcNow();

    private static string? Failure(object? result) => result switch
    {
        null => "no result",
        MasterDataResult m => m.Succeeded ? null : m.Error,
        AppointmentResult.Invalid invalid => string.Join(" ", invalid.Errors.Values),
        UnitGrantResult.Done { Existing: true } done => "an existing order: " + done.Message,
        _ when result.GetType().Name is "Refused" or "Conflict" or "Rejected" or "Invalid" or "IdempotencyConflict" or "Replayed" => result.ToString(),
        _ => null,
    };

    /// <summary>The one finding's result of a confirmation of one (a list of results is not a refusal by itself).</summary>
    private static HrFindingResult Single(IReadOnlyList<HrFindingResult> results) => Assert.Single(results);

    private static string Describe(object? result) => result is null ? "no exception and no result" : $"no exception ({Failure(result) ?? result.GetType().Name})";

    /// <summary>One call per documented operation, on the prepared world, with arguments that make it succeed when allowed.</summary>
    private async Task<object?> ActAsync(string operation, IServiceProvider services, string? userName, CancellationToken ct)
    {
        var ids = world.Ids;
        T S<T>()
            where T : notnull => services.GetRequiredService<T>();
        var today = ServiceOperationWorld.Today;
        return operation switch
        {
            "OrderForm.SubmitAsync" => await S<OrderForm>().SubmitAsync(
                await (OrderRequests.NewUndersköterska(KeyRegisterData.PersonnummerFor(700)) with { EmployeeName = "Nora Nyberg" })
                    .ByIdAsync(S<OrderIntake>()),
                userName == "operator" ? OrderChannel.Phone : OrderChannel.Console, ct),
            "BatchOrders.PlaceAsync" => await S<BatchOrders>().PlaceAsync(
                Guid.NewGuid().ToString("N"),
                [
                    new BatchOrderRow
                    {
                        Name = "Nils Nyberg", Personnummer = KeyRegisterData.PersonnummerFor(701), Title = "Undersköterska",
                        Unit = "Hemtjänst Centrum", StartDate = today.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                        Key = "Nyckelpool",
                    },
                ],
                null,
                ct),
            "CaseWork.TakeAsync" => await S<CaseWork>().TakeAsync(ids.WaitingOrder, ids.WaitingOrderVersion, ct),
            "CaseWork.MarkItemAsync" => await S<CaseWork>().MarkItemAsync(
                ids.TakenOrder, ids.TakenOrderVersion, ids.TakenOrderItem, ChecklistState.Done, "Klart.", ct),
            "CaseWork.CommentAsync" => await S<CaseWork>().CommentAsync(ids.TakenOrder, ids.TakenOrderVersion, "Ringde chefen.", ct),
            "CaseWork.ConfirmOrdererAsync" => await S<CaseWork>().ConfirmOrdererAsync(ids.UncheckedOrder, ids.UncheckedOrderVersion, ct),
            "CaseWork.MoveAsync" => await S<CaseWork>().MoveAsync(
                ids.TakenOrder, ids.TakenOrderVersion, OrderStatus.WaitingForOrderer, "Väntar på svar om titel.", ct),
            "CaseAnswers.AnswerAsync" => await S<CaseAnswers>().AnswerAsync(ids.AskedOrder, ids.AskedOrderVersion, "Undersköterska, som beställt.", ct),
            "EmployeeRegister.RevealPersonnummerAsync" => await S<EmployeeRegister>().RevealPersonnummerAsync(ids.TakenOrderEmployee, ct),
            "EmployeeRegister.RevealNameAsync" => await S<EmployeeRegister>().RevealNameAsync(ids.TakenOrderEmployee, ct),
            "EmployeeRegister.SetProtectionAsync" => await S<EmployeeRegister>().SetProtectionAsync(
                ids.TakenOrderEmployee, isProtected: true, "Skyddad folkbokföring.", ct),
            "KeyRegister.RegisterAsync" => await S<KeyRegister>().RegisterAsync(ids.Centrum, KeyKind.Personal, null, "7654321", ct),
            "KeyRegister.AssignAsync" => await S<KeyRegister>().AssignAsync(ids.InStockKey.Id, ids.InStockKey.Version, ids.Employees[3], ct),
            "KeyRegister.MarkToBeReturnedAsync" => await S<KeyRegister>().MarkToBeReturnedAsync(ids.IssuedKey.Id, ids.IssuedKey.Version, ct),
            "KeyRegister.ReturnAsync" => await S<KeyRegister>().ReturnAsync(ids.IssuedKey.Id, ids.IssuedKey.Version, restock: false, ct),
            "KeyRegister.RestockAsync" => await S<KeyRegister>().RestockAsync(ids.ReturnedKey.Id, ids.ReturnedKey.Version, ct),
            "KeyRegister.MarkLostAsync" => await S<KeyRegister>().MarkLostAsync(ids.InStockKey.Id, ids.InStockKey.Version, "Tappad.", ct),
            "KeyRegister.RetireAsync" => await S<KeyRegister>().RetireAsync(ids.InStockKey.Id, ids.InStockKey.Version, "Trasig.", ct),
            "KeyRegister.AddToPoolAsync" => await S<KeyRegister>().AddToPoolAsync(ids.InStockKey.Id, ids.InStockKey.Version, ids.Pool, ct),
            "PoolRegister.CreateAsync" => await S<PoolRegister>().CreateAsync(ids.Centrum, "Nattpatrull", ct),
            "PoolRegister.AddMemberAsync" => await S<PoolRegister>().AddMemberAsync(ids.Pool, ids.Employees[3], today, ct),
            "PoolRegister.EndMembershipAsync" => await S<PoolRegister>().EndMembershipAsync(ids.Pool, ids.Employees[2], today.AddDays(30), ct),
            "PoolRegister.MoveToPoolAsync" => await S<PoolRegister>().MoveToPoolAsync(ids.Employees[0], ids.Pool, ct),
            "PoolRegister.MoveToPersonalKeyAsync" => await S<PoolRegister>().MoveToPersonalKeyAsync(
                ids.Employees[2], ids.InStockKey.Id, ids.InStockKey.Version, ct),
            "PersonalCodes.IssueAsync" => await S<PersonalCodes>().IssueAsync(ids.Employees[2], ct),
            "PersonalCodes.ResetAsync" => await S<PersonalCodes>().ResetAsync(ids.Employees[0], ids.CodeVersion, PersonalCodeResetReason.Forgotten, ct),
            "KeyPurchases.StartAsync" => await S<KeyPurchases>().StartAsync(ids.Centrum, null, "Behövs till nattpatrullen.", ct),
            "KeyPurchases.ReceiveAsync" => await S<KeyPurchases>().ReceiveAsync(ids.Purchase.Id, ids.Purchase.Version, "7777777", 450m, ct),
            "KeyPurchases.CancelAsync" => await S<KeyPurchases>().CancelAsync(ids.Purchase.Id, ids.Purchase.Version, "Behövs inte längre.", ct),
            "MatrixService.SaveAsync" => await S<MatrixService>().SaveAsync(ids.MatrixVersion, ids.MatrixChanges, "Beslut i test.", ct),
            "MatrixImport.ApplyAsync" => await S<MatrixImport>().ApplyAsync(ids.Import, "Från Excel.", ct),
            "MasterDataService.CreateSystemAsync" => await S<MasterDataService>().CreateSystemAsync(
                new ItSystemInput("Nytt system", null, null, false, [new SystemLevelInput(null, "Standard")]), ct),
            "MasterDataService.UpdateSystemAsync" => await S<MasterDataService>().UpdateSystemAsync(
                ids.System, new ItSystemInput("Testsystem 2", "Nu med beskrivning.", null, false, [new SystemLevelInput(ids.SystemLevel, "Standard")]), ct),
            "MasterDataService.SetSystemActiveAsync" => await S<MasterDataService>().SetSystemActiveAsync(ids.System, active: false, ct),
            "MasterDataService.DeleteSystemAsync" => await S<MasterDataService>().DeleteSystemAsync(ids.System, ct),
            "MasterDataService.CreateTitleAsync" => await S<MasterDataService>().CreateTitleAsync(new JobTitleInput("Ny titel"), ct),
            "MasterDataService.UpdateTitleAsync" => await S<MasterDataService>().UpdateTitleAsync(ids.Title, new JobTitleInput("Testtitel 2"), ct),
            "MasterDataService.SetTitleActiveAsync" => await S<MasterDataService>().SetTitleActiveAsync(ids.Title, active: false, ct),
            "MasterDataService.DeleteTitleAsync" => await S<MasterDataService>().DeleteTitleAsync(ids.Title, ct),
            "MasterDataService.CreateUnitAsync" => await S<MasterDataService>().CreateUnitAsync(ServiceOperationWorld.UnitInput("Ny enhet"), ct),
            "MasterDataService.UpdateUnitAsync" => await S<MasterDataService>().UpdateUnitAsync(ids.Unit, ServiceOperationWorld.UnitInput("Testenhet 2"), ct),
            "MasterDataService.SetUnitActiveAsync" => await S<MasterDataService>().SetUnitActiveAsync(ids.Unit, active: false, ct),
            "MasterDataService.DeleteUnitAsync" => await S<MasterDataService>().DeleteUnitAsync(ids.Unit, ct),
            "HrMappings.MapAsync" => await S<HrMappings>().MapAsync(ids.HrPending, ids.Centrum, ct),
            "HrMappings.IgnoreAsync" => await S<HrMappings>().IgnoreAsync(ids.HrPending, ct),
            "HrMappings.ReopenAsync" => await S<HrMappings>().ReopenAsync(ids.HrDecided, ct),
            "HrMappings.AddAsync" => await S<HrMappings>().AddAsync(HrMappingKind.Title, "Undersköterska natt", ids.Title, ct),
            "FollowUpService.EndAsync" => await S<FollowUpService>().EndAsync(ids.FollowUp, ids.FollowUpVersion, ct),
            "FollowUpService.ExtendAsync" => await S<FollowUpService>().ExtendAsync(ids.FollowUp, ids.FollowUpVersion, today.AddDays(60), ct),
            "FollowUpService.EndGrantAsync" => await S<FollowUpService>().EndGrantAsync(ids.EndFollowUp, ids.EndFollowUpGrant, ct),
            "FollowUpService.ExtendGrantAsync" => await S<FollowUpService>().ExtendGrantAsync(ids.EndFollowUp, ids.EndFollowUpGrant, today.AddDays(60), ct),
            "Outbox.RunNowAsync" => await S<Outbox>().RunNowAsync(dryRun: false, ct),
            "AppointedOrderers.AppointAsync" => await S<AppointedOrderers>().AppointAsync(
                new AppointInput(ids.Centrum, "Nils Nord", "nils.nord@kommun.example", today, today.AddDays(90)), ct),
            "AppointedOrderers.EndAsync" => await S<AppointedOrderers>().EndAsync(await DemoAppointmentAsync(services, ct), ct),
            "UnitGrants.RequestEndAsync" => await S<UnitGrants>().RequestEndAsync(ids.PermanentGrant, ct),
            "UnitGrants.RequestExtensionAsync" => await S<UnitGrants>().RequestExtensionAsync(ids.TemporaryGrant, today.AddDays(60), ct),
            "UnitGrants.ExportAsync" => await S<UnitGrants>().ExportAsync(new UnitGrantQuery(ids.Centrum), ct),
            "ReviewRounds.StartAsync" => await S<ReviewRounds>().StartAsync(
                new ReviewRoundForm { Name = "Granskning av Skrea", UnitIds = [ids.Skrea], DueDate = today.AddDays(21) }, ct),
            "ReviewRounds.CloseAsync" => await S<ReviewRounds>().CloseAsync(ids.Round, ids.RoundVersion, "Avslutas i förtid i testet.", ct),
            "ReviewRounds.EvidenceCsvAsync" => await S<ReviewRounds>().EvidenceCsvAsync(ids.Round, ct),
            "ReviewTasks.AnswerAsync" => await S<ReviewTasks>().AnswerAsync(ids.Round, ids.KeptLine, ReviewAnswer.Keep, null, ct),
            "ReviewTasks.RetryRemovalOrderAsync" => await S<ReviewTasks>().RetryRemovalOrderAsync(ids.Round, ids.RemovedLine, ct),
            "ReviewTasks.KeepAllForAsync" => await S<ReviewTasks>().KeepAllForAsync(ids.Round, ids.Centrum, ids.KeepAllEmployee, ct),
            "ConsentService.ApproveAsync" => await S<ConsentService>().ApproveAsync(ids.Consent, ct),
            "ConsentService.RejectAsync" => await S<ConsentService>().RejectAsync(ids.Consent, "Ingen handledare på plats.", ct),
            "ConsentService.RecordByPhoneAsync" => await S<ConsentService>().RecordByPhoneAsync(
                ids.ConsentOrder, approved: true, "Anna Lindqvist ringde och godkände.", ct),
            "HrFindings.ConfirmAsync" => Single(await S<HrFindings>().ConfirmAsync([ids.HrLeaver], ct: ct)),
            "HrFindings.ConfirmAllAsync" => Single(await S<HrFindings>().ConfirmAllAsync(ids.HrRun, HrFindingKind.Leaver, ct: ct)),
            "HrFindings.DismissAsync" => await S<HrFindings>().DismissAsync(ids.HrLeaver, "Kontrollerad", ct),
            "HrImportService.ReconcileAsync" => await S<SocItConsole.Admin.Features.Hr.HrImportService>().ReconcileAsync(
                System.Text.Encoding.UTF8.GetBytes("Personnummer;Namn;Enhet;Titel;Startdatum;Slutdatum\n19820407-2428;Maria Lundgren;4110;Undersköterska;2020-01-01;\n"),
                "hr.csv", today, ct),
            _ => throw new InvalidOperationException($"No call written for {operation}: add one to {nameof(ActAsync)}."),
        };
    }

    /// <summary>The demo data's appointed orderer (bestallare1) in Hemtjänst Centrum.</summary>
    private static async Task<int> DemoAppointmentAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<SocItConsole.Admin.Data.SocItDbContext>>()
            .CreateDbContextAsync(ct);
        var email = SocItConsole.Shared.Common.EmailAddress.Parse(SocItConsole.Admin.Data.Demo.DemoOrganisation.FridaNyman.Email);
        return await db.AppointedOrderers.Where(a => a.Email == email).Select(a => a.Id).SingleAsync(ct);
    }

    [GeneratedRegex(@"AuditEntries\s*\.\s*(Remove|RemoveRange|Update|UpdateRange|Attach|AttachRange|ExecuteUpdate\w*|ExecuteDelete\w*)\b|(UPDATE|DELETE\s+FROM|REPLACE\s+INTO|DROP\s+TRIGGER)\s+""?AuditEntries|Entry<AuditEntry>|Entries<AuditEntry>\(\)\s*\.\s*Where[^;]*State\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex AuditWrite();

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex Digits();
}

/// <summary>The operation row of the document: who may call it, the policy and the audit entries it writes.</summary>
public sealed record OperationRow(
    string Operation,
    IReadOnlyDictionary<string, bool> Cells,
    string Policy,
    IReadOnlyList<(string Action, string EntityType)> Actions,
    IReadOnlySet<string> FollowOns,
    bool IsRead);

/// <summary>The three tables of <c>docs/security/service-operations.md</c>.</summary>
public sealed partial record OperationTable(IReadOnlyList<OperationRow> Changing, IReadOnlyList<string> System, IReadOnlyList<string> ReadOnly)
{
    public const string DocumentPath = "docs/security/service-operations.md";

    public static OperationTable Read()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryFiles.Root(), DocumentPath));
        var changing = new List<OperationRow>();
        var system = new List<string>();
        var readOnly = new List<string>();
        string[]? header = null;
        foreach (var line in lines.Select(l => l.Trim()))
        {
            if (!line.StartsWith('|'))
            {
                header = null;
                continue;
            }

            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (header is null)
            {
                header = cells;
                continue;
            }

            if (cells.All(c => c.StartsWith("---", StringComparison.Ordinal)))
            {
                continue;
            }

            var operation = cells[0].Trim('`');
            if (header.Contains("Anonym"))
            {
                string Cell(string column) => cells[Array.IndexOf(header, column)];
                var verdicts = ServiceOperationMatrixTests.Users.ToDictionary(
                    u => u.Column,
                    u => Cell(u.Column) switch
                    {
                        "tillåten" => true,
                        "nekad" => false,
                        var other => throw new InvalidOperationException($"{operation}: '{other}' under {u.Column} is neither tillåten nor nekad."),
                    });
                var actions = ActionWithEntity().Matches(Cell("Granskningspost")).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
                var followOns = ActionOnly().Matches(Cell("Följdposter")).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
                changing.Add(new OperationRow(operation, verdicts, Cell("Policy"), actions, followOns,
                    Cell("Anmärkning").Contains("läsning", StringComparison.Ordinal)));
            }
            else if (header.Contains("Anropas av"))
            {
                system.Add(operation);
            }
            else
            {
                readOnly.Add(operation);
            }
        }

        return new OperationTable(changing, system, readOnly);
    }

    [GeneratedRegex(@"`([A-Za-z]+\.[A-Za-z]+)`\s*\(([A-Za-z]+)\)")]
    private static partial Regex ActionWithEntity();

    [GeneratedRegex(@"`([A-Za-z]+\.[A-Za-z]+)`")]
    private static partial Regex ActionOnly();
}
