using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;

namespace SocItConsole.Admin.Tests.Shared.Properties;

/// <summary>
/// Generators of hostile text and the harness every property test runs through: a fixed number of generated cases,
/// counted and printed, so that the figure the hardening issue asks for is proven by each run.
/// </summary>
public static partial class Hostile
{
    /// <summary>Generated cases per property and run (issue 10 asks for at least 10,000 per parser or validator).</summary>
    public const int Cases = 10_000;

    /// <summary>
    /// Characters that break naive parsers: digits of other scripts, separators, whitespace that <c>Trim</c> does or
    /// does not remove, control characters, lone surrogate halves, markup, formula starters and Swedish letters.
    /// </summary>
    private const string Nasty =
        "0123456789-+ \t\r\n\0\u00A0\u2007\u200B\uFEFF\u0660\u0663\uFF10\uFF19\u00B2"
        + "\uD800\uDC00\uD83D\uDE00@.,;:\"'<>&=/\\%_()[]{}#!?*$`~|"
        + "aåäöÅÄÖéüßZ\u0301\u202E\u2028\u0085\u001F\u007F";

    private static readonly Gen<char> NastyChar = Gen.Char[Nasty];

    /// <summary>Any text: fully random UTF-16 (also invalid), nasty characters, and boundary lengths up to 5,000.</summary>
    public static readonly Gen<string> Text = Gen.Frequency<string>(
        (3, Gen.String),
        (3, NastyChar.Array[0, 24].Select(c => new string(c))),
        (2, Gen.Char.Array[0, 40].Select(c => new string(c))),
        (1, Gen.Select(NastyChar, Gen.Int[200, 5_000], (c, n) => new string(c, n))),
        (1, Gen.Const(string.Empty)));

    /// <summary>Text built from <paramref name="alphabet"/> and nasty characters, <paramref name="max"/> long at most.</summary>
    public static Gen<string> Near(string alphabet, int max) =>
        Gen.Frequency<char>(
            (4, Gen.Char[alphabet]),
            (1, NastyChar)).Array[0, max].Select(c => new string(c));

    /// <summary>One to three random edits of <paramref name="valid"/>: a character replaced, inserted or removed.</summary>
    public static Gen<string> Mutated(Gen<string> valid) =>
        Gen.Select(valid, Gen.Int[1, 3], Gen.Int.Array[9], NastyChar.Array[3], (text, edits, positions, chars) =>
        {
            var result = text;
            for (var i = 0; i < edits; i++)
            {
                var kind = Math.Abs(positions[(3 * i) + 2] % 3);
                var at = result.Length == 0 ? 0 : Math.Abs(positions[3 * i] % result.Length);
                result = kind switch
                {
                    0 when result.Length > 0 => result.Remove(at, 1).Insert(at, chars[i].ToString()),
                    1 when result.Length > 0 => result.Remove(at, 1),
                    _ => result.Insert(at, chars[i].ToString()),
                };
            }

            return result;
        });

    /// <summary>
    /// Runs <paramref name="property"/> on exactly <see cref="Cases"/> generated values, asserts that it did and
    /// prints the count (CsCheck prints the seed of a failing case so that it can be replayed).
    /// </summary>
    public static void Check<T>(Gen<T> gen, Action<T> property, string what)
    {
        var count = 0;
        gen.Sample(value =>
        {
            Interlocked.Increment(ref count);
            property(value);
        }, iter: Cases);
        Report(count, what);
    }

    /// <inheritdoc cref="Check{T}"/>
    public static async Task CheckAsync<T>(Gen<T> gen, Func<T, Task> property, string what)
    {
        var count = 0;
        await gen.SampleAsync(async value =>
        {
            Interlocked.Increment(ref count);
            await property(value);
        }, iter: Cases);
        Report(count, what);
    }

    /// <summary>
    /// The message is Swedish text for a person: not empty, no .NET exception text leaking through, and written with
    /// the words the console's validation messages use.
    /// </summary>
    public static void AssertSwedish(string? message)
    {
        Assert.False(string.IsNullOrWhiteSpace(message), "A rejection must come with a message.");
        Assert.DoesNotMatch(EnglishLeak(), message);
        Assert.Matches(SwedishWords(), message);
    }

    private static void Report(int count, string what)
    {
        Assert.True(count >= Cases, $"{what}: only {count} of {Cases} cases ran.");
        TestContext.Current.TestOutputHelper?.WriteLine(
            string.Create(CultureInfo.InvariantCulture, $"{what}: {count} generated cases, all passed."));
    }

    [GeneratedRegex(@"Exception|The JSON value|could not be converted|is invalid|Path: \$|LineNumber")]
    private static partial Regex EnglishLeak();

    [GeneratedRegex(
        @"\b(ska|saknas|får|inte|finns|Okänd|Okänt|Ange|står|har|är|kunde|måste|Ogiltigt|Kontrollera|kontrollera|Filen|Raden|Kolumn|Titeln|Begäran|Egenskapen|högst|ligger|stämmer|innehåller|Plustecken|Skicka|passar|anges|bara|för|och|välj|väljs|Nivåer|JSON)\b")]
    private static partial Regex SwedishWords();
}
