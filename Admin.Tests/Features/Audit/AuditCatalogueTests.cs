using System.Text.RegularExpressions;
using SocItConsole.Admin.Features.Audit;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Features.Audit;

/// <summary>
/// Every action and entity type the app writes to the audit trail has a Swedish name in <see cref="AuditCatalogue"/>.
/// The writers keep their strings, so the test reads them where they are. Every string literal of the form
/// <c>"Word.Word"</c> in the app's C# source is an action (comments, migrations and the app's own namespace
/// excepted). An entity type is a literal written right after an action or an <c>action</c> variable, a
/// <c>const string …Type = nameof(…)</c> (how the master data service names its types), or the type in brackets
/// after an action in <c>docs/security/service-operations.md</c>. Migrations that correct data write their entries in
/// SQL, as <c>'Word.Word', 'Type'</c> literals; those are read too. A new action without its line fails here.
/// </summary>
public sealed partial class AuditCatalogueTests
{
    private static readonly Lazy<IReadOnlyList<SourceFile>> AppSource = new(() =>
    [
        .. RepositoryFiles.Source("Admin", ".cs")
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => new SourceFile(Path.GetRelativePath(RepositoryFiles.Root(), f), WithoutComments(File.ReadAllText(f)))),
    ]);

    private static readonly Lazy<IReadOnlyList<SourceFile>> Migrations = new(() =>
    [
        .. RepositoryFiles.Source("Admin", ".cs")
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => new SourceFile(Path.GetRelativePath(RepositoryFiles.Root(), f), File.ReadAllText(f))),
    ]);

    private static readonly Lazy<string> OperationsDocument = new(() =>
        File.ReadAllText(Path.Combine(RepositoryFiles.Root(), "docs", "security", "service-operations.md")));

    [Fact]
    public void EveryActionWrittenInTheAppsSource_HasASwedishName()
    {
        var written = ActionsInSource();

        // The scan itself must work: these are written by the orders, keys and review features.
        Assert.Contains("Order.Created", written.Keys);
        Assert.Contains("Key.Lost", written.Keys);
        Assert.Contains("Review.RemovalOrdered", written.Keys);
        Assert.Contains("Grant.Removed", written.Keys);
        var unnamed = written.Where(w => !AuditCatalogue.Actions.ContainsKey(w.Key))
            .Select(w => $"{w.Key} ({string.Join(", ", w.Value)})")
            .ToList();
        Assert.True(
            unnamed.Count == 0,
            "Audit actions without a Swedish name — add a line to AuditCatalogue.Actions: " + string.Join("; ", unnamed));
    }

    [Fact]
    public void EveryActionInTheServiceOperationsDocument_HasASwedishName()
    {
        var documented = ActionsInDocument().Select(a => a.Action).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("Case.Completed", documented);
        var unnamed = documented.Where(a => !AuditCatalogue.Actions.ContainsKey(a)).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            unnamed.Count == 0,
            "Actions in docs/security/service-operations.md without a Swedish name in AuditCatalogue.Actions: " + string.Join(", ", unnamed));
    }

    [Fact]
    public void EveryEntityTypeWritten_HasASwedishName()
    {
        var types = EntityTypesInSource()
            .Concat(ActionsInDocument().Select(a => a.EntityType).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("ReminderMessage", types);
        Assert.Contains("JobTitle", types);
        var unnamed = types.Where(t => !AuditCatalogue.EntityTypes.ContainsKey(t)).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            unnamed.Count == 0,
            "Audit entity types without a Swedish name — add a line to AuditCatalogue.EntityTypes: " + string.Join(", ", unnamed));
    }

    [Fact]
    public void TheCatalogue_NamesOnlyWhatIsWritten()
    {
        var written = ActionsInSource().Keys.ToHashSet(StringComparer.Ordinal);
        var types = EntityTypesInSource().Concat(ActionsInDocument().Select(a => a.EntityType).OfType<string>()).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(AuditCatalogue.Actions.Keys.Where(a => !written.Contains(a)).Order(StringComparer.Ordinal));
        Assert.Empty(AuditCatalogue.EntityTypes.Keys.Where(t => !types.Contains(t)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NoTwoActions_ShareASwedishName()
    {
        var shared = AuditCatalogue.Actions.GroupBy(a => a.Value, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"\"{g.Key}\": {string.Join(", ", g.Select(a => a.Key))}")
            .ToList();

        Assert.True(shared.Count == 0, "One Swedish name for several actions: " + string.Join("; ", shared));
    }

    /// <summary>Each action literal in the source with the files it is written in.</summary>
    private static Dictionary<string, List<string>> ActionsInSource()
    {
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in AppSource.Value)
        {
            foreach (var action in ActionLiteral().Matches(file.Text).Select(m => m.Groups["action"].Value))
            {
                if (NotActions.Any(prefix => action.StartsWith(prefix, StringComparison.Ordinal)))
                {
                    continue;
                }

                if (!found.TryGetValue(action, out var files))
                {
                    found[action] = files = [];
                }

                if (!files.Contains(file.Path))
                {
                    files.Add(file.Path);
                }
            }
        }

        foreach (var file in Migrations.Value)
        {
            foreach (var action in SqlAuditInsert().Matches(file.Text).Select(m => m.Groups["action"].Value))
            {
                if (!found.TryGetValue(action, out var files))
                {
                    found[action] = files = [];
                }

                if (!files.Contains(file.Path))
                {
                    files.Add(file.Path);
                }
            }
        }

        return found;
    }

    private static IEnumerable<string> EntityTypesInSource() =>
        AppSource.Value.SelectMany(file =>
            EntityTypeAfterAction().Matches(file.Text).Select(m => m.Groups["type"].Value)
                .Concat(EntityTypeConstant().Matches(file.Text).Select(m => m.Groups["type"].Value)))
            .Concat(Migrations.Value.SelectMany(file => SqlAuditInsert().Matches(file.Text).Select(m => m.Groups["type"].Value)));

    private static IEnumerable<(string Action, string? EntityType)> ActionsInDocument() =>
        OperationsDocument.Value.Split('\n')
            .Where(line => line.StartsWith('|'))
            .SelectMany(line => DocumentedAction().Matches(line))
            .Select(m => (m.Groups["action"].Value, m.Groups["type"].Success ? m.Groups["type"].Value : null))
            .Where(a => !a.Item1.EndsWith("Async", StringComparison.Ordinal));

    /// <summary>The code without its <c>//</c> and <c>///</c> comment lines, where <c>cref</c>s look like actions.</summary>
    private static string WithoutComments(string code) =>
        string.Join('\n', code.Split('\n').Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal)));

    /// <summary>Two-part names in the app's code that are namespaces or log categories, not actions.</summary>
    private static readonly string[] NotActions = ["SocItConsole.", "Microsoft.", "System."];

    [GeneratedRegex("""(?<![$@\w])"(?<action>[A-Z][A-Za-z]*\.[A-Z][A-Za-z]*)"(?!\w)""")]
    private static partial Regex ActionLiteral();

    [GeneratedRegex("""(?:"[A-Z][A-Za-z]*\.[A-Z][A-Za-z]*"|\baction)\s*,\s*"(?<type>[A-Z][A-Za-z]*)"\s*,""")]
    private static partial Regex EntityTypeAfterAction();

    /// <summary>An audit entry a migration writes in SQL: the action and the entity type as adjacent string literals.</summary>
    [GeneratedRegex("""'(?<action>[A-Z][A-Za-z]*\.[A-Z][A-Za-z]*)',\s*'(?<type>[A-Z][A-Za-z]*)'""")]
    private static partial Regex SqlAuditInsert();

    [GeneratedRegex("""const\s+string\s+\w*Type\s*=\s*nameof\((?<type>\w+)\)""")]
    private static partial Regex EntityTypeConstant();

    [GeneratedRegex("""`(?<action>[A-Z][A-Za-z]*\.[A-Z][A-Za-z]*)`(?:\s*\((?<type>[A-Z][A-Za-z]*)\))?""")]
    private static partial Regex DocumentedAction();

    private sealed record SourceFile(string Path, string Text);
}
