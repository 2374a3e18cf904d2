using Bunit;
using SocItConsole.Admin.Features.Matrix;
using SocItConsole.Admin.Features.Matrix.Components;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Matrix;

namespace SocItConsole.Admin.Tests.Features.Matrix;

public class PendingChangeLocationsTests : ComponentTestBase
{
    private static readonly ChangeLocation[] Five =
    [
        new(new CellKey(1, 3), "Arbetsterapeut", "Appva", CellChangeKind.Removed),
        new(new CellKey(3, 15), "Enhetschef", "Heroma", CellChangeKind.Added),
        new(new CellKey(5, 6), "Sjuksköterska", "Lifecare", CellChangeKind.LevelChanged),
        new(new CellKey(9, 3), "Vårdbiträde", "Appva", CellChangeKind.Added),
        new(new CellKey(9, 18), "Vårdbiträde", "Ärendehantering Mobil", CellChangeKind.Added),
    ];

    private IRenderedComponent<PendingChangeLocations> RenderLocations(IReadOnlyList<ChangeLocation> locations, Action<CellKey>? onJump = null) =>
        Render<PendingChangeLocations>(p => p
            .Add(x => x.Locations, locations)
            .Add(x => x.OnJump, onJump ?? (_ => { })));

    private static List<string> Shown(IRenderedComponent<PendingChangeLocations> cut) =>
        [.. cut.FindAll("[data-testid=pending-location]").Select(b => b.TextContent.Trim())];

    [Fact]
    public void NamesTheFirstThreeChangedCells_AndHowManyMore()
    {
        var cut = RenderLocations(Five);

        Assert.Equal("Ändrade celler:", cut.Find(".mx-locations-label").TextContent);
        Assert.Equal(["Arbetsterapeut – Appva", "Enhetschef – Heroma", "Sjuksköterska – Lifecare"], Shown(cut));
        Assert.Equal("och 2 till", cut.Find("[data-testid=pending-locations-toggle]").TextContent.Trim());
    }

    [Fact]
    public void TheToggle_ShowsEveryChangedCell_AndFewerAgain()
    {
        var cut = RenderLocations(Five);

        cut.Find("[data-testid=pending-locations-toggle]").Click();

        Assert.Equal(Five.Select(l => l.Label), Shown(cut));
        Assert.Equal("Visa färre", cut.Find("[data-testid=pending-locations-toggle]").TextContent.Trim());
        cut.Find("[data-testid=pending-locations-toggle]").Click();
        Assert.Equal(3, Shown(cut).Count);
    }

    [Fact]
    public void OneChangedCell_IsNamedInTheSingular_WithNoToggle()
    {
        var cut = RenderLocations([Five[2]]);

        Assert.Equal("Ändrad cell:", cut.Find(".mx-locations-label").TextContent);
        Assert.Equal(["Sjuksköterska – Lifecare"], Shown(cut));
        Assert.Equal("Visa Sjuksköterska – Lifecare i matrisen", cut.Find("[data-testid=pending-location]").GetAttribute("title"));
        Assert.Empty(cut.FindAll("[data-testid=pending-locations-toggle]"));
    }

    [Fact]
    public void NoChanges_RendersNothing()
    {
        var cut = RenderLocations([]);

        Assert.Empty(cut.Markup.Trim());
    }

    [Fact]
    public void ClickingALocation_AsksToJumpToItsCell()
    {
        var jumps = new List<CellKey>();
        var cut = RenderLocations(Five, jumps.Add);

        cut.FindAll("[data-testid=pending-location]")[1].Click();

        Assert.Equal([new CellKey(3, 15)], jumps);
    }
}
