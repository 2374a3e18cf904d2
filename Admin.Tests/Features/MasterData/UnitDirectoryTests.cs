using SocItConsole.Admin.Features.MasterData;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Common;

namespace SocItConsole.Admin.Tests.Features.MasterData;

public class UnitDirectoryTests
{
    private static async Task<TestDatabase> SeededAsync()
    {
        var database = await TestDatabase.CreateMigratedAsync();
        await database.SeedDemoDataAsync();
        return database;
    }

    [Fact]
    public async Task ManagedBy_FindsTheManagersUnits_WhateverTheCaseOfTheEmail()
    {
        using var database = await SeededAsync();
        var directory = new UnitDirectory(database);

        var units = await directory.ManagedByAsync(
            EmailAddress.Parse("Anna.Lindqvist@KOMMUN.example"), TestContext.Current.CancellationToken);

        Assert.Equal(["Hemtjänst Centrum", "Hemtjänst Skrea"], units.Select(u => u.Name));
    }

    [Fact]
    public async Task ManagedBy_IsEmpty_ForSomeoneWhoManagesNothing()
    {
        using var database = await SeededAsync();

        var units = await new UnitDirectory(database).ManagedByAsync(
            EmailAddress.Parse("sara.nilsson@kommun.example"), TestContext.Current.CancellationToken);

        Assert.Empty(units);
    }

    [Fact]
    public async Task List_IsInSwedishOrder_WithSystemsAndContacts()
    {
        using var database = await SeededAsync();

        var units = await new UnitDirectory(database).ListAsync(TestContext.Current.CancellationToken);

        var names = units.Select(u => u.Name).ToList();
        // Swedish order puts Ä after V: "Hemtjänst Ätradalen" comes after "Hemtjänst Vessigebro".
        Assert.True(names.IndexOf("Hemtjänst Vessigebro") < names.IndexOf("Hemtjänst Ätradalen"));
        var herting = units.Single(u => u.Name == "Hertings vård- och omsorgsboende");
        Assert.Equal(["Erik Johansson", "Karin Svensson"], herting.Managers.Select(m => m.Name));
        Assert.Equal("nils.aberg@kommun.example", herting.MobileRepresentative?.Email);
        Assert.Contains("Appva", herting.Systems);
    }

    [Theory]
    [InlineData("skrea", true)]
    [InlineData("4120", true)]
    [InlineData("HEMTJÄNST", true)]
    [InlineData("anna.lindqvist", true)]
    [InlineData("Combine", true)]
    [InlineData("Tallgården", false)]
    [InlineData("", true)]
    public void Matches_SearchesNameAreaCostCentreManagersAndSystems(string search, bool expected)
    {
        var row = new UnitRow(1, "Hemtjänst Skrea", "Hemtjänst", "4120", true, true,
            [new ContactRow("Anna Lindqvist", "anna.lindqvist@kommun.example")], null, ["Combine", "Lifecare"], [1, 6]);

        Assert.Equal(expected, row.Matches(search));
    }
}
