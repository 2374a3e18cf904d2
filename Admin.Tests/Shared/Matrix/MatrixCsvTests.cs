using System.Globalization;
using System.Text;
using SocItConsole.Shared.Matrix;

namespace SocItConsole.Admin.Tests.Shared.Matrix;

public class MatrixCsvTests
{
    private const int Undersköterska = 1;
    private const int Sjuksköterska = 2;
    private const int Enhetschef = 3;
    private const int Läkare = 4;

    private const int Pascal = 10;
    private const int Lifecare = 11;
    private const int Swedlock = 12;
    private const int Treserva = 13;

    private const int PascalLäs = 100;
    private const int PascalSkriv = 101;
    private const int LifecareAnvändare = 110;
    private const int LifecareAdministratör = 111;
    private const int SwedlockBas = 120;
    private const int TreservaHandläggare = 130;
    private const int TreservaLäs = 131;

    private static readonly StringComparer Swedish =
        StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true);

    private static readonly MatrixCsvSchema Schema = new(
        [
            new CsvTitle(Undersköterska, "Undersköterska"),
            new CsvTitle(Sjuksköterska, "Sjuksköterska"),
            new CsvTitle(Enhetschef, "Enhetschef"),
            new CsvTitle(Läkare, "Läkare"),
        ],
        [
            new CsvSystem(Pascal, "Pascal", [new CsvLevel(PascalLäs, "Läs"), new CsvLevel(PascalSkriv, "Skriv")]),
            new CsvSystem(
                Lifecare,
                "Lifecare",
                [
                    new CsvLevel(LifecareAnvändare, "Användare"),
                    new CsvLevel(LifecareAdministratör, "Administratör"),
                ]),
            new CsvSystem(Swedlock, "Swedlock", [new CsvLevel(SwedlockBas, "Bas")]),
            new CsvSystem(
                Treserva,
                "Treserva",
                [new CsvLevel(TreservaHandläggare, "Handläggare"), new CsvLevel(TreservaLäs, "Läs")]),
        ]);

    private static readonly MatrixCell[] SomeCells =
    [
        new(Undersköterska, Pascal, PascalLäs),
        new(Undersköterska, Lifecare, LifecareAnvändare),
        new(Undersköterska, Swedlock, SwedlockBas),
        new(Sjuksköterska, Pascal, PascalSkriv),
        new(Sjuksköterska, Lifecare, LifecareAdministratör),
        new(Enhetschef, Treserva, TreservaLäs),
    ];

    [Fact]
    public void Export_StartsWithBom_UsesSemicolons_AndOpensHeaderWithTitel()
    {
        var bytes = MatrixCsv.Export(Schema, SomeCells, Swedish);

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Lines(bytes);
        Assert.Equal("Titel;Lifecare;Pascal;Swedlock;Treserva", lines[0]);
        Assert.All(lines.Skip(1), line => Assert.Equal(4, line.Count(c => c == ';')));
    }

    [Fact]
    public void Export_WritesTitlesInSwedishOrder_WithLevelNamesOrEmptyCells()
    {
        var lines = Lines(MatrixCsv.Export(Schema, SomeCells, Swedish));

        Assert.Equal(
            [
                "Titel;Lifecare;Pascal;Swedlock;Treserva",
                "Enhetschef;;;;Läs",
                "Läkare;;;;",
                "Sjuksköterska;Administratör;Skriv;;",
                "Undersköterska;Användare;Läs;Bas;",
            ],
            lines);
    }

    [Fact]
    public void Export_EndsLinesWithCrLf_ForExcel()
    {
        var text = Decode(MatrixCsv.Export(Schema, SomeCells, Swedish));

        Assert.Equal(5, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var withoutCrLf = text.Replace("\r\n", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", withoutCrLf, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_QuotesOnlyFieldsThatNeedIt()
    {
        var schema = new MatrixCsvSchema(
            [new CsvTitle(1, "Chef; bistånd"), new CsvTitle(2, "Vanlig")],
            [new CsvSystem(10, "System \"X\"", [new CsvLevel(100, "Läs")])]);

        var lines = Lines(MatrixCsv.Export(schema, [new MatrixCell(1, 10, 100)], Swedish));

        Assert.Equal(["Titel;\"System \"\"X\"\"\"", "\"Chef; bistånd\";Läs", "Vanlig;"], lines);
    }

    [Fact]
    public void Export_LeavesCellEmpty_WhenItsLevelNoLongerExists()
    {
        var lines = Lines(MatrixCsv.Export(Schema, [new MatrixCell(Läkare, Pascal, 999)], Swedish));

        Assert.Contains("Läkare;;;;", lines);
    }

    [Fact]
    public void Export_IgnoresCells_OfTitlesAndSystemsNotInTheSchema()
    {
        MatrixCell[] strangers = [new(99, Pascal, PascalLäs), new(Läkare, 99, 1)];

        var lines = Lines(MatrixCsv.Export(Schema, strangers, Swedish));

        Assert.Equal(5, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.EndsWith(";;;;", line, StringComparison.Ordinal));
    }

    [Fact]
    public void ExportThenParse_RoundTripsTheCells()
    {
        var result = MatrixCsv.Parse(new MemoryStream(MatrixCsv.Export(Schema, SomeCells, Swedish)), Schema);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(Sorted(SomeCells), Sorted(result.Cells));
        Assert.Equal([Undersköterska, Sjuksköterska, Enhetschef, Läkare], result.CoveredTitleIds.Order());
        Assert.Equal([Pascal, Lifecare, Swedlock, Treserva], result.CoveredSystemIds.Order());
        Assert.Empty(MatrixCsv.Diff(SomeCells, result));
    }

    [Fact]
    public void ExportThenParse_KeepsSwedishLettersAndQuotedNames()
    {
        var schema = new MatrixCsvSchema(
            [new CsvTitle(1, "Äldreomsorgens förste överläkare"), new CsvTitle(2, "Chef; \"bistånd\"")],
            [
                new CsvSystem(
                    10, "Åtkomst Ö;ver", [new CsvLevel(100, "Läs och ändra"), new CsvLevel(101, "\"Å\"")]),
            ]);
        MatrixCell[] cells = [new(1, 10, 100), new(2, 10, 101)];

        var bytes = MatrixCsv.Export(schema, cells, Swedish);
        var result = MatrixCsv.Parse(new MemoryStream(bytes), schema);

        var text = Decode(bytes);
        Assert.Contains("Äldreomsorgens förste överläkare;Läs och ändra", text, StringComparison.Ordinal);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(cells, Sorted(result.Cells));
    }

    [Fact]
    public void Parse_AcceptsFileWithoutBom_AndLfLineEndings()
    {
        var bytes = Encoding.UTF8.GetBytes("Titel;Pascal\nUndersköterska;Läs\n");

        var result = MatrixCsv.Parse(new MemoryStream(bytes), Schema);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal([new MatrixCell(Undersköterska, Pascal, PascalLäs)], result.Cells);
    }

    [Fact]
    public void Parse_ReadsFromTheStreamsCurrentPosition()
    {
        var stream = new MemoryStream([.. "xxx"u8, .. Utf8WithBom("Titel;Pascal\r\nLäkare;Skriv\r\n")]);
        stream.Position = 3;

        var result = MatrixCsv.Parse(stream, Schema);

        Assert.Equal([new MatrixCell(Läkare, Pascal, PascalSkriv)], result.Cells);
    }

    [Fact]
    public void Parse_ReportsEncodingError_ForWindows1252Bytes()
    {
        var bytes = Encoding.Latin1.GetBytes("Titel;Pascal\r\nUndersköterska;Läs\r\n");

        var result = MatrixCsv.Parse(new MemoryStream(bytes), Schema);

        var error = Assert.Single(result.Errors);
        Assert.Equal(0, error.Line);
        Assert.Contains("CSV UTF-8 (kommaavgränsad)", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Cells);
        Assert.Empty(result.CoveredTitleIds);
        Assert.Empty(result.CoveredSystemIds);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public void Parse_ReportsEncodingError_ForUnicodeTextWithOtherEncodings(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = encoding.Preamble.ToArray().Concat(encoding.GetBytes("Titel;Pascal\r\nLäkare;Läs\r\n")).ToArray();

        var result = MatrixCsv.Parse(new MemoryStream(bytes), Schema);

        Assert.Equal(0, Assert.Single(result.Errors).Line);
    }

    [Fact]
    public void Parse_ReportsEncodingError_ForUtf16WithoutBom()
    {
        var bytes = Encoding.Unicode.GetBytes("Titel;Pascal\r\nLäkare;Läs\r\n");

        var result = MatrixCsv.Parse(new MemoryStream(bytes), Schema);

        Assert.Equal(0, Assert.Single(result.Errors).Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    [InlineData("Namn;Pascal\r\nLäkare;Läs\r\n")]
    [InlineData("Läkare;Läs\r\n")]
    [InlineData(";Pascal\r\nLäkare;Läs\r\n")]
    public void Parse_ReportsMissingHeader_OnLineOne_AndStops(string text)
    {
        var result = Parse(text);

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.StartsWith("Rubrikraden saknas", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Cells);
    }

    [Theory]
    [InlineData("Titel;Pascal")]
    [InlineData("titel;Pascal")]
    [InlineData("  TITEL  ;Pascal")]
    [InlineData("\"Titel\";\"Pascal\"")]
    public void Parse_AcceptsTitelHeader_WhateverItsCaseOrPadding(string header)
    {
        var result = Parse($"{header}\r\nLäkare;Läs\r\n");

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal([new MatrixCell(Läkare, Pascal, PascalLäs)], result.Cells);
    }

    [Theory]
    [InlineData("Titel,Pascal,Lifecare\r\nLäkare,Läs,\r\n", "kommaavgränsad")]
    [InlineData("Titel\tPascal\tLifecare\r\nLäkare\tLäs\t\r\n", "tabbavgränsad")]
    public void Parse_ReportsThatTheFileMustBeSemicolonSeparated(string text, string expected)
    {
        var result = Parse(text);

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("semikolon", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Läkare;Läs;;;", "fler kolumner än rubrikraden (5 i stället för 3)")]
    [InlineData("Läkare;Läs;;Bas", "fler kolumner än rubrikraden (4 i stället för 3)")]
    [InlineData("Läkare;Läs", "färre kolumner än rubrikraden (2 i stället för 3)")]
    [InlineData("Läkare", "färre kolumner än rubrikraden (1 i stället för 3)")]
    public void Parse_ReportsRow_WhoseFieldCountDiffersFromTheHeader(string row, string expected)
    {
        var result = Parse($"Titel;Pascal;Lifecare\r\nUndersköterska;Läs;Användare\r\n{row}\r\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsUnknownTitle_WithItsLineNumber()
    {
        var result = Parse("Titel;Pascal\r\nLäkare;Läs\r\nUndersköterska;Skriv\r\nBarnmorska;Läs\r\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(new MatrixCsvError(4, "Okänd titel \"Barnmorska\"."), error);
    }

    [Fact]
    public void Parse_ReportsMissingTitle_InARowWithCells()
    {
        var result = Parse("Titel;Pascal\r\n;Läs\r\n");

        Assert.Equal(new MatrixCsvError(2, "Titel saknas i första kolumnen."), Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_ReportsUnknownSystem_OnTheHeaderLine_WithItsColumn()
    {
        var result = Parse("Titel;Pascal;Procapita\r\nLäkare;Läs;Admin\r\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(new MatrixCsvError(1, "Okänt system \"Procapita\" i kolumn C."), error);
        Assert.Equal([Pascal], result.CoveredSystemIds);
    }

    [Fact]
    public void Parse_ReportsUnknownLevel_NamingTheSystemAndItsValidLevels()
    {
        var result = Parse("Titel;Pascal;Lifecare\r\nLäkare;Läs;Användare\r\nEnhetschef;Admin;Användare\r\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal("Okänd nivå \"Admin\" för Pascal i kolumn B. Giltiga nivåer: Läs, Skriv.", error.Message);
    }

    [Fact]
    public void Parse_ReportsDuplicateTitleRow_OnTheSecondLine_NamingTheFirst()
    {
        var result = Parse("Titel;Pascal\r\nLäkare;Läs\r\nEnhetschef;Läs\r\n LÄKARE ;Skriv\r\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(new MatrixCsvError(4, "Titeln \"LÄKARE\" står redan på rad 2."), error);
        Assert.Equal(
            [new MatrixCell(Läkare, Pascal, PascalLäs), new MatrixCell(Enhetschef, Pascal, PascalLäs)],
            result.Cells);
    }

    [Fact]
    public void Parse_ReportsDuplicateSystemColumn()
    {
        var result = Parse("Titel;Pascal;Lifecare;pascal\r\nLäkare;Läs;;Skriv\r\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(new MatrixCsvError(1, "Systemet \"pascal\" i kolumn D står redan i kolumn B."), error);
    }

    [Fact]
    public void Parse_ReportsEmptyHeaderField()
    {
        var result = Parse("Titel;Pascal;;Lifecare\r\nLäkare;Läs;;\r\n");

        Assert.Equal(new MatrixCsvError(1, "Kolumn C i rubrikraden saknar systemnamn."), Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_CollectsEveryError_InLineOrder()
    {
        var result = Parse(
            "Titel;Pascal;Okänt\r\n" +
            "Barnmorska;Läs;x\r\n" +
            "Läkare;Mycket;\r\n" +
            "Läkare;Läs;\r\n" +
            "Enhetschef;Läs\r\n");

        Assert.Equal([1, 2, 3, 4, 5], result.Errors.Select(e => e.Line));
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Parse_ReadsQuotedFields_WithSemicolonsAndDoubledQuotes()
    {
        var schema = new MatrixCsvSchema(
            [new CsvTitle(1, "Chef; bistånd"), new CsvTitle(2, "Vanlig")],
            [new CsvSystem(10, "System \"X\"", [new CsvLevel(100, "Läs; \"alla\""), new CsvLevel(101, "Skriv")])]);

        var result = MatrixCsv.Parse(
            new MemoryStream(Utf8WithBom(
                "Titel;\"System \"\"X\"\"\"\r\n" +
                "\"Chef; bistånd\";\"Läs; \"\"alla\"\"\"\r\n" +
                "\"Vanlig\";\"Skriv\"\r\n")),
            schema);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal([new MatrixCell(1, 10, 100), new MatrixCell(2, 10, 101)], result.Cells);
    }

    [Theory]
    [InlineData("Titel;Pascal\r\nLäkare;\"Läs\r\nEnhetschef;Skriv\r\n", 2)]
    [InlineData("Titel;Pascal\r\nLäkare;Läs\r\nEnhetschef;\"Skriv", 3)]
    [InlineData("\"Titel;Pascal\r\nLäkare;Läs\r\n", 1)]
    public void Parse_ReportsUnterminatedQuote_WithItsLine_InsteadOfThrowing(string text, int line)
    {
        var result = Parse(text);

        var error = Assert.Single(result.Errors);
        Assert.Equal(line, error.Line);
        Assert.Contains("aldrig avslutas", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Läkare;Lä\"s")]
    [InlineData("Läkare;\"Läs\"x")]
    public void Parse_ReportsMisplacedQuote_WithItsLine(string row)
    {
        var result = Parse($"Titel;Pascal\r\nEnhetschef;Skriv\r\n{row}\r\nUndersköterska;Läs\r\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("citattecken", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.Cells.Count);
    }

    [Fact]
    public void Parse_SkipsEmptyLines_AndCountsThemInLineNumbers()
    {
        var result = Parse("Titel;Pascal;Lifecare\r\n\r\nLäkare;Läs;\r\n;;\r\n   \r\n\r\nBarnmorska;Läs;\r\n\r\n");

        Assert.Equal(new MatrixCsvError(7, "Okänd titel \"Barnmorska\"."), Assert.Single(result.Errors));
        Assert.Equal([new MatrixCell(Läkare, Pascal, PascalLäs)], result.Cells);
    }

    [Fact]
    public void Parse_CountsLinesInsideQuotedFields()
    {
        var result = Parse("Titel;Pascal\r\n\"Läkare\";\"Läs\r\noch mer\"\r\nBarnmorska;Läs\r\n");

        Assert.Equal([2, 4], result.Errors.Select(e => e.Line));
    }

    [Theory]
    [InlineData("Titel;Pascal;Lifecare", "Läkare;Läs;Användare")]
    [InlineData("TITEL;PASCAL;LIFECARE", "LÄKARE;LÄS;ANVÄNDARE")]
    [InlineData("titel ; pascal ;  lifecare", "  läkare ;läs;   användare  ")]
    [InlineData("Titel;\" Pascal \";Lifecare", "\" Läkare\";\"läs \";\tAnvändare\t")]
    [InlineData("Titel;Pascal\u00A0;Lifecare", "\u00A0Läkare;Läs;Användare")]
    public void Parse_MatchesNames_IgnoringCaseAndSurroundingWhitespace(string header, string row)
    {
        var result = Parse($"{header}\r\n{row}\r\n");

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(
            [new MatrixCell(Läkare, Pascal, PascalLäs), new MatrixCell(Läkare, Lifecare, LifecareAnvändare)],
            result.Cells);
    }

    [Fact]
    public void Parse_ReportsAmbiguousName_WhenTheRegisterHasNamesDifferingOnlyInCase()
    {
        var schema = new MatrixCsvSchema(
            [new CsvTitle(1, "Läkare"), new CsvTitle(2, "LÄKARE")],
            [new CsvSystem(10, "Pascal", [new CsvLevel(100, "Läs")])]);

        var result = MatrixCsv.Parse(new MemoryStream(Utf8WithBom("Titel;Pascal\r\nläkare;Läs\r\n")), schema);

        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("passar flera titlar", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CoversOnlyTheRowsAndColumnsInTheFile()
    {
        var result = Parse("Titel;Lifecare;Pascal\r\nLäkare;;Läs\r\nEnhetschef;;\r\n");

        Assert.True(result.IsValid);
        Assert.Equal([Enhetschef, Läkare], result.CoveredTitleIds.Order());
        Assert.Equal([Pascal, Lifecare], result.CoveredSystemIds.Order());
        Assert.Equal([new MatrixCell(Läkare, Pascal, PascalLäs)], result.Cells);
    }

    [Fact]
    public void Parse_AcceptsHeaderWithoutSystems()
    {
        var result = Parse("Titel\r\nLäkare\r\n");

        Assert.True(result.IsValid);
        Assert.Equal([Läkare], result.CoveredTitleIds);
        Assert.Empty(result.CoveredSystemIds);
    }

    [Fact]
    public void Diff_ChangesOnlyCellsInsideTheCoveredArea_WithTheRightKinds()
    {
        MatrixCell[] current =
        [
            new(Undersköterska, Pascal, PascalLäs),
            new(Undersköterska, Lifecare, LifecareAnvändare),
            new(Undersköterska, Treserva, TreservaLäs),
            new(Sjuksköterska, Pascal, PascalSkriv),
            new(Enhetschef, Swedlock, SwedlockBas),
            new(Läkare, Pascal, PascalLäs),
        ];

        // Sjuksköterska's row and the Swedlock and Treserva columns are not in the file.
        var parsed = Parse(
            "Titel;Pascal;Lifecare\r\n" +
            "Undersköterska;Skriv;\r\n" +
            "Enhetschef;Läs;Administratör\r\n" +
            "Läkare;Läs;\r\n");

        var changes = MatrixCsv.Diff(current, parsed);

        Assert.Equal(
            [
                new CellChange(new CellKey(Undersköterska, Pascal), PascalLäs, PascalSkriv),
                new CellChange(new CellKey(Undersköterska, Lifecare), LifecareAnvändare, null),
                new CellChange(new CellKey(Enhetschef, Pascal), null, PascalLäs),
                new CellChange(new CellKey(Enhetschef, Lifecare), null, LifecareAdministratör),
            ],
            changes);
        Assert.Equal(
            [CellChangeKind.LevelChanged, CellChangeKind.Removed, CellChangeKind.Added, CellChangeKind.Added],
            changes.Select(c => c.Kind));
    }

    [Fact]
    public void Diff_OfAnEmptiedFile_RemovesEveryCoveredCell()
    {
        var parsed = Parse("Titel;Lifecare;Pascal;Swedlock;Treserva\r\nUndersköterska;;;;\r\nSjuksköterska;;;;\r\n");

        var changes = MatrixCsv.Diff(SomeCells, parsed);

        Assert.Equal(5, changes.Count);
        Assert.All(changes, c => Assert.Equal(CellChangeKind.Removed, c.Kind));
        Assert.Equal(changes.OrderBy(c => c.Key.TitleId).ThenBy(c => c.Key.SystemId), changes);
    }

    [Fact]
    public void Diff_Refuses_AFileWithErrors()
    {
        var parsed = Parse("Titel;Pascal\r\nLäkare;Mycket\r\n");

        Assert.Throws<ArgumentException>(() => MatrixCsv.Diff(SomeCells, parsed));
    }

    [Fact]
    public void Parse_ReadsTenThousandRowsAndThirtySystems()
    {
        var titles = Enumerable.Range(1, 10_000).Select(i => new CsvTitle(i, $"Titel nr {i}")).ToList();
        var systems = Enumerable.Range(1, 30)
            .Select(s => new CsvSystem(
                100_000 + s,
                $"System {s}",
                [new CsvLevel((s * 10) + 1, "Läs"), new CsvLevel((s * 10) + 2, "Skriv")]))
            .ToList();
        var schema = new MatrixCsvSchema(titles, systems);
        var cells = titles
            .SelectMany(t => systems
                .Where(s => (t.TitleId + s.SystemId) % 3 != 0)
                .Select(s => new MatrixCell(t.TitleId, s.SystemId, s.Levels[t.TitleId % 2].LevelId)))
            .ToList();

        var result = MatrixCsv.Parse(new MemoryStream(MatrixCsv.Export(schema, cells, Swedish)), schema);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors.Take(5)));
        Assert.Equal(cells.Count, result.Cells.Count);
        Assert.Equal(10_000, result.CoveredTitleIds.Count);
        Assert.Equal(30, result.CoveredSystemIds.Count);
        Assert.Equal(Sorted(cells), Sorted(result.Cells));
    }

    [Fact]
    public void Parse_NeverThrows_ForRandomBytes()
    {
        var random = new Random(12345);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);

            var result = MatrixCsv.Parse(new MemoryStream(bytes), Schema);

            Assert.Equal(result.Errors.Count == 0, result.IsValid);
        }
    }

    [Fact]
    public void Parse_NeverThrows_ForRandomTextMadeOfCsvPieces()
    {
        var random = new Random(12345);
        string[] pieces =
        [
            "Titel", "Pascal", "Lifecare", "Läkare", "Enhetschef", "Läs", "Skriv", "Bas", "ö", "x",
            ";", ";", ";", "\"", "\"\"", "\r\n", "\r\n", "\n", "\r", ",", "\t", " ", "\u00A0", "\uFEFF",
        ];
        var reachedRows = 0;
        for (var i = 0; i < 300; i++)
        {
            var text = new StringBuilder(i % 3 == 0 ? string.Empty : "Titel;Pascal;Lifecare\r\n");
            for (var p = random.Next(0, 80); p > 0; p--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            var result = Parse(text.ToString());

            Assert.All(result.Errors, e => Assert.InRange(e.Line, 1, text.Length + 1));
            reachedRows += result.CoveredTitleIds.Count;
        }

        // Guards the test itself: random text must get past the header often enough to exercise the row rules.
        Assert.True(reachedRows > 20, $"Only {reachedRows} rows were matched.");
    }

    [Fact]
    public void Parse_NeverThrows_ForMutationsOfAValidFile()
    {
        var random = new Random(12345);
        var valid = MatrixCsv.Export(Schema, SomeCells, Swedish);
        byte[] interesting = [.. ";\"\r\n, x"u8, 0xC3, 0xA5];
        var outcomes = new HashSet<(bool Valid, bool Encoding)>();
        for (var i = 0; i < 400; i++)
        {
            var bytes = new List<byte>(valid);
            for (var m = random.Next(1, 4); m > 0 && bytes.Count > 0; m--)
            {
                var at = random.Next(bytes.Count);
                var value = random.Next(10) == 0
                    ? (byte)random.Next(256)
                    : interesting[random.Next(interesting.Length)];
                switch (random.Next(3))
                {
                    case 0:
                        bytes[at] = value;
                        break;
                    case 1:
                        bytes.Insert(at, value);
                        break;
                    default:
                        bytes.RemoveAt(at);
                        break;
                }
            }

            var result = MatrixCsv.Parse(new MemoryStream([.. bytes]), Schema);

            Assert.All(result.Errors, e => Assert.InRange(e.Line, 0, bytes.Count + 1));
            outcomes.Add((result.IsValid, result.Errors.Any(e => e.Line == 0)));
        }

        // Guards the test itself: the mutations must reach valid files, row errors and encoding errors alike.
        Assert.Equal(3, outcomes.Count);
    }

    private static MatrixCsvParseResult Parse(string text) =>
        MatrixCsv.Parse(new MemoryStream(Utf8WithBom(text)), Schema);

    private static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)];

    private static string Decode(byte[] bytes) => new UTF8Encoding(false, true).GetString(bytes, 3, bytes.Length - 3);

    private static string[] Lines(byte[] bytes) => Decode(bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    private static List<MatrixCell> Sorted(IEnumerable<MatrixCell> cells) =>
        [.. cells.OrderBy(c => c.TitleId).ThenBy(c => c.SystemId)];
}
