using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace SocItConsole.Admin.Data.PostgreSql;

/// <summary>
/// <c>EF.Functions.Like</c> as the console's searches mean it, on PostgreSQL too: case ignored. SQLite's LIKE ignores
/// case; PostgreSQL's does not, so "anna" would no longer find "Anna Berg" there. Each search becomes
/// <c>lower(text) LIKE lower(pattern)</c>, which also folds å, ä and ö (SQLite folds only a–z). Without an escape
/// character the pattern has none, as on SQLite (PostgreSQL's default escape is the backslash).
/// </summary>
internal sealed class CaseInsensitiveLikeExtension : IDbContextOptionsExtension
{
    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services) =>
        new EntityFrameworkRelationalServicesBuilder(services).TryAdd<IMethodCallTranslatorPlugin, Plugin>();

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "CaseInsensitiveLike ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["SocIt:CaseInsensitiveLike"] = "1";
    }

    private sealed class Plugin(ISqlExpressionFactory sql) : IMethodCallTranslatorPlugin
    {
        public IEnumerable<IMethodCallTranslator> Translators { get; } = [new Translator(sql)];
    }

    private sealed class Translator(ISqlExpressionFactory sql) : IMethodCallTranslator
    {
        private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetRuntimeMethod(
            nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string)])!;

        private static readonly MethodInfo LikeWithEscape = typeof(DbFunctionsExtensions).GetRuntimeMethod(
            nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

        public SqlExpression? Translate(
            SqlExpression? instance, MethodInfo method, IReadOnlyList<SqlExpression> arguments, IDiagnosticsLogger<DbLoggerCategory.Query> logger)
        {
            if (method != Like && method != LikeWithEscape)
            {
                return null;
            }

            var mapping = Microsoft.EntityFrameworkCore.Query.ExpressionExtensions.InferTypeMapping(arguments[1], arguments[2]);
            var match = sql.ApplyTypeMapping(arguments[1], mapping);
            var pattern = sql.ApplyTypeMapping(arguments[2], mapping);
            var escape = method == LikeWithEscape
                ? sql.ApplyTypeMapping(arguments[3], mapping)
                : sql.Constant(string.Empty, mapping);
            return sql.Like(Lower(match), Lower(pattern), escape);
        }

        private SqlExpression Lower(SqlExpression text) =>
            sql.Function("lower", [text], nullable: true, argumentsPropagateNullability: [true], typeof(string), text.TypeMapping);
    }
}
