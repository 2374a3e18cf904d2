using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.CaseMail;

/// <summary>
/// Each event of a case records its e-mail in the event's own save, once: the question, the completion with what it
/// granted, the rejection with its reason, the orderer's answer to the operator who has the case.
/// </summary>
public sealed class CaseMessagesTests : IAsyncLifetime
{
    private static readonly Actor Chef = new("chef1-oid", "Anna Lindqvist");
    private static readonly string[] PersonnummerForms = ["19900101-1239", "199001011239", "900101-1239", "9001011239"];

    private TestDatabase? _database;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    private CaseWork Work => AppServices.CaseWork(Database, "operator");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(AppServices.Clock());
    }

    public ValueTask DisposeAsync()
    {
        _database?.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Question_IsRecordedWithTheMove_Once_AndASecondQuestionIsASecondMessage()
    {
        var id = await PlaceAsync();
        var version = await TakeAsync(id);

        version = Done(await Work.MoveAsync(id, version, OrderStatus.WaitingForOrderer, "Vilken titel ska hon ha?", Ct)).Version;
        // The same event told again (a retried save) records nothing more.
        await using (var db = Database.CreateDbContext())
        {
            var order = await db.Orders.Include(o => o.Employee).SingleAsync(o => o.Id == id, Ct);
            await AppServices.CaseNotices().OnQuestionAsync(db, order, Ct);
            await db.SaveChangesAsync(Ct);
        }

        var question = Assert.Single(await MessagesAsync(id, CaseMessageKind.Question));
        Assert.Equal(("anna.lindqvist@kommun.example", 1), (question.ToEmail.Value, question.Sequence));
        Assert.Equal("SOC-2026-00001: Soc-IT har en fråga om din beställning", question.Subject);
        Assert.Contains("Vilken titel ska hon ha?", question.Body, StringComparison.Ordinal);
        Assert.Contains("/my-orders", question.Body, StringComparison.Ordinal);

        version = Done(await AppServices.CaseAnswers(Database, "chef1").AnswerAsync(id, version, "Undersköterska.", Ct)).Version;
        Done(await Work.MoveAsync(id, version, OrderStatus.WaitingForOrderer, "Och startdagen?", Ct));

        Assert.Equal([1, 2], (await MessagesAsync(id, CaseMessageKind.Question)).Select(m => m.Sequence));
    }

    [Fact]
    public async Task Answer_TellsTheOperatorWhoTookTheCase_ByTheirEmail()
    {
        var id = await PlaceAsync();
        var version = Done(await Work.MoveAsync(id, await TakeAsync(id), OrderStatus.WaitingForOrderer, "Vilken titel?", Ct)).Version;

        Done(await AppServices.CaseAnswers(Database, "chef1").AnswerAsync(id, version, "Undersköterska, som beställt.", Ct));

        var answered = Assert.Single(await MessagesAsync(id, CaseMessageKind.Answered));
        Assert.Equal(("Sara Nilsson", "sara.nilsson@kommun.example"), (answered.ToName, answered.ToEmail.Value));
        Assert.Equal("SOC-2026-00001: beställaren har svarat", answered.Subject);
        Assert.Contains("Anna Lindqvist har svarat på din fråga i SOC-2026-00001", answered.Body, StringComparison.Ordinal);
        Assert.Contains("Undersköterska, som beställt.", answered.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completion_ListsTheGrants_ThePool_AndThePersonalCodeToCollect_Once()
    {
        var id = await PlaceAsync();

        await CompleteAsync(id);

        var completed = Assert.Single(await MessagesAsync(id, CaseMessageKind.Completed));
        Assert.Equal("SOC-2026-00001: ärendet är klart", completed.Subject);
        Assert.Contains("Behörigheter:", completed.Body, StringComparison.Ordinal);
        await using var db = Database.CreateDbContext();
        var grants = await db.Grants.AsNoTracking().Where(g => g.SourceOrderId == id).ToListAsync(Ct);
        Assert.NotEmpty(grants);
        Assert.All(grants, g => Assert.Contains($"- {g.SystemName}: {g.LevelName}", completed.Body, StringComparison.Ordinal));
        Assert.Contains("Digital nyckel (Swedlock): medarbetaren är med i nyckelpoolen", completed.Body, StringComparison.Ordinal);
        Assert.Contains("Personlig kod: medarbetaren har fått en personlig kod", completed.Body, StringComparison.Ordinal);
        Assert.Contains("hämtar den hos Soc-IT", completed.Body, StringComparison.Ordinal);
        AssertNoPersonnummer(completed.Body);
    }

    [Fact]
    public async Task Rejection_GivesTheReason_Once()
    {
        var id = await PlaceAsync();

        Done(await Work.MoveAsync(id, await TakeAsync(id), OrderStatus.Rejected, "Fel verksamhet i beställningen.", Ct));

        var rejected = Assert.Single(await MessagesAsync(id, CaseMessageKind.Rejected));
        Assert.Equal("SOC-2026-00001: ärendet är avvisat", rejected.Subject);
        Assert.Contains("Skäl:\nFel verksamhet i beställningen.".ReplaceLineEndings(), rejected.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProtectedPersonsCase_NamesThemInNoMessage_AndNoMessageHasAPersonnummer()
    {
        var id = await PlaceAsync();
        await AppServices.EmployeeRegister(Database, "operator").SetProtectionAsync(1, isProtected: true, "Skyddad folkbokföring", Ct);
        var version = Done(await Work.MoveAsync(id, await TakeAsync(id), OrderStatus.WaitingForOrderer, "Vilken titel?", Ct)).Version;
        Done(await AppServices.CaseAnswers(Database, "chef1").AnswerAsync(id, version, "Undersköterska.", Ct));
        await CompleteAsync(id);
        var second = await PlaceAsync(OrderRequests.Extend());
        Done(await Work.MoveAsync(second, await TakeAsync(second), OrderStatus.Rejected, "Behövs inte.", Ct));

        await using var db = Database.CreateDbContext();
        var messages = await db.CaseMessages.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(
            [CaseMessageKind.Question, CaseMessageKind.Answered, CaseMessageKind.Completed, CaseMessageKind.Rejected],
            messages.Where(m => m.Kind != CaseMessageKind.Received).OrderBy(m => m.Id).Select(m => m.Kind));
        Assert.All(messages.Where(m => m.Kind is CaseMessageKind.Question or CaseMessageKind.Completed or CaseMessageKind.Rejected),
            m => Assert.Contains("Skyddad person", m.Body, StringComparison.Ordinal));
        // Only the first order's receipt was written before the person was protected.
        Assert.All(messages.Where(m => !(m.OrderId == id && m.Kind == CaseMessageKind.Received)), m =>
        {
            Assert.DoesNotContain("Lisa Andersson", m.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Lisa Andersson", m.Subject, StringComparison.Ordinal);
            AssertNoPersonnummer(m.Body + m.Subject);
        });
        Assert.All(messages, m => AssertNoPersonnummer(m.Body + m.Subject));
    }

    private static void AssertNoPersonnummer(string text) =>
        Assert.All(PersonnummerForms, form => Assert.DoesNotContain(form, text, StringComparison.Ordinal));

    private static CaseResult.Done Done(CaseResult result) => Assert.IsType<CaseResult.Done>(result);

    private async Task<int> PlaceAsync(OrderRequest? request = null)
    {
        var result = await AppServices.OrderIntake(Database).PlaceAsync(request ?? OrderRequests.NewUndersköterska(), OrderChannel.Console, Chef, ct: Ct);
        return Assert.IsType<PlaceOrderResult.Created>(result).Receipt.Id;
    }

    private async Task<int> TakeAsync(int id)
    {
        var version = (await Work.GetAsync(id, Ct))!.Version;
        return Done(await Work.TakeAsync(id, version, Ct)).Version;
    }

    private async Task CompleteAsync(int id)
    {
        var details = (await Work.GetAsync(id, Ct))!;
        var version = details.AssignedToName is null ? await TakeAsync(id) : details.Version;
        foreach (var item in (await Work.GetAsync(id, Ct))!.Checklist)
        {
            version = Done(await Work.MarkItemAsync(id, version, item.Id, ChecklistState.Done, null, Ct)).Version;
        }

        Done(await Work.MoveAsync(id, version, OrderStatus.Completed, null, Ct));
    }

    private async Task<List<CaseMessage>> MessagesAsync(int orderId, CaseMessageKind kind)
    {
        await using var db = Database.CreateDbContext();
        return await db.CaseMessages.AsNoTracking().Where(m => m.OrderId == orderId && m.Kind == kind).OrderBy(m => m.Id).ToListAsync(Ct);
    }
}
