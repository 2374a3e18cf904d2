using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SocItConsole.Admin.Infrastructure.Web;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Components.Layout;

/// <summary>The app's snackbar rules (<see cref="AdminSnackbars"/>) as the app registers them, with its real timings.</summary>
public class SnackbarPlacementTests : ComponentTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public SnackbarPlacementTests()
    {
        Services.AddMudBlazorSnackbar(AdminSnackbars.Configure);
        Services.AddAdminSnackbars();
        SignInAs("operator");
        RenderInteractively();
    }

    private ISnackbar Snackbar => Services.GetRequiredService<ISnackbar>();

    private static List<string> Messages(IRenderedComponent<MudSnackbarProvider> provider) =>
        [.. provider.FindAll(".mud-snackbar .mud-snackbar-content-message").Select(m => m.TextContent.Trim())];

    [Fact]
    public void TheConfiguration_IsShortForConfirmations_AndClearsOnNavigation()
    {
        var configuration = Snackbar.Configuration;

        Assert.Equal(AdminSnackbars.ConfirmationMilliseconds, configuration.VisibleStateDuration);
        Assert.True(configuration.VisibleStateDuration <= 4000);
        Assert.True(configuration.ClearAfterNavigation);
        Assert.True(configuration.PreventDuplicates);
        Assert.Equal(2, configuration.MaxDisplayedSnackbars);
        Assert.Equal(Defaults.Classes.Position.BottomLeft, configuration.PositionClass);
        Assert.IsType<SeveritySnackbar>(Snackbar);
    }

    [Fact]
    public void Markup_GivenToTheSnackbar_IsShownAsText()
    {
        var provider = Render<MudSnackbarProvider>();

        Snackbar.Add(new MarkupString("<b id=\"injected\">Klart</b>"), Severity.Success);

        provider.WaitForAssertion(() => Assert.Equal(["<b id=\"injected\">Klart</b>"], Messages(provider)));
        Assert.Empty(provider.FindAll("#injected"));
    }

    [Fact]
    public void AConfirmationGoes_WhileAnErrorStays_UntilItIsClosed()
    {
        var provider = Render<MudSnackbarProvider>();
        Snackbar.Add("Nyckeln kunde inte lämnas ut.", Severity.Error);
        Snackbar.Add("Ärendet är taget.", Severity.Success);
        provider.WaitForAssertion(() => Assert.Equal(["Nyckeln kunde inte lämnas ut.", "Ärendet är taget."], Messages(provider)));

        provider.WaitForAssertion(() => Assert.Equal(["Nyckeln kunde inte lämnas ut."], Messages(provider)), Patience);

        provider.Find(".mud-snackbar button").Click();
        provider.WaitForAssertion(() => Assert.Empty(Messages(provider)), Patience);
    }

    [Fact]
    public async Task AWarningStays_PastTheTimeAConfirmationHas()
    {
        var provider = Render<MudSnackbarProvider>();
        Snackbar.Add("Nyckeln är redan utlämnad.", Severity.Warning);
        var confirmation = Snackbar.Add("Sparat", Severity.Success)!;
        var gone = new TaskCompletionSource();
        confirmation.OnClose += _ => gone.TrySetResult();

        await gone.Task.WaitAsync(Patience, Xunit.TestContext.Current.CancellationToken);

        provider.WaitForAssertion(() => Assert.Equal(["Nyckeln är redan utlämnad."], Messages(provider)));
    }

    [Fact]
    public void ANewMessage_ReplacesTheConfirmationStillShowing_InsteadOfStacking()
    {
        var provider = Render<MudSnackbarProvider>();

        Snackbar.Add("Appva är klar.", Severity.Success);
        Snackbar.Add("Lifecare är klar.", Severity.Success);

        provider.WaitForAssertion(() => Assert.Equal(["Lifecare är klar."], Messages(provider)));
    }

    [Fact]
    public void Navigating_TakesEverySnackbarAway_ErrorsToo()
    {
        var provider = Render<MudSnackbarProvider>();
        Snackbar.Add("Nyckeln kunde inte lämnas ut.", Severity.Error);
        Snackbar.Add("Ärendet är taget.", Severity.Success);
        provider.WaitForAssertion(() => Assert.Equal(2, Messages(provider).Count));

        Services.GetRequiredService<NavigationManager>().NavigateTo("/keys");

        provider.WaitForAssertion(() => Assert.Empty(Messages(provider)));
    }
}
