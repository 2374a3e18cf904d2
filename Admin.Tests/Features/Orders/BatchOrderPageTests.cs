using Bunit;
using MudBlazor;
using SocItConsole.Admin.Features.Orders.Pages;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Features.Orders;

/// <summary>The paste grid of Beställ för flera: rows appear, each row's problems in place, placing only when all are in order.</summary>
public class BatchOrderPageTests : ComponentTestBase, IAsyncLifetime
{
    private const string GoodRows =
        "Lisa Andersson\t19900101-1239\tUndersköterska\tHemtjänst Centrum\t2026-12-07\t\tNyckelpool\n"
        + "Omar Said\t19850615-2340\tVårdbiträde\tHemtjänst Skrea\t2026-12-07\t2027-08-15\tNyckelpool\n";

    private TestDatabase? _database;

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

    private IRenderedComponent<BatchOrderPage> Paste(string rows)
    {
        Render<MudPopoverProvider>();
        var cut = Render<BatchOrderPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=paste]"));
        cut.Find("[data-testid=paste]").Change(rows);
        cut.Find("[data-testid=read-pasted]").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=check-summary] .mud-alert")));
        return cut;
    }

    [Fact]
    public void PastedRows_AppearInTheGrid_AndMayBePlaced_WhenAllAreInOrder()
    {
        var cut = Paste(GoodRows);

        // The rows appear at once; the check against the database answers after them.
        cut.WaitForAssertion(() =>
        {
            Assert.Equal(2, cut.FindAll("[data-testid=batch-row]").Count);
            Assert.Contains("Alla 2 rader är i ordning.", cut.Find("[data-testid=check-summary]").TextContent, StringComparison.Ordinal);
        });
        var first = cut.FindAll("[data-testid=batch-row]")[0];
        Assert.Equal("Lisa Andersson", first.QuerySelector("[data-testid=cell-Name] input")!.GetAttribute("value"));
        Assert.Equal("2027-08-15", cut.FindAll("[data-testid=batch-row]")[1].QuerySelector("[data-testid=cell-EndDate] input")!.GetAttribute("value"));
        Assert.Empty(cut.FindAll("[data-testid=row-problems]"));
        var place = cut.Find("[data-testid=place]");
        Assert.Equal("Beställ 2 personer", place.TextContent.Trim());
        Assert.False(place.HasAttribute("disabled"));
    }

    [Fact]
    public void ARowWithAProblem_IsMarkedInPlace_AndPlacingIsDisabled()
    {
        var cut = Paste(GoodRows + "Maja Berg\t19780312-4564\tTrollkarl\tTallgårdens vård- och omsorgsboende\t2026-12-07\t\tNyckelpool\n");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=row-problems]")));
        var bad = cut.FindAll("[data-testid=batch-row]")[2];
        Assert.Contains("cell-problem", bad.QuerySelector("[data-testid=cell-Title]")!.ClassName, StringComparison.Ordinal);
        Assert.Contains("cell-problem", bad.QuerySelector("[data-testid=cell-Unit]")!.ClassName, StringComparison.Ordinal);
        Assert.DoesNotContain("cell-problem", bad.QuerySelector("[data-testid=cell-Name]")!.ClassName ?? "", StringComparison.Ordinal);
        Assert.Equal("true", bad.QuerySelector("[data-testid=cell-Title] input")!.GetAttribute("aria-invalid"));
        var problems = cut.Find("[data-testid=row-problems]").TextContent;
        Assert.Contains("Titel: Det finns ingen titel som heter \"Trollkarl\".", problems, StringComparison.Ordinal);
        Assert.Contains("Verksamhet: Du kan bara beställa för verksamheter som du är chef eller utsedd beställare för", problems, StringComparison.Ordinal);
        Assert.Contains("1 av 3 rader har problem.", cut.Find("[data-testid=check-summary]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=place]").HasAttribute("disabled"));
    }

    [Fact]
    public void CorrectingInTheGrid_NeedsACheck_ThenPlacingIsEnabled()
    {
        var cut = Paste(GoodRows + "Maja Berg\t19780312-4564\tTrollkarl\tHemtjänst Centrum\t2026-12-07\t\tNyckelpool\n");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=row-problems]")));

        cut.FindAll("[data-testid=batch-row]")[2].QuerySelector("[data-testid=cell-Title] input")!.Change("Sjuksköterska");

        cut.WaitForAssertion(() => Assert.Contains("kontrollera dem innan du beställer", cut.Find("[data-testid=check-summary]").TextContent, StringComparison.Ordinal));
        Assert.True(cut.Find("[data-testid=place]").HasAttribute("disabled"));

        cut.Find("[data-testid=check]").Click();

        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=place]").HasAttribute("disabled")));
        Assert.Empty(cut.FindAll("[data-testid=row-problems]"));
        Assert.Equal("Beställ 3 personer", cut.Find("[data-testid=place]").TextContent.Trim());
    }

    [Fact]
    public void AManager_SeesOnlyTheirOwnUnits_InTheHelpText()
    {
        Render<MudPopoverProvider>();
        var cut = Render<BatchOrderPage>();

        cut.WaitForAssertion(() => Assert.Equal(
            "Du kan beställa för Hemtjänst Centrum och Hemtjänst Skrea.", cut.Find("[data-testid=my-units]").TextContent.Trim()));
    }
}
