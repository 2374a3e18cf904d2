using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Browser;

/// <summary>The real app on Kestrel at 127.0.0.1 (a free port), in Development, with headless Chromium in front.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
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
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(app, playwright, browser, page, baseUrl);
    }

    /// <summary>Waits until the Blazor circuit is live: before that, clicks land on the prerendered page.</summary>
    public Task WaitForInteractivityAsync() =>
        Page.Locator("#circuit-state[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });

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
