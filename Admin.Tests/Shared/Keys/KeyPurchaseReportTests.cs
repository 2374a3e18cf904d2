using System.Text;
using CsvHelper;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Keys;

namespace SocItConsole.Admin.Tests.Shared.Keys;

public class KeyPurchaseReportTests
{
    private static readonly DateOnly Nov1 = new(2026, 11, 1);
    private static readonly DateOnly Nov30 = new(2026, 11, 30);

    private static readonly KeyPurchaseLine October31 = Line(new(2026, 10, 31), "4110001", 450m);
    private static readonly KeyPurchaseLine November1 = Line(Nov1, "4110002", 450m);
    private static readonly KeyPurchaseLine November15 = Line(new(2026, 11, 15), "4110004", 500.5m);
    private static readonly KeyPurchaseLine November15Earlier = Line(new(2026, 11, 15), "4110003", 100m);
    private static readonly KeyPurchaseLine November30 = Line(Nov30, "4110005", 0.25m);
    private static readonly KeyPurchaseLine December1 = Line(new(2026, 12, 1), "4110006", 450m);

    [Fact]
    public void For_KeepsBothEndsOfThePeriod_AndSortsByDayThenNumber()
    {
        var lines = KeyPurchaseReport.For(
            [December1, November30, November15, October31, November15Earlier, November1], Nov1, Nov30);

        Assert.Equal(["4110002", "4110003", "4110004", "4110005"], lines.Select(l => l.KeyNumber));
    }

    [Fact]
    public void For_OneDayPeriod_HoldsThatDayOnly()
    {
        var lines = KeyPurchaseReport.For([October31, November1, November15], Nov1, Nov1);

        Assert.Equal(November1, Assert.Single(lines));
    }

    [Fact]
    public void For_IsRefused_WhenThePeriodEndsBeforeItStarts()
    {
        var error = Assert.Throws<DomainException>(() => KeyPurchaseReport.For([November1], Nov30, Nov1));

        Assert.Equal("Periodens slut kan inte vara före dess början.", error.Message);
    }

    [Fact]
    public void Total_AddsThePrices() =>
        Assert.Equal(1050.75m, KeyPurchaseReport.Total([November1, November15, November30, November15Earlier]));

    [Fact]
    public void Export_StartsWithAByteOrderMark_AndIsUtf8()
    {
        var bytes = KeyPurchaseReport.Export([November1 with { UnitName = "Hertings vård- och omsorgsboende" }]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Contains("Hertings vård- och omsorgsboende", Text(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Export_WritesHeaderLinesAndTotal_WithSemicolonsAndDecimalCommas()
    {
        var bytes = KeyPurchaseReport.Export([November1, November15]);

        var rows = Text(bytes).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "Mottagen;Verksamhet;Kostnadsställe;Nyckelnummer;Ärende;Medarbetare;Pris (kr)",
                "2026-11-01;Hemtjänst Centrum;4110;4110002;SOC-2026-00017;Lisa Andersson;450,00",
                "2026-11-15;Hemtjänst Centrum;4110;4110004;SOC-2026-00017;Lisa Andersson;500,50",
                "Summa;;;;;;950,50",
            ],
            rows);
    }

    [Fact]
    public void Export_OfNoLines_HasHeaderAndZeroTotal()
    {
        var rows = Read(KeyPurchaseReport.Export([]));

        Assert.Equal(2, rows.Count);
        Assert.Equal(KeyPurchaseReport.Headers, rows[0]);
        Assert.Equal(["Summa", "", "", "", "", "", "0,00"], rows[1]);
    }

    [Fact]
    public void Export_WithoutCaseOrEmployee_LeavesThoseCellsEmpty()
    {
        var rows = Read(KeyPurchaseReport.Export([November1 with { CaseNumber = null, EmployeeName = null }]));

        Assert.Equal(["2026-11-01", "Hemtjänst Centrum", "4110", "4110002", "", "", "450,00"], rows[1]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x.example\")")]
    [InlineData("+46 70 123")]
    [InlineData("-1+1")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\tTabb")]
    [InlineData("\rRetur")]
    public void Export_PrefixesCellsThatExcelWouldReadAsAFormula_WithAnApostrophe(string text)
    {
        var line = November1 with { UnitName = text, CostCentre = text, CaseNumber = text, EmployeeName = text };

        var rows = Read(KeyPurchaseReport.Export([line]));

        Assert.Equal(["'" + text, "'" + text, "4110002", "'" + text, "'" + text], rows[1][1..6]);
    }

    [Theory]
    [InlineData("Anna = Berg")]
    [InlineData("Lisa-Lotta Ek")]
    [InlineData("Per 'Pelle' Olsson")]
    public void Export_LeavesOrdinaryTextAsItIs(string name)
    {
        var rows = Read(KeyPurchaseReport.Export([November1 with { EmployeeName = name }]));

        Assert.Equal(name, rows[1][5]);
    }

    [Fact]
    public void Export_RoundTrips_ThroughACsvReader_EvenWithSemicolonsQuotesAndNewLines()
    {
        var lines = new[]
        {
            November1 with { UnitName = "Vård; omsorg", EmployeeName = "Per \"Pelle\" Olsson" },
            November15 with { EmployeeName = "Två\nrader", CaseNumber = null },
            November30,
        };

        var rows = Read(KeyPurchaseReport.Export(lines));

        Assert.Equal(5, rows.Count);
        Assert.Equal(KeyPurchaseReport.Headers, rows[0]);
        Assert.Equal(["2026-11-01", "Vård; omsorg", "4110", "4110002", "SOC-2026-00017", "Per \"Pelle\" Olsson", "450,00"], rows[1]);
        Assert.Equal(["2026-11-15", "Hemtjänst Centrum", "4110", "4110004", "", "Två\nrader", "500,50"], rows[2]);
        Assert.Equal(["2026-11-30", "Hemtjänst Centrum", "4110", "4110005", "SOC-2026-00017", "Lisa Andersson", "0,25"], rows[3]);
        Assert.Equal(["Summa", "", "", "", "", "", "950,75"], rows[4]);
        Assert.All(rows, r => Assert.Equal(KeyPurchaseReport.Headers.Count, r.Length));
    }

    [Fact]
    public void Export_WritesTheKeyNumberAsPrinted_WithLeadingZeros()
    {
        var rows = Read(KeyPurchaseReport.Export([November1 with { KeyNumber = "0012345" }]));

        Assert.Equal("0012345", rows[1][3]);
    }

    private static KeyPurchaseLine Line(DateOnly received, string number, decimal price) =>
        new(received, "Hemtjänst Centrum", "4110", number, "SOC-2026-00017", "Lisa Andersson", price);

    private static string Text(byte[] bytes) => new UTF8Encoding(false).GetString(bytes.AsSpan(3));

    /// <summary>Reads the file back as a semicolon CSV reader would, after its byte order mark.</summary>
    private static List<string[]> Read(byte[] bytes)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = new List<string[]>();
        using var reader = CsvReader.Create(bytes.AsMemory(3), new CsvReaderOptions { Separator = ';', HasHeader = false, Mode = CsvMode.Rfc4180 });
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i);
            }

            rows.Add(fields);
        }

        return rows;
    }
}
