using System.Text;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Shared.Orders;

public sealed class BatchOrderRowsTests
{
    [Fact]
    public void ReadPasted_TabSeparatedCellsWithoutHeader_TakeTheTemplatesColumnOrder()
    {
        var result = BatchOrderRows.ReadPasted(
            "Lisa Andersson\t19900101-1239\tUndersköterska\tHemtjänst Centrum\t2026-12-07\t\tNyckelpool\r\n"
            + "Omar Said\t19850615-2340\tVårdbiträde\tHemtjänst Skrea\t2026-12-14\t2027-08-15\tPersonlig nyckel\t123456\tAnna Lindqvist\r\n");

        Assert.True(result.IsValid);
        Assert.False(result.HadHeader);
        Assert.Equal(2, result.Rows.Count);
        Assert.Equal(
            ("Lisa Andersson", "19900101-1239", "Undersköterska", "Hemtjänst Centrum", "2026-12-07", "", "Nyckelpool", null, null),
            (result.Rows[0].Name, result.Rows[0].Personnummer, result.Rows[0].Title, result.Rows[0].Unit, result.Rows[0].StartDate,
                result.Rows[0].EndDate, result.Rows[0].Key, result.Rows[0].KeyNumber, result.Rows[0].Manager));
        Assert.Equal(("2027-08-15", "123456", "Anna Lindqvist"), (result.Rows[1].EndDate, result.Rows[1].KeyNumber, result.Rows[1].Manager));
    }

    [Fact]
    public void ReadPasted_WithAHeaderRow_MapsColumnsByName_InAnyOrder_AndSkipsEmptyLines()
    {
        var result = BatchOrderRows.ReadPasted(
            "Personnummer\tNamn\tVerksamhet\tTitel\tStartdatum\tOkänd kolumn\n\n19900101-1239\tLisa Andersson\tHemtjänst Centrum\tUndersköterska\t2026-12-07\tx\n\t\t\n");

        Assert.True(result.HadHeader);
        var row = Assert.Single(result.Rows);
        Assert.Equal(("Lisa Andersson", "19900101-1239", "Undersköterska", "Hemtjänst Centrum", "2026-12-07"),
            (row.Name, row.Personnummer, row.Title, row.Unit, row.StartDate));
    }

    [Fact]
    public void ReadPasted_QuotedCells_KeepTheirTabsAndQuotes()
    {
        var result = BatchOrderRows.ReadPasted("\"Andersson, \"\"Lisa\"\"\"\t19900101-1239\n");

        Assert.Equal("Andersson, \"Lisa\"", Assert.Single(result.Rows).Name);
    }

    [Fact]
    public void ReadPasted_Nothing_SaysSo()
    {
        Assert.Equal(["Klistra in minst en rad."], BatchOrderRows.ReadPasted("  \n").Errors);
        Assert.Equal(["Det finns bara en rubrikrad: lägg till en rad per person."], BatchOrderRows.ReadPasted("Namn\tPersonnummer\n").Errors);
    }

    [Fact]
    public void ReadCsv_Windows1252WithSemicolons_ReadsTheSwedishLetters()
    {
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var bytes = encoding.GetBytes("Namn;Personnummer;Titel;Verksamhet;Startdatum\r\nÅsa Öberg;19900101-1239;Undersköterska;Hemtjänst Ätradalen;2026-12-07\r\n");

        var row = Assert.Single(BatchOrderRows.ReadCsv(bytes).Rows);

        Assert.Equal(("Åsa Öberg", "Hemtjänst Ätradalen"), (row.Name, row.Unit));
    }

    [Fact]
    public void ReadCsv_Utf8WithBomAndCommas_AndQuotedCommas()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
            "Namn,Personnummer,Titel,Verksamhet,Startdatum\n\"Berg, Maja\",19780312-4564,Sjuksköterska,Hemtjänst Centrum,20261207\n")).ToArray();

        var row = Assert.Single(BatchOrderRows.ReadCsv(bytes).Rows);

        Assert.Equal(("Berg, Maja", "Sjuksköterska", "20261207"), (row.Name, row.Title, row.StartDate));
        Assert.Equal(new DateOnly(2026, 12, 7), BatchOrderRows.Date(row.StartDate));
    }

    [Fact]
    public void Template_IsReadBackAsItsExampleRow()
    {
        var result = BatchOrderRows.ReadCsv(BatchOrderRows.Template());

        Assert.True(result.HadHeader);
        Assert.Equal("Lisa Andersson", Assert.Single(result.Rows).Name);
    }

    [Theory]
    [InlineData("", KeyChoiceKind.None)]
    [InlineData("Ingen", KeyChoiceKind.None)]
    [InlineData("Personlig nyckel", KeyChoiceKind.PersonalKey)]
    [InlineData("personlig", KeyChoiceKind.PersonalKey)]
    [InlineData("Köp ny nyckel", KeyChoiceKind.BuyNewKey)]
    [InlineData("KÖP", KeyChoiceKind.BuyNewKey)]
    [InlineData("nyckelpool", KeyChoiceKind.Pool)]
    [InlineData("Pool", KeyChoiceKind.Pool)]
    [InlineData("kanske", null)]
    public void KeyChoice_ReadsTheWords(string text, KeyChoiceKind? expected) =>
        Assert.Equal(expected, BatchOrderRows.KeyChoice(text));
}
