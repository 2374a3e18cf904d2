using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace SocItConsole.Admin.Tests.Infrastructure;

/// <summary>
/// The real app on a temporary SQLite file. <see cref="Development"/> signs in through the development sign-in;
/// <see cref="EntraId"/> runs as Production with Entra ID configured (metadata given statically, so the challenge is
/// real but nothing leaves the machine) and a header-based test scheme standing in for the sign-in cookie.
/// </summary>
public sealed class AdminAppFactory : WebApplicationFactory<Program>
{
    public const string EntraInstance = "https://login.microsoftonline.com/";
    public const string EntraTenant = "3f2a0c4e-1d1b-4c8e-9a59-5c1b2a7d9e10";
    public const string EntraClientId = "6b1e2f0a-8c4d-4e7f-b2a1-0d9c8e7f6a5b";
    public static readonly string EntraAuthorizeEndpoint = $"{EntraInstance}{EntraTenant}/oauth2/v2.0/authorize";

    private readonly TempFolder _folder = new();
    private readonly string _environment;
    private readonly bool _entraId;
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private readonly List<Action<IServiceCollection>> _testServices = [];
    private PostgresServer? _postgres = PostgresServer.RunOnPostgreSql ? PostgresServer.Require() : null;
    private string? _postgresConnectionString;
    private bool _ownsDatabase = true;

    private AdminAppFactory(string environment, bool entraId)
    {
        _environment = environment;
        _entraId = entraId;
    }

    public static AdminAppFactory Development() => new("Development", entraId: false);

    public static AdminAppFactory EntraId() => new("Production", entraId: true);

    public static AdminAppFactory WithoutSignIn(string environment) => new(environment, entraId: false);

    public ConcurrentQueue<string> LogMessages { get; } = new();

    /// <summary>The same log entries with their level, category and event id, for tests that ask which event.</summary>
    public ConcurrentQueue<CapturedLog> Logs { get; } = new();

    /// <summary>The SQLite file; a test that reads or writes the file itself is a SQLite test.</summary>
    public string DatabasePath => _postgres is null
        ? _folder.File("socit.db")
        : throw new InvalidOperationException("The app runs on PostgreSQL: there is no database file.");

    /// <summary>The app's database when it runs on PostgreSQL (after the host is built), else null.</summary>
    public string? PostgreSqlConnectionString => _postgresConnectionString;

    public bool IsPostgreSql => _postgres is not null;

    /// <summary>Before the host is built: run on SQLite whatever the run's provider (a test of SQLite itself).</summary>
    public AdminAppFactory OnSqlite()
    {
        _postgres = null;
        return this;
    }

    /// <summary>
    /// Before the host is built: run on a database of its own on <paramref name="server"/>, or on
    /// <paramref name="connectionString"/> when given (several apps on one database).
    /// </summary>
    public AdminAppFactory OnPostgreSql(PostgresServer server, string? connectionString = null)
    {
        _postgres = server;
        _postgresConnectionString = connectionString;
        _ownsDatabase = connectionString is null;
        return this;
    }

    /// <summary>Before the host is built: a setting, given so that <c>Program.cs</c> sees it at start-up.</summary>
    public AdminAppFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Before the host is built: replace or configure services after the app has registered its own.</summary>
    public AdminAppFactory WithTestServices(Action<IServiceCollection> configure)
    {
        _testServices.Add(configure);
        return this;
    }

    /// <summary>Before the host is built: serve over real Kestrel on 127.0.0.1, for the browser tests.</summary>
    public void ServeOnLoopback() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    /// <summary>A client that does not follow redirects, so tests see where they lead; https in Production.</summary>
    public HttpClient CreateTestClient(string? userName = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri(_environment == "Development" ? "http://localhost" : "https://localhost"),
        });
        if (userName is not null)
        {
            client.DefaultRequestHeaders.Add(TestAuthHandler.UserHeader, userName);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        if (_postgres is not null)
        {
            _postgresConnectionString ??= _postgres.CreateMigratedDatabaseAsync("app", TestDatabase.MigrateAsync).GetAwaiter().GetResult();
            builder.UseSetting("Database:Provider", "PostgreSql");
            builder.UseSetting("ConnectionStrings:SocIt", _postgresConnectionString);
        }
        else
        {
            builder.UseSetting("ConnectionStrings:SocIt", $"Data Source={DatabasePath}");
        }

        builder.UseSetting("DataProtection:KeysPath", _folder.File("keys"));
        if (_entraId)
        {
            builder.UseSetting("AzureAd:Instance", EntraInstance);
            builder.UseSetting("AzureAd:TenantId", EntraTenant);
            builder.UseSetting("AzureAd:ClientId", EntraClientId);
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(LogMessages, Logs)));
        builder.ConfigureTestServices(services =>
        {
            foreach (var configure in _testServices)
            {
                configure(services);
            }

            if (!_entraId)
            {
                return;
            }

            services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
            {
                options.Configuration = new OpenIdConnectConfiguration
                {
                    Issuer = $"{EntraInstance}{EntraTenant}/v2.0",
                    AuthorizationEndpoint = EntraAuthorizeEndpoint,
                    EndSessionEndpoint = $"{EntraInstance}{EntraTenant}/oauth2/v2.0/logout",
                };
                options.ConfigurationManager =
                    new StaticConfigurationManager<OpenIdConnectConfiguration>(options.Configuration);
            });
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(
                TestAuthHandler.SchemeName, _ => { });
            services.PostConfigure<AuthenticationOptions>(options =>
                options.DefaultAuthenticateScheme = TestAuthHandler.SchemeName);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
        if (_postgres is not null && _postgresConnectionString is not null && _ownsDatabase)
        {
            _postgres.DropDatabase(_postgresConnectionString);
        }
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> messages, ConcurrentQueue<CapturedLog> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, messages, logs);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> messages, ConcurrentQueue<CapturedLog> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            messages.Enqueue($"{logLevel} {category}: {message} {exception}");
            logs.Enqueue(new CapturedLog(logLevel, category, eventId, message, exception));
        }
    }
}
