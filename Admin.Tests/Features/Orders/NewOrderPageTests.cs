using Microsoft.AspNetCore.Components.Web;
using AngleSharp.Dom;
using Bunit;
using TestContext = Xunit.TestContext;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Features.Orders.Components;
using SocItConsole.Admin.Features.Orders.Pages;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Orders;

public class NewOrderPageTests : ComponentTestBase, IAsyncLifetime
{
    private static readonly string[] ContactFields = ["orderer-name", "orderer-email", "manager-name", "manager-email"];
    private TestDatabase? _database;
    private IRenderedComponent<MudPopoverProvider>? _popovers;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync();
        Services.AddOrderServices(_database, AppServices.Clock());
        SignInAs("chef1");
        RenderInteractively();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    private IRenderedComponent<NewOrderPage> RenderForm()
    {
        _popovers = Render<MudPopoverProvider>();
        var cut = Render<NewOrderPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=type-New]"));
        return cut;
    }

    [Fact]
    public async Task AManagerWithNoUnitToOrderFor_IsToldWhy_InsteadOfAnEmptyForm()
    {
        await using (var db = Database.CreateDbContext())
        {
            var anna = SocItConsole.Shared.Common.EmailAddress.Parse("anna.lindqvist@kommun.example");
            foreach (var unit in await db.Units.Where(u => u.Managers.Any(m => m.Email == anna)).ToListAsync(TestContext.Current.CancellationToken))
            {
                unit.RemoveManager(anna);
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var cut = Render<NewOrderPage>();

        cut.WaitForAssertion(() => Assert.Contains("ingen verksamhet du kan beställa för", cut.Find("[data-testid=no-ordering-units]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=type-New]"));
    }

    private static void ChooseType(IRenderedComponent<NewOrderPage> cut, string type)
    {
        cut.Find($"[data-testid=type-{type}]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=employee-section]"));
    }

    /// <summary>Opens a MudSelect (by the data-testid on its input) and clicks the option with that text.</summary>
    private void Choose(IRenderedComponent<NewOrderPage> cut, string testId, string option, int index = 0)
    {
        cut.FindAll($"[data-testid={testId}]")[index].Closest(".mud-input-control")!.MouseDown();
        var popovers = _popovers!;
        IElement? item = null;
        popovers.WaitForAssertion(() =>
            item = popovers.FindAll(".mud-popover-open [role=option]").Single(o => o.TextContent.Trim() == option));
        item!.Click();
        cut.WaitForAssertion(() => Assert.Equal(option, cut.FindAll($"[data-testid={testId}]")[index].GetAttribute("value")));
    }

    private static string ControlText(IRenderedComponent<NewOrderPage> cut, string testId) =>
        cut.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.TextContent;

    private static bool Shows(IRenderedComponent<NewOrderPage> cut, string testId) =>
        cut.FindAll($"[data-testid={testId}]").Count > 0;

    private static List<string> DerivedSystems(IRenderedComponent<NewOrderPage> cut) =>
        [.. cut.FindAll("[data-testid=derived-system]").Select(r => string.Join(": ", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim())))];

    [Fact]
    public void BeforeATypeIsChosen_OnlyTheTypesShow()
    {
        var cut = RenderForm();

        Assert.Equal(5, cut.FindAll("[data-testid^=type-][type=radio]").Count);
        Assert.Contains("Tillfällig behörighet till annan verksamhet", cut.Markup, StringComparison.Ordinal);
        Assert.False(Shows(cut, "employee-section"));
        Assert.False(Shows(cut, "submit"));
    }

    [Fact]
    public void NewPermission_ShowsTitleStartDateAndKeyChoice_ButNoSystemRows()
    {
        var cut = RenderForm();
        ChooseType(cut, "New");

        Choose(cut, "unit", "Hemtjänst Centrum");

        cut.WaitForAssertion(() => Assert.True(Shows(cut, "key-section")));
        Assert.True(Shows(cut, "title"));
        Assert.True(Shows(cut, "start-date"));
        Assert.True(Shows(cut, "end-date"));
        Assert.Contains("Slutdatum, om behörigheten är tillfällig", ControlText(cut, "end-date"), StringComparison.Ordinal);
        Assert.False(Shows(cut, "target-unit"));
        Assert.False(Shows(cut, "systems-section"));
        Assert.False(Shows(cut, "key-number"));
    }

    [Fact]
    public void AUnitWithoutDigitalKeys_HidesTheKeyChoice()
    {
        // An operator: chef1 may order only for her own units, which both use digital keys.
        SignInAs("operator");
        var cut = RenderForm();
        ChooseType(cut, "New");
        Choose(cut, "unit", "Hemtjänst Centrum");
        cut.WaitForAssertion(() => Assert.True(Shows(cut, "key-section")));

        Choose(cut, "unit", "IFO Vuxen");

        cut.WaitForAssertion(() => Assert.False(Shows(cut, "key-section")));
    }

    [Fact]
    public void PersonalKey_RevealsTheKeyNumber_AndBuyingANewKeySaysTheUnitPays()
    {
        var cut = RenderForm();
        ChooseType(cut, "New");
        Choose(cut, "unit", "Hemtjänst Centrum");
        cut.WaitForAssertion(() => Assert.True(Shows(cut, "key-section")));

        cut.Find("[data-testid=key-PersonalKey]").Click();
        cut.WaitForAssertion(() => Assert.True(Shows(cut, "key-number")));
        Assert.Contains("Nyckelnummer", ControlText(cut, "key-number"), StringComparison.Ordinal);

        cut.Find("[data-testid=key-BuyNewKey]").Click();
        cut.WaitForAssertion(() => Assert.False(Shows(cut, "key-number")));
        Assert.Contains("Verksamheten betalar för nyckeln", cut.Find("[data-testid=buy-key-note]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TemporaryAccess_ShowsTheOtherUnit_RequiresAnEndDate_AndAsksForAKeyByTheOtherUnit()
    {
        var cut = RenderForm();
        ChooseType(cut, "TemporaryUnit");

        Assert.True(Shows(cut, "target-unit"));
        Assert.True(Shows(cut, "title"));
        Assert.True(Shows(cut, "start-date"));
        var endDate = cut.Find("[data-testid=end-date]");
        Assert.True(endDate.HasAttribute("required"));
        Assert.Contains("Slutdatum", ControlText(cut, "end-date"), StringComparison.Ordinal);
        Assert.DoesNotContain("om behörigheten är tillfällig", ControlText(cut, "end-date"), StringComparison.Ordinal);

        Choose(cut, "unit", "Hemtjänst Skrea");
        Choose(cut, "target-unit", "Hemtjänst Centrum");

        cut.WaitForAssertion(() => Assert.True(Shows(cut, "key-section")));
        Assert.Contains("Hemtjänst Centrum använder digitala nycklar", cut.Find("[data-testid=key-section]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void EndOfEmployment_ShowsTheLastWorkingDayAndTheReturnChecklist_WithoutTitleOrStartDate()
    {
        var cut = RenderForm();
        ChooseType(cut, "Terminate");

        Assert.Contains("Sista arbetsdag", ControlText(cut, "end-date"), StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=end-date]").HasAttribute("required"));
        Assert.True(Shows(cut, "unit"));
        Assert.False(Shows(cut, "title"));
        Assert.False(Shows(cut, "start-date"));
        Assert.False(Shows(cut, "key-section"));
        Assert.False(Shows(cut, "systems-section"));
        var checklist = cut.Find("[data-testid=return-checklist]").TextContent;
        Assert.Contains("Telefonen", checklist, StringComparison.Ordinal);
        Assert.Contains("Den digitala nyckeln", checklist, StringComparison.Ordinal);
        Assert.Contains("Falkenbergskortet/SITHS-kortet", checklist, StringComparison.Ordinal);
        Assert.Contains("upphör den sista arbetsdagen", cut.Find("[data-testid=terminate-note]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Extension_ShowsSystemRows_WithTheLevelsOfTheChosenSystem_AndListsThemBeside()
    {
        var cut = RenderForm();
        ChooseType(cut, "Extend");

        Assert.Single(cut.FindAll("[data-testid=system-row]"));
        Assert.False(Shows(cut, "title"));
        Assert.False(Shows(cut, "key-section"));
        Choose(cut, "system-select", "Lifecare");
        Assert.Equal("Standard", cut.Find("[data-testid=level-select]").GetAttribute("value"));
        Choose(cut, "level-select", "Handläggare");
        cut.Find("[data-testid=add-system]").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=system-row]").Count));
        Choose(cut, "system-select", "Qlikview", index: 1);

        cut.WaitForAssertion(() => Assert.Equal(["Lifecare: Handläggare", "Qlikview: Standard"], DerivedSystems(cut)));
        cut.FindAll("[data-testid=remove-system]")[0].Click();
        cut.WaitForAssertion(() => Assert.Equal(["Qlikview: Standard"], DerivedSystems(cut)));
    }

    [Fact]
    public void TheSystemsPanel_ListsWhatUndersköterskaGetsInHemtjänstCentrum()
    {
        var cut = RenderForm();
        ChooseType(cut, "New");
        Assert.Contains("Välj titel och verksamhet", cut.Find("[data-testid=derived-systems]").TextContent, StringComparison.Ordinal);

        Choose(cut, "title", "Undersköterska");
        Choose(cut, "unit", "Hemtjänst Centrum");

        cut.WaitForAssertion(() => Assert.Equal(
            ["Appva: Standard", "Citrix: Standard", "Combine: Standard", "IntraPhone: Standard", "Lifecare: Utförare",
             "Smartkort (SITHS): Standard", "Swedlock: Standard"],
            DerivedSystems(cut)));
    }

    [Fact]
    public void TheSystemsPanel_LeavesOutWhatTheUnitDoesNotUse()
    {
        SignInAs("operator");
        var cut = RenderForm();
        ChooseType(cut, "New");
        Choose(cut, "title", "Undersköterska");
        Choose(cut, "unit", "Hemtjänst Centrum");
        cut.WaitForAssertion(() => Assert.Contains("Swedlock: Standard", DerivedSystems(cut)));

        Choose(cut, "unit", "IFO Vuxen");

        cut.WaitForAssertion(() => Assert.Equal(["Citrix: Standard", "Lifecare: Utförare", "Smartkort (SITHS): Standard"], DerivedSystems(cut)));
    }

    [Fact]
    public void AManager_IsOfferedOnlyTheUnitsSheManages()
    {
        var cut = RenderForm();
        ChooseType(cut, "New");

        Assert.Equal(["Hemtjänst Centrum", "Hemtjänst Skrea"], Options(cut, "unit"));
    }

    [Fact]
    public void AManager_MayChooseAnyUnitAsTheOtherUnitOfTemporaryAccess()
    {
        var cut = RenderForm();
        ChooseType(cut, "TemporaryUnit");

        Assert.Contains("Tallgårdens vård- och omsorgsboende", Options(cut, "target-unit"));
    }

    [Fact]
    public void AnOperator_RegisteringASecureMessage_IsWarned_WhenTheOrdererIsNeitherManagerNorAppointedForTheUnit()
    {
        SignInAs("operator");
        var cut = RenderForm();
        ChooseType(cut, "New");
        Choose(cut, "unit", "Tallgårdens vård- och omsorgsboende");

        cut.Find("[data-testid=orderer-email]").Change("anna.lindqvist@kommun.example");

        cut.WaitForAssertion(() => Assert.Contains(
            "anna.lindqvist@kommun.example är varken chef för eller utsedd beställare för Tallgårdens vård- och omsorgsboende",
            cut.Find("[data-testid=orderer-warning]").TextContent, StringComparison.Ordinal));
        Assert.False(cut.Find("[data-testid=submit]").HasAttribute("disabled"));

        cut.Find("[data-testid=orderer-email]").Change("erik.johansson@kommun.example");

        cut.WaitForAssertion(() => Assert.False(Shows(cut, "orderer-warning")));
    }

    /// <summary>The options a MudSelect (by the data-testid on its input) offers when opened.</summary>
    private List<string> Options(IRenderedComponent<NewOrderPage> cut, string testId)
    {
        cut.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.MouseDown();
        var popovers = _popovers!;
        List<string> options = [];
        popovers.WaitForAssertion(() =>
        {
            options = [.. popovers.FindAll(".mud-popover-open [role=option]").Select(o => o.TextContent.Trim())];
            Assert.NotEmpty(options);
        });
        return options;
    }

    [Fact]
    public void TheOrderersDetails_ArePrefilled()
    {
        var cut = RenderForm();
        ChooseType(cut, "New");

        Assert.Equal("Anna Lindqvist", cut.Find("[data-testid=orderer-name]").GetAttribute("value"));
        Assert.Equal("anna.lindqvist@kommun.example", cut.Find("[data-testid=orderer-email]").GetAttribute("value"));
        Assert.Equal("Anna Lindqvist", cut.Find("[data-testid=manager-name]").GetAttribute("value"));
        Assert.Equal("anna.lindqvist@kommun.example", cut.Find("[data-testid=manager-email]").GetAttribute("value"));
    }

    [Fact]
    public void AManager_DoesNotChooseTheChannel()
    {
        var cut = RenderForm();

        Assert.False(Shows(cut, "channel"));
    }

    [Fact]
    public void AnOperator_ChoosesTheChannel()
    {
        SignInAs("operator");
        var cut = RenderForm();

        Assert.Equal("Säkert meddelande", cut.Find("[data-testid=channel]").GetAttribute("value"));
        Choose(cut, "channel", "Telefon");
    }

    [Fact]
    public void AnOperator_ForASecureMessage_StartsWithEmptyOrdererAndManager_AndTheConsoleFillsInTheirOwn()
    {
        SignInAs("operator");
        var cut = RenderForm();
        ChooseType(cut, "New");
        string?[] Contacts() =>
            [.. ContactFields.Select(id => cut.Find($"[data-testid={id}]").GetAttribute("value"))];

        Assert.All(Contacts(), value => Assert.True(string.IsNullOrEmpty(value)));
        Assert.Contains("fyll i uppgifterna om den som beställde, inte dina egna", cut.Find("[data-testid=sender-note]").TextContent, StringComparison.Ordinal);

        Choose(cut, "channel", "Konsolen");
        cut.WaitForAssertion(() => Assert.Equal(["Sara Nilsson", "sara.nilsson@kommun.example", "", ""], Contacts().Select(v => v ?? "")));
        Assert.False(Shows(cut, "sender-note"));

        cut.Find("[data-testid=manager-name]").Change("Anna Lindqvist");
        Choose(cut, "channel", "Telefon");
        cut.WaitForAssertion(() => Assert.Equal(["", "", "Anna Lindqvist", ""], Contacts().Select(v => v ?? "")));
        Assert.Contains("Beställningen kom via telefon", cut.Find("[data-testid=sender-note]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOperator_NamingThemselvesAsOrdererOfASecureMessage_GetsTheErrorUnderTheField()
    {
        SignInAs("operator");
        var cut = RenderForm();
        FillValidNewOrder(cut, OrderRequests.Pnr1990);
        cut.Find("[data-testid=orderer-name]").Change("Sara Nilsson");
        cut.Find("[data-testid=orderer-email]").Change("sara.nilsson@kommun.example");
        cut.Find("[data-testid=manager-name]").Change("Anna Lindqvist");
        cut.Find("[data-testid=manager-email]").Change("anna.lindqvist@kommun.example");

        await SubmitAsync(cut);

        cut.WaitForAssertion(() => Assert.Contains(
            "Ange avsändarens e-postadress, inte din egen: svaret ska gå till den som beställde via säkert meddelande.",
            ControlText(cut, "orderer-email"), StringComparison.Ordinal));
        Assert.False(Shows(cut, "order-receipt"));
    }

    [Fact]
    public async Task TheKeyNumbersHelpAndErrorText_AreOutsideTheFixedWidthFont()
    {
        var cut = RenderForm();
        FillValidNewOrder(cut, OrderRequests.Pnr1990);
        cut.Find("[data-testid=key-PersonalKey]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=key-number]"));
        cut.Find("[data-testid=key-number]").Change("12");

        await SubmitAsync(cut);

        cut.WaitForAssertion(() => Assert.Contains("6–8 siffror", ControlText(cut, "key-number"), StringComparison.Ordinal));
        var field = cut.Find("[data-testid=key-number]").Closest(".mud-input-control")!;
        Assert.Contains("key-number-field", field.ClassList);
        // app.css gives `.key-number` a fixed-width font for key numbers shown as text; on the field it reached the
        // label, the help and the error text too. Only the typed digits are fixed-width now (`.key-number-field input`).
        Assert.Null(field.Closest(".key-number"));
        Assert.Empty(field.QuerySelectorAll(".key-number"));
    }

    [Fact]
    public void TheReceiptOfATemporaryOrder_ShowsItsStartAndEndDate()
    {
        var receipt = new OrderReceipt(
            1, "SOC-2026-00001", OrderType.TemporaryUnit, OrderStatus.Received,
            "Lisa Andersson", "19900101-****", "Tallgårdens vård- och omsorgsboende", DateTimeOffset.UnixEpoch,
            new DateOnly(2026, 12, 7), new DateOnly(2027, 1, 31), []);

        var cut = Render<OrderReceiptPanel>(p => p.Add(r => r.Receipt, receipt));

        Assert.Equal("2026-12-07", cut.Find("[data-testid=receipt-start]").TextContent.Trim());
        Assert.Equal("2027-01-31", cut.Find("[data-testid=receipt-end]").TextContent.Trim());
        Assert.Contains("Startdatum", cut.Find("[data-testid=receipt-facts]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Slutdatum", cut.Find("[data-testid=receipt-facts]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OrderType.Terminate, "Sista arbetsdag")]
    [InlineData(OrderType.EndTemporary, "Sista dag")]
    public void TheReceiptOfAnEndOrder_ShowsTheLastDay_AndNoStart(OrderType type, string label)
    {
        var receipt = new OrderReceipt(
            1, "SOC-2026-00001", type, OrderStatus.Received,
            "Lisa Andersson", "19900101-****", "Hemtjänst Centrum", DateTimeOffset.UnixEpoch, null, new DateOnly(2026, 12, 31), []);

        var cut = Render<OrderReceiptPanel>(p => p.Add(r => r.Receipt, receipt));

        Assert.Empty(cut.FindAll("[data-testid=receipt-start]"));
        Assert.Equal("2026-12-31", cut.Find("[data-testid=receipt-end]").TextContent.Trim());
        Assert.Equal(label, cut.Find("[data-testid=receipt-end]").PreviousElementSibling!.TextContent.Trim());
    }

    /// <summary>
    /// Clicks "Skicka" on the renderer's own thread: a lookup answered in between (the database's answers are not
    /// synchronous on PostgreSQL) cannot re-render the form between finding the button and clicking it.
    /// </summary>
    private static Task SubmitAsync(IRenderedComponent<NewOrderPage> cut) =>
        cut.InvokeAsync(() => cut.Find("[data-testid=submit]").ClickAsync(new MouseEventArgs()));

    private void FillValidNewOrder(IRenderedComponent<NewOrderPage> cut, string personnummer)
    {
        ChooseType(cut, "New");
        cut.Find("[data-testid=employee-name]").Change("Lisa Andersson");
        cut.Find("[data-testid=personnummer]").Change(personnummer);
        Choose(cut, "title", "Undersköterska");
        Choose(cut, "unit", "Hemtjänst Centrum");
        cut.Find("[data-testid=start-date]").Change("2026-12-07");
        cut.WaitForAssertion(() => cut.Find("[data-testid=key-Pool]"));
        cut.Find("[data-testid=key-Pool]").Click();
    }

    [Fact]
    public async Task AServerError_ShowsUnderItsField_AndKeepsWhatWasTyped()
    {
        var cut = RenderForm();
        FillValidNewOrder(cut, "19900101-1234");

        await SubmitAsync(cut);

        cut.WaitForAssertion(() =>
            Assert.Contains("Kontrollsiffran stämmer inte", ControlText(cut, "personnummer"), StringComparison.Ordinal));
        Assert.Equal("true", cut.Find("[data-testid=personnummer]").GetAttribute("aria-invalid"));
        Assert.Contains("Beställningen är inte skickad", cut.Find("[data-testid=error-summary]").TextContent, StringComparison.Ordinal);
        Assert.Equal("19900101-1234", cut.Find("[data-testid=personnummer]").GetAttribute("value"));
        Assert.Equal("Lisa Andersson", cut.Find("[data-testid=employee-name]").GetAttribute("value"));
        Assert.Equal("Undersköterska", cut.Find("[data-testid=title]").GetAttribute("value"));
        Assert.Equal("Hemtjänst Centrum", cut.Find("[data-testid=unit]").GetAttribute("value"));
        Assert.Equal("2026-12-07", cut.Find("[data-testid=start-date]").GetAttribute("value"));
        Assert.False(Shows(cut, "order-receipt"));
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.Orders.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task FixingTheField_ClearsItsError()
    {
        var cut = RenderForm();
        FillValidNewOrder(cut, "19900101-1234");
        await SubmitAsync(cut);
        cut.WaitForAssertion(() => Assert.Contains("Kontrollsiffran", ControlText(cut, "personnummer"), StringComparison.Ordinal));

        cut.Find("[data-testid=personnummer]").Change(OrderRequests.Pnr1990);

        cut.WaitForAssertion(() => Assert.DoesNotContain("Kontrollsiffran", ControlText(cut, "personnummer"), StringComparison.Ordinal));
        Assert.False(Shows(cut, "error-summary"));
    }

    [Fact]
    public async Task AValidOrder_ShowsTheCaseNumber_TheMaskedPersonnummer_AndTheSystems()
    {
        var cut = RenderForm();
        FillValidNewOrder(cut, OrderRequests.Pnr1990);

        await SubmitAsync(cut);

        cut.WaitForAssertion(() => Assert.Equal("SOC-2026-00001", cut.Find("[data-testid=case-number]").TextContent.Trim()));
        Assert.Equal("Ny behörighet", cut.Find("[data-testid=receipt-type]").TextContent.Trim());
        Assert.Equal("Lisa Andersson, 19900101-****", cut.Find("[data-testid=receipt-employee]").TextContent.Trim());
        Assert.Equal("Hemtjänst Centrum", cut.Find("[data-testid=receipt-unit]").TextContent.Trim());
        Assert.Contains("Lifecare: Utförare", cut.Find("[data-testid=receipt-systems]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("1239", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("/my-orders", cut.Find("[data-testid=to-my-orders]").GetAttribute("href"));

        cut.Find("[data-testid=new-order]").Click();
        cut.WaitForAssertion(() => Assert.False(Shows(cut, "order-receipt")));
        Assert.False(Shows(cut, "employee-section"));
    }
}
