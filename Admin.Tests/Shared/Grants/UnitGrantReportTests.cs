using System.Globalization;
using System.Text;
using SocItConsole.Shared.Grants;

namespace SocItConsole.Admin.Tests.Shared.Grants;

public class UnitGrantReportTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static readonly UnitGrantLine Lisa = new(
        "Lisa Andersson", "Hemtjänst Centrum", "Hemtjänst Centrum", "Lifecare", "Utförare", new(2026, 1, 5), null,
        "SOC-2026-00017", IsTemporary: false, IsFromOtherUnit: false, EndsSoon: false);

    [Theory]
    [InlineData(null, false)]
    [InlineData("2026-11-27", true)]
    [InlineData("2026-12-11", true)]
    [InlineData("2026-12-12", false)]
    [InlineData("2026-11-26", false)]
    public void EndsSoon_WithinFourteenDays(string? to, bool expected) =>
        Assert.Equal(expected, UnitGrantReport.EndsSoon(to is null ? null : Day(to), Today));

    [Fact]
    public void Export_IsUtf8WithAByteOrderMark_SemicolonsAndSwedishHeaders()
    {
        var bytes = UnitGrantReport.Export(
        [
            Lisa,
            Lisa with
            {
                EmployeeName = "Omar Ali", HomeUnitName = "Tallgårdens vård- och omsorgsboende", To = new(2026, 12, 4),
                IsTemporary = true, IsFromOtherUnit = true, EndsSoon = true,
            },
        ]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(
            [
                "Medarbetare;Hemverksamhet;Verksamhet;System;Nivå;Från;Till;Tillfällig;Från annan verksamhet;Slutar inom 14 dagar;Ärende",
                "Lisa Andersson;Hemtjänst Centrum;Hemtjänst Centrum;Lifecare;Utförare;2026-01-05;tills vidare;Nej;Nej;Nej;SOC-2026-00017",
                "Omar Ali;Tallgårdens vård- och omsorgsboende;Hemtjänst Centrum;Lifecare;Utförare;2026-01-05;2026-12-04;Ja;Ja;Ja;SOC-2026-00017",
            ],
            Lines(bytes));
    }

    [Theory]
    [InlineData("=SUM(A1:A2)")]
    [InlineData("+46 70 123")]
    [InlineData("-1+1")]
    [InlineData("@Lisa")]
    public void Export_WritesAFormulaLookingName_WithALeadingApostrophe(string name)
    {
        var row = Lines(UnitGrantReport.Export([Lisa with { EmployeeName = name, HomeUnitName = name }]))[1];

        Assert.StartsWith($"'{name};'{name};Hemtjänst Centrum;", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hemtjänst Centrum", "behorigheter-hemtjanst-centrum-2026-11-27.csv")]
    [InlineData("Tallgårdens vård- och omsorgsboende", "behorigheter-tallgardens-vard-och-omsorgsboende-2026-11-27.csv")]
    [InlineData("alla verksamheter", "behorigheter-alla-verksamheter-2026-11-27.csv")]
    [InlineData("IFO Barn & unga (Öst)", "behorigheter-ifo-barn-unga-ost-2026-11-27.csv")]
    [InlineData("???", "behorigheter-verksamhet-2026-11-27.csv")]
    public void FileName_IsPlainAscii_WithTheScopeAndDay(string scope, string expected) =>
        Assert.Equal(expected, UnitGrantReport.FileName(scope, Today));

    private static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private static string[] Lines(byte[] bytes) =>
        Encoding.UTF8.GetString(bytes[3..]).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
}
