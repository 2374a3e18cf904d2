using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Browser;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 (a free port), in Development, with headless Chromium in front. On a slow,
/// shared machine every wait is for the condition the next step needs — the server's answer committed, the circuit
/// live, an element or text present — never for a page's load event or a quiet network, and never a sleep. One limit,
/// <see cref="Patience"/>, bounds all of them (actions, navigations and assertions alike) only to end a test that is
/// stuck.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    /// <summary>How long any one wait may take before the test is declared stuck.</summary>
    public const float Patience = 30_000;

    private readonly AdminAppFactory _app;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserSession(AdminAppFactory app, IPlaywright playwright, IBrowser browser, IPage page, string baseUrl)
    {
        _app = app;
        _playwright = playwright;
        _browser = browser;
        Page = page;
        BaseUrl = baseUrl;
    }

    public IPage Page { get; }

    public string BaseUrl { get; }

    /// <summary>The app's services, for a test that sets up data the way the app itself would (e.g. an order).</summary>
    public IServiceProvider Services => _app.Services;

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <param name="configure">Settings or services for the app, before it starts (e.g. a pickup folder for e-mail).</param>
    public static async Task<BrowserSession> StartAsync(Action<AdminAppFactory>? configure = null)
    {
        ChromiumRequirement.EnsureAvailable();

        var app = AdminAppFactory.Development();
        configure?.Invoke(app);
        app.ServeOnLoopback();
        app.StartServer();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));

        // The first page a fresh app serves is the slowest (code compiled, the component tree built, the first static
        // files): served once here, so that it does not fall inside the browser's first navigation.
        using (var http = new HttpClient { BaseAddress = new Uri(baseUrl) })
        {
            using var warm = await http.GetAsync(new Uri(AdminAuthentication.DevSignInPath, UriKind.Relative), TestContext.Current.CancellationToken);
            warm.EnsureSuccessStatusCode();
        }

        Assertions.SetDefaultExpectTimeout(Patience);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumRequirement.ExecutablePath,
            Headless = true,
            Args = ChromiumRequirement.LaunchArguments,
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = "sv-SE",
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        context.SetDefaultTimeout(Patience);
        context.SetDefaultNavigationTimeout(Patience);
        var page = await context.NewPageAsync();
        return new BrowserSession(app, playwright, browser, page, baseUrl);
    }

    /// <summary>
    /// Navigates, and returns as soon as the server's answer is committed as the new document — not at its load event
    /// (every script and stylesheet fetched), which no test needs and a busy machine delays. Wait next for what the test
    /// needs: the circuit (<see cref="OpenAsync"/>), an element, a text.
    /// </summary>
    public Task<IResponse?> GotoAsync(string path) => Page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });

    /// <summary>Opens an interactive page and waits until its circuit is live, so that the next click is handled.</summary>
    public async Task<IResponse?> OpenAsync(string path)
    {
        var response = await GotoAsync(path);
        await WaitForInteractivityAsync();
        return response;
    }

    /// <summary>Signs in as a demo user through the development sign-in and opens <paramref name="path"/>, live.</summary>
    public Task SignInAsync(string userName, string path) =>
        OpenAsync($"{AdminAuthentication.DevSignInPath}?userName={Uri.EscapeDataString(userName)}&returnUrl={Uri.EscapeDataString(path)}");

    /// <summary>
    /// Waits until the page shown is ready to be used: its shell is there (the static layout's last element) and, on an
    /// interactive page or island, its circuit is live — before that, clicks land on the prerendered HTML and do
    /// nothing. A static page (decision 0049) has no circuit marker and is ready with its shell.
    /// </summary>
    public Task WaitForInteractivityAsync() =>
        Page.WaitForFunctionAsync(PageReady, null, new() { PollingInterval = 25 });

    /// <summary>The condition of <see cref="WaitForInteractivityAsync"/>, as JavaScript.</summary>
    public const string PageReady = """
        () => document.querySelector('#shell-ready') !== null
            && [...document.querySelectorAll('#circuit-state')].every(e => e.dataset.interactive === 'true')
        """;

    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
    }
}
