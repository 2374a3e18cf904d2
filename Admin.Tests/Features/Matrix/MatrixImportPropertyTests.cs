using System.Globalization;
using System.Text;
using CsCheck;
using SocItConsole.Admin.Tests.Shared.Properties;
using SocItConsole.Shared.Matrix;

namespace SocItConsole.Admin.Tests.Features.Matrix;

/// <summary>
/// The matrix import's parser (<see cref="MatrixCsv.Parse"/>) against generated files: every matrix it exports reads
/// back to the same cells, and any file at all — random bytes, random text, an export with bytes flipped, quotes and
/// separators thrown in — is either a valid matrix that round-trips or refused with Swedish messages by line, never
/// an exception.
/// </summary>
public class MatrixImportPropertyTests
{
    private static readonly StringComparer Swedish = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true);

    // Names that a CSV writer must quote or that Excel would take for a formula, next to ordinary Swedish ones.
    private static readonly MatrixCsvSchema Schema = new(
        [
            new CsvTitle(1, "Undersköterska"),
            new CsvTitle(2, "Sjuksköterska; natt"),
            new CsvTitle(3, "Chef \"Centrum\""),
            new CsvTitle(4, "=SUMMA(A1)"),
            new CsvTitle(5, "Vårdbiträde, timanställd"),
        ],
        [
            new CsvSystem(10, "Lifecare", [new CsvLevel(100, "Utförare"), new CsvLevel(101, "Handläggare"), new CsvLevel(102, "Läs; skriv")]),
            new CsvSystem(11, "Smartkort (SITHS)", [new CsvLevel(110, "Standard")]),
            new CsvSystem(12, "Qlik \"view\"", [new CsvLevel(120, "Standard"), new CsvLevel(121, "+Chef")]),
            new CsvSystem(13, "Treserva", []),
        ]);

    private static readonly (int TitleId, int SystemId, int[] Levels)[] Slots =
        [.. Schema.Titles.SelectMany(t => Schema.Systems.Select(s => (t.TitleId, s.SystemId, s.Levels.Select(l => l.LevelId).ToArray())))];

    /// <summary>A matrix over <see cref="Schema"/>: each cell empty or one of its system's levels.</summary>
    private static readonly Gen<MatrixCell[]> Matrices = Gen.Int[0, 3].Array[Slots.Length].Select(choices =>
        Slots.Zip(choices)
            .Where(x => x.Second < x.First.Levels.Length)
            .Select(x => new MatrixCell(x.First.TitleId, x.First.SystemId, x.First.Levels[x.Second]))
            .ToArray());

    [Fact]
    public void Export_ThenParse_GivesBackEveryCell_AndNoChange()
    {
        Hostile.Check(Matrices, cells =>
        {
            var parsed = Parse(MatrixCsv.Export(Schema, cells, Swedish));

            Assert.Empty(parsed.Errors);
            Assert.Equal(Order(cells), Order(parsed.Cells));
            Assert.Equal(Schema.Titles.Select(t => t.TitleId).Order(), parsed.CoveredTitleIds.Order());
            Assert.Equal(Schema.Systems.Select(s => s.SystemId).Order(), parsed.CoveredSystemIds.Order());
            Assert.Empty(MatrixCsv.Diff(cells, parsed));
        }, "Matrix CSV, valid");
    }

    [Fact]
    public void AnyFile_IsEitherAMatrixThatRoundTrips_OrRefusedInSwedishByLine_NeverAnException()
    {
        var exports = Matrices.Select(cells => MatrixCsv.Export(Schema, cells, Swedish));
        var files = Gen.Frequency<byte[]>(
            (1, Gen.Byte.Array[0, 300]),
            (2, Hostile.Text.Select(t => Encoding.UTF8.GetBytes(t))),
            (2, Hostile.Near("Titel;Lifecare;Qlik \"view\";Undersköterska;Utförare;Standard;\"\r\n,\t", 120).Select(t => Encoding.UTF8.GetBytes(t))),
            (4, Gen.Select(exports, Gen.Int.Array[6], Gen.Byte.Array[3], Flip)),
            (2, Gen.Select(exports, Gen.Int[0, 2000], (bytes, cut) => bytes[..Math.Min(cut, bytes.Length)])));

        Hostile.Check(files, bytes =>
        {
            var parsed = Parse(bytes);

            if (!parsed.IsValid)
            {
                Assert.All(parsed.Errors, error =>
                {
                    Assert.True(error.Line >= 0, $"Line {error.Line}");
                    Hostile.AssertSwedish(error.Message);
                });
                Assert.Throws<ArgumentException>(() => MatrixCsv.Diff([], parsed));
                return;
            }

            // Accepted: only cells of the schema, at levels their system has, each at most once; and a round trip.
            foreach (var cell in parsed.Cells)
            {
                Assert.Contains(Slots, s => s.TitleId == cell.TitleId && s.SystemId == cell.SystemId && s.Levels.Contains(cell.LevelId));
            }

            Assert.Equal(parsed.Cells.Count, parsed.Cells.Select(c => c.Key).Distinct().Count());
            var again = Parse(MatrixCsv.Export(Schema, parsed.Cells, Swedish));
            Assert.Empty(again.Errors);
            Assert.Equal(Order(parsed.Cells), Order(again.Cells));
            _ = MatrixCsv.Diff([], parsed);
        }, "Matrix CSV, hostile");
    }

    private static MatrixCsvParseResult Parse(byte[] bytes) => MatrixCsv.Parse(new MemoryStream(bytes), Schema);

    private static List<MatrixCell> Order(IEnumerable<MatrixCell> cells) =>
        [.. cells.OrderBy(c => c.TitleId).ThenBy(c => c.SystemId)];

    /// <summary>Up to three bytes of an exported file replaced, inserted or removed; inserted bytes lean to quotes, separators and line breaks.</summary>
    private static byte[] Flip(byte[] bytes, int[] choices, byte[] values)
    {
        var result = new List<byte>(bytes);
        byte[] special = [(byte)'"', (byte)';', (byte)'\n', (byte)'\r', (byte)',', 0xC3];
        for (var i = 0; i < 3 && result.Count > 0; i++)
        {
            var at = Math.Abs(choices[2 * i] % result.Count);
            var value = values[i] % 2 == 0 ? special[values[i] % special.Length] : values[i];
            switch (Math.Abs(choices[(2 * i) + 1] % 3))
            {
                case 0:
                    result[at] = value;
                    break;
                case 1:
                    result.RemoveAt(at);
                    break;
                default:
                    result.Insert(at, value);
                    break;
            }
        }

        return [.. result];
    }
}
