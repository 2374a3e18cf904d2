using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// The tables of <c>docs/security/authorization-matrix.md</c>, read from the file: the document is the single source of
/// truth, and the tests hold the running app to it.
/// </summary>
internal sealed record AuthorizationMatrix(IReadOnlyList<MatrixRow> Rows, IReadOnlyList<MatrixRow> DevelopmentRows)
{
    public const string RelativePath = "docs/security/authorization-matrix.md";

    /// <summary>The principals, in the column order of the tables, with the demo user each one is asked as.</summary>
    public static readonly IReadOnlyList<(string Column, string? User)> Principals =
    [
        ("Anonym", null),
        ("Inloggad utan roll", "utanroll"),
        ("Manager", "chef1"),
        ("Operator", "operator"),
        ("Administrator", "admin"),
    ];

    /// <summary>The outcomes a cell may hold, as defined at the top of the document.</summary>
    public static readonly IReadOnlySet<string> Vocabulary =
        new HashSet<string>(["200", "inloggning", "utloggning", "400", "401", "403", "404", "405"], StringComparer.Ordinal);

    private static readonly string[] FirstColumns = ["Metod", "Route"];
    private const string MainHeading = "## Sidor och endpoints";
    private const string DevelopmentHeading = "## Bara i Development";

    public static AuthorizationMatrix Load() => Parse(File.ReadAllLines(Path.Combine(RepositoryFiles.Root(), RelativePath)));

    public static AuthorizationMatrix Parse(IReadOnlyList<string> lines)
    {
        var main = new List<MatrixRow>();
        var development = new List<MatrixRow>();
        List<MatrixRow>? current = null;
        string[]? header = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                current = line == MainHeading ? main : line == DevelopmentHeading ? development : null;
                header = null;
                continue;
            }

            if (current is null || !line.StartsWith('|'))
            {
                continue;
            }

            var cells = line.Trim('|').Split('|').Select(c => c.Trim().Trim('`')).ToArray();
            if (header is null)
            {
                header = cells;
                var expected = FirstColumns.Concat(Principals.Select(p => p.Column)).ToArray();
                if (!header.Take(expected.Length).SequenceEqual(expected))
                {
                    throw new InvalidOperationException(
                        $"{RelativePath}: a table's columns must begin {string.Join(" | ", expected)}, not {line}");
                }

                continue;
            }

            if (cells.All(c => c.Length == 0 || c.All(ch => ch is '-' or ':')))
            {
                continue;
            }

            var outcomes = cells.Skip(2).Take(Principals.Count).ToArray();
            foreach (var outcome in outcomes.Where(o => !Vocabulary.Contains(o)))
            {
                throw new InvalidOperationException($"{RelativePath}: '{outcome}' in the row of {cells[1]} is not in the vocabulary.");
            }

            var methods = cells[0].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Order(StringComparer.Ordinal).ToArray();
            var rest = cells.Skip(2 + Principals.Count).ToArray();
            current.Add(new MatrixRow(string.Join(", ", methods), cells[1], outcomes, rest.FirstOrDefault() ?? string.Empty));
        }

        return new AuthorizationMatrix(main, development);
    }
}

/// <summary>One row: the HTTP method(s) (<c>*</c> for any), the route template, one outcome per principal, and its last column.</summary>
internal sealed record MatrixRow(string Methods, string Route, IReadOnlyList<string> Outcomes, string LastColumn)
{
    public string Key => $"{Methods} {Route}";
}
