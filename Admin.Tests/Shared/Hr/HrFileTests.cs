using System.Diagnostics;
using System.Globalization;
using System.Text;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Hr;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Tests.Shared.Hr;

/// <summary>The HR file reader on examples: each form Excel writes, and each Swedish message with its line number.</summary>
public class HrFileTests
{
    public static readonly DateOnly Today = new(2026, 11, 27);

    public const string Pnr1 = "19850312-4565";
    public const string Pnr2 = "19900101-1239";

    private const string Header = "Personnummer;Namn;Enhet;Titel;Startdatum;Slutdatum";

    private static HrFileReadResult Read(string text) => HrFile.Read(Encoding.UTF8.GetBytes(text), Today);

    private static HrLineError SingleError(string text)
    {
        var result = Read(text);
        Assert.False(result.IsValid);
        Assert.Empty(result.Lines);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Read_SemicolonUtf8_GivesEachLineWithItsNumber()
    {
        var result = Read($"{Header}\r\n{Pnr1};Åsa Öberg;K1234;Undersköterska;2024-01-01;\r\n{Pnr2};Émile Ek;K1235;Sjuksköterska;2025-06-01;2026-08-31\r\n");

        Assert.True(result.IsValid);
        Assert.Equal(2, result.LinesRead);
        Assert.Equal(';', result.Separator);
        Assert.Equal("UTF-8", result.EncodingName);
        Assert.Equal(
            [
                new HrLine(2, Personnummer.Parse(Pnr1, Today), "Åsa Öberg", "K1234", "Undersköterska", new DateOnly(2024, 1, 1), null),
                new HrLine(3, Personnummer.Parse(Pnr2, Today), "Émile Ek", "K1235", "Sjuksköterska", new DateOnly(2025, 6, 1), new DateOnly(2026, 8, 31)),
            ],
            result.Lines);
    }

    [Fact]
    public void Read_Windows1252_ReadsSwedishLetters()
    {
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var result = HrFile.Read(windows1252.GetBytes($"{Header}\r\n{Pnr1};Åsa Öberg-Ärlig é;K1234;Undersköterska;2024-01-01;\r\n"), Today);

        Assert.True(result.IsValid);
        Assert.Equal("Windows-1252", result.EncodingName);
        Assert.Equal("Åsa Öberg-Ärlig é", Assert.Single(result.Lines).Name);
    }

    [Fact]
    public void Read_Utf8WithBom_CommasAndHeaderInAnyOrderAndCase()
    {
        var bytes = Encoding.UTF8.GetPreamble()
            .Concat(Encoding.UTF8.GetBytes($"BEFATTNING,kostnadsställe,Fr.o.m.,T.O.M.,Namn,PERSONNUMMER\n\"Sjuksköterska, natt\",K1,20240101,2026-11-27 00:00:00,\"Berg, \"\"Kalle\"\"\",{Pnr1}\n"))
            .ToArray();

        var result = HrFile.Read(bytes, Today);

        Assert.True(result.IsValid, string.Join(" ", result.Errors));
        Assert.Equal(',', result.Separator);
        Assert.Equal("UTF-8 med BOM", result.EncodingName);
        var line = Assert.Single(result.Lines);
        Assert.Equal(("Berg, \"Kalle\"", "K1", "Sjuksköterska, natt"), (line.Name, line.Unit, line.Title));
        Assert.Equal((new DateOnly(2024, 1, 1), new DateOnly(2026, 11, 27)), (line.From, line.To!.Value));
    }

    [Fact]
    public void Read_QuotedLineBreak_NumbersTheNextRecordByItsFileLine()
    {
        var result = Read($"{Header}\r\n{Pnr1};\"Anna\r\nAndersson\";K1;Titel;2024-01-01;\r\n\r\n{Pnr2};Bo;K1;Titel;2024-01-01;\r\n");

        Assert.True(result.IsValid);
        Assert.Equal([2, 5], result.Lines.Select(l => l.LineNumber));
        Assert.Equal("Anna\r\nAndersson", result.Lines[0].Name);
    }

    [Fact]
    public void Read_ExcelSeparatorLine_IsHonouredAndSkipped()
    {
        var result = Read($"sep=,\r\nPersonnummer,Namn,Enhet,Titel,Start,Slut\r\n{Pnr1},Anna; Berg,K1,Titel,2024-01-01,\r\n");

        Assert.True(result.IsValid);
        Assert.Equal((3, "Anna; Berg"), (result.Lines[0].LineNumber, result.Lines[0].Name));
    }

    [Fact]
    public void Read_FormulaLookingCells_AreTextAndTheConsolesApostropheIsRemoved()
    {
        var result = Read($"{Header}\r\n{Pnr1};=HYPERLINK(\"x\");{SpreadsheetText.Cell("=1+1")};@Titel;2024-01-01;\r\n{Pnr2};{SpreadsheetText.Cell("-Bo")};+46;'Chef;2024-01-01;\r\n");

        Assert.True(result.IsValid, string.Join(" ", result.Errors));
        Assert.Equal(("=HYPERLINK(\"x\")", "=1+1", "@Titel"), (result.Lines[0].Name, result.Lines[0].Unit, result.Lines[0].Title));
        Assert.Equal(("-Bo", "+46", "'Chef"), (result.Lines[1].Name, result.Lines[1].Unit, result.Lines[1].Title));
    }

    [Theory]
    [InlineData("{0};;K1;Titel;2024-01-01;", "Namn saknas.")]
    [InlineData("{0};Anna;;Titel;2024-01-01;", "Enhet saknas.")]
    [InlineData("{0};Anna;K1; ;2024-01-01;", "Titel saknas.")]
    [InlineData("{0};Anna;K1;Titel;;", "Startdatum saknas.")]
    [InlineData("{0};Anna;K1;Titel;2024-13-01;", "Startdatum \"2024-13-01\" är inte ett datum som ÅÅÅÅ-MM-DD.")]
    [InlineData("{0};Anna;K1;Titel;1/1/2024;", "Startdatum \"1/1/2024\" är inte ett datum som ÅÅÅÅ-MM-DD.")]
    [InlineData("{0};Anna;K1;Titel;2024-01-01;31.12.2024", "Slutdatum \"31.12.2024\" är inte ett datum som ÅÅÅÅ-MM-DD.")]
    [InlineData("{0};Anna;K1;Titel;2024-01-01;2023-12-31", "Slutdatum är före startdatum.")]
    [InlineData("{0};Anna;K1;Titel;2024-01-01", "Raden har färre kolumner än rubrikraden (5 i stället för 6).")]
    [InlineData("{0};Anna;K1;Titel;2024-01-01;;x", "Raden har fler kolumner än rubrikraden (7 i stället för 6).")]
    [InlineData("{0};\"Anna\" B;K1;Titel;2024-01-01;", "Raden har text direkt efter ett avslutande citattecken. Kontrollera citattecknen på raden.")]
    [InlineData("{0};\"Anna;K1;Titel;2024-01-01;", "Raden har ett citattecken som inte avslutas. Kontrollera raden i Excel.")]
    [InlineData("19850312-4567;Anna;K1;Titel;2024-01-01;", "Personnummer: Kontrollsiffran stämmer inte: kontrollera personnumret.")]
    [InlineData("1.98503E+11;Anna;K1;Titel;2024-01-01;", "Personnummer: Personnumret får bara innehålla siffror och bindestreck, t.ex. 19900101-1234.")]
    public void Read_ALineWithOneProblem_IsReportedOnItsLine_InSwedish(string line, string message)
    {
        var text = $"{Header}\r\n{Pnr2};Bo;K1;Titel;2024-01-01;\r\n{string.Format(CultureInfo.InvariantCulture, line, Pnr1)}\r\n";
        var error = SingleError(text);
        Assert.Equal(new HrLineError(3, message), error);
    }

    [Fact]
    public void Read_TooLongName_IsReported()
    {
        var error = SingleError($"{Header}\r\n{Pnr1};{new string('A', Employee.FullNameMaxLength + 1)};K1;Titel;2024-01-01;\r\n");
        Assert.Equal(new HrLineError(2, $"Namn är längre än {Employee.FullNameMaxLength} tecken."), error);
    }

    [Fact]
    public void Read_ALineWithSeveralProblems_ReportsEach()
    {
        var result = Read($"{Header}\r\n19850312-4567;;K1;Titel;x;\r\n");

        Assert.Equal([2, 2, 2], result.Errors.Select(e => e.LineNumber));
        Assert.Equal(3, result.Errors.Count);
        Assert.Empty(result.Lines);
    }

    [Fact]
    public void Read_APersonTwiceForTheSameUnitTitleAndPeriod_IsOneErrorOnTheRepeat()
    {
        var error = SingleError($"{Header}\r\n{Pnr1};Anna;K1;Titel;2024-01-01;\r\n{Pnr2};Bo;K1;Titel;2024-01-01;\r\n198503124565;anna;k1 ;TITEL;20240101;\r\n");
        Assert.Equal(new HrLineError(4, "Raden upprepar rad 2."), error);
    }

    [Fact]
    public void Read_APersonInTwoPosts_IsTwoLines()
    {
        var result = Read($"{Header}\r\n{Pnr1};Anna;K1;Titel;2024-01-01;\r\n{Pnr1};Anna;K2;Titel;2024-01-01;\r\n");
        Assert.Equal(2, result.Lines.Count);
    }

    [Theory]
    [InlineData("", 1, "Filen är tom: rubrikraden saknas.")]
    [InlineData("\r\n\r\n", 1, "Filen är tom: rubrikraden saknas.")]
    [InlineData("Personnummer;Namn;Enhet;Titel;Startdatum\r\n", 1, "Rubrikraden saknar kolumnen Slutdatum. Kolumnerna ska vara: Personnummer, Namn, Enhet, Titel, Startdatum, Slutdatum.")]
    [InlineData("Pnr;Namn;Titel\r\n", 1, "Rubrikraden saknar kolumnerna Enhet, Startdatum, Slutdatum. Kolumnerna ska vara: Personnummer, Namn, Enhet, Titel, Startdatum, Slutdatum.")]
    [InlineData("Personnummer;Namn;Enhet;Kostnadsställe;Titel;Start;Slut\r\n", 1, "Rubrikraden har två kolumner för Enhet: \"Enhet\" och \"Kostnadsställe\".")]
    public void Read_ABadHeader_IsTheOnlyError(string text, int line, string message)
    {
        Assert.Equal(new HrLineError(line, message), SingleError(text));
    }

    [Fact]
    public void Read_Utf16_IsRefusedAsAWhole()
    {
        var withBom = HrFile.Read(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Header)).ToArray(), Today);
        var withoutBom = HrFile.Read(Encoding.Unicode.GetBytes(Header + "\r\n"), Today);

        foreach (var result in new[] { withBom, withoutBom })
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal(0, error.LineNumber);
            Assert.StartsWith("Filen är sparad som UTF-16 (Unicode-text)", error.Message, StringComparison.Ordinal);
            Assert.Contains("CSV UTF-8", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_AWorkbookOrBinary_IsRefusedAsAWhole()
    {
        var workbook = HrFile.Read("PK\u0003\u0004\u0014\0\u0006\0"u8.ToArray(), Today);
        var binary = HrFile.Read(new byte[] { 0x50, 0x6E, 0x72, 0x01, 0x02, 0x41 }, Today);

        Assert.Equal(new HrLineError(0, "Filen är en Excel-arbetsbok, inte en CSV-fil. Spara den i Excel som \"CSV UTF-8 (kommaavgränsad)\" och försök igen."), Assert.Single(workbook.Errors));
        Assert.Equal(new HrLineError(0, "Filen innehåller tecken som inte är text och är inte en CSV-fil. Spara den i Excel som \"CSV UTF-8 (kommaavgränsad)\" och försök igen."), Assert.Single(binary.Errors));
    }

    [Fact]
    public void Read_ManyErrors_ListsTheFirstThousandAndCountsTheRest()
    {
        var text = new StringBuilder(Header + "\r\n");
        for (var i = 0; i < HrFile.MaxErrors + 1_500; i++)
        {
            text.Append(Pnr1).Append(";;K1;Titel;2024-01-01;\r\n");
        }

        var result = Read(text.ToString());

        Assert.Equal(HrFile.MaxErrors + 1, result.Errors.Count);
        Assert.Equal(new HrLineError(2, "Namn saknas."), result.Errors[0]);
        Assert.Equal(new HrLineError(0, "… och 1\u00A0500 fel till."), result.Errors[^1]);
    }

    [Fact]
    public void Read_FortyThousandLines_TakesUnderTwoSeconds()
    {
        var text = new StringBuilder(Header + "\r\n");
        for (var i = 0; i < 40_000; i++)
        {
            var birth = new DateOnly(1970, 1, 1).AddDays(i / 1000);
            var nine = string.Create(CultureInfo.InvariantCulture, $"{birth:yyMMdd}{i % 1000:D3}");
            text.Append(CultureInfo.InvariantCulture, $"19{nine}{Personnummer.CheckDigit(nine)};\"Person {i}, Ek\";K{i % 300};Undersköterska;2024-01-01;\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        HrFile.Read(bytes, Today);

        // The best of three: the machine running the tests may be busy with other tests for one of them.
        var fastest = TimeSpan.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            var result = HrFile.Read(bytes, Today);
            clock.Stop();
            fastest = clock.Elapsed < fastest ? clock.Elapsed : fastest;
            Assert.True(result.IsValid, string.Join(" ", result.Errors.Take(3)));
            Assert.Equal(40_000, result.Lines.Count);
        }

        Assert.True(fastest < TimeSpan.FromSeconds(2), $"40,000 lines took {fastest.TotalMilliseconds:0} ms");
    }
}
