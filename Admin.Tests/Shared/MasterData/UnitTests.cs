using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.MasterData;

namespace SocItConsole.Admin.Tests.Shared.MasterData;

public class UnitTests
{
    [Fact]
    public void NewUnit_IsActive_WithTrimmedFields()
    {
        var unit = new Unit("  Hemtjänst Skrea ", " Hemtjänst ", " 4120 ", usesDigitalKeys: true);

        Assert.Equal("Hemtjänst Skrea", unit.Name);
        Assert.Equal("Hemtjänst", unit.Area);
        Assert.Equal("4120", unit.CostCentre);
        Assert.True(unit.IsActive);
        Assert.True(unit.UsesDigitalKeys);
    }

    [Theory]
    [InlineData("", "Hemtjänst", "4110", "Verksamhetens namn måste anges.")]
    [InlineData("Hemtjänst Centrum", " ", "4110", "Området måste anges.")]
    [InlineData("Hemtjänst Centrum", "Hemtjänst", "", "Kostnadsstället måste anges.")]
    [InlineData("Hemtjänst Centrum", "Hemtjänst", "41 10", "Kostnadsstället får bara innehålla siffror, bokstäver och bindestreck.")]
    [InlineData("Hemtjänst Centrum", "Hemtjänst", "4110/2", "Kostnadsstället får bara innehålla siffror, bokstäver och bindestreck.")]
    [InlineData("Hemtjänst Centrum", "Hemtjänst", "012345678901234567890", "Kostnadsstället får vara högst 20 tecken.")]
    public void NewUnit_Fails_WithSwedishMessage(string name, string area, string costCentre, string expected)
    {
        var error = Assert.Throws<DomainException>(() => new Unit(name, area, costCentre, usesDigitalKeys: false));
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void NewUnit_Fails_WhenNameLongerThanMax() =>
        Assert.Throws<DomainException>(() => Build.Unit(name: new string('x', Unit.NameMaxLength + 1)));

    [Fact]
    public void AddManager_Fails_WhenSameMailboxAlreadyManages()
    {
        var unit = Build.Unit();
        unit.AddManager(Build.Contact(email: "anna.lindqvist@kommun.example"));

        var error = Assert.Throws<DomainException>(() =>
            unit.AddManager(Build.Contact(name: "Anna L", email: "ANNA.LINDQVIST@kommun.example")));

        Assert.Contains("är redan chef för Hemtjänst Centrum", error.Message, StringComparison.Ordinal);
        Assert.Single(unit.Managers);
    }

    [Fact]
    public void IsManagedBy_MatchesEmailWhateverItsCase()
    {
        var unit = Build.Unit();
        unit.AddManager(Build.Contact(email: "anna.lindqvist@kommun.example"));

        Assert.True(unit.IsManagedBy(EmailAddress.Parse("Anna.Lindqvist@Kommun.Example")));
        Assert.False(unit.IsManagedBy(EmailAddress.Parse("erik.johansson@kommun.example")));
    }

    [Fact]
    public void RemoveManager_RemovesOnlyThatMailbox()
    {
        var unit = Build.Unit();
        unit.AddManager(Build.Contact("Anna Lindqvist", "anna.lindqvist@kommun.example"));
        unit.AddManager(Build.Contact("Erik Johansson", "erik.johansson@kommun.example"));

        unit.RemoveManager(EmailAddress.Parse("anna.lindqvist@kommun.example"));

        Assert.Equal("Erik Johansson", Assert.Single(unit.Managers).Name);
    }

    [Fact]
    public void UseSystem_AddsEachSystemOnce()
    {
        var unit = Build.Unit();
        var lifecare = Build.System("Lifecare");

        unit.UseSystem(lifecare);
        unit.UseSystem(lifecare);
        unit.UseSystem(Build.System("Appva"));

        Assert.Equal(["Lifecare", "Appva"], unit.Systems.Select(s => s.Name));
    }

    [Fact]
    public void UseSystem_Fails_WhenSystemIsDeactivated()
    {
        var unit = Build.Unit();
        var system = Build.System("Qlikview");
        system.Deactivate();

        var error = Assert.Throws<DomainException>(() => unit.UseSystem(system));

        Assert.Equal("Qlikview är inaktiverat och kan inte kopplas till en verksamhet.", error.Message);
        Assert.Empty(unit.Systems);
    }

    [Fact]
    public void StopUsingSystem_RemovesIt()
    {
        var unit = Build.Unit();
        var system = Build.System();
        unit.UseSystem(system);

        unit.StopUsingSystem(system);

        Assert.Empty(unit.Systems);
    }

    [Fact]
    public void Contact_Fails_WithoutEmail() =>
        Assert.Throws<DomainException>(() => new Contact("Petra Olsson", default));

    [Fact]
    public void Deactivate_ThenActivate_RestoresUnit()
    {
        var unit = Build.Unit();
        unit.Deactivate();
        Assert.False(unit.IsActive);
        unit.Activate();
        Assert.True(unit.IsActive);
    }
}
