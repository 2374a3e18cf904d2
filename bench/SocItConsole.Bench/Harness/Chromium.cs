using Microsoft.Playwright;

namespace SocItConsole.Bench.Harness;

/// <summary>Debian's Chromium, headless, driven by Playwright, with a browser context signed in through a cookie.</summary>
internal sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-renderer-backgrounding", "--disable-background-timer-throttling",
        "--disable-backgrounding-occluded-windows",
    ];

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: apt-get install -y chromium");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
        });
        return new Chromium(playwright, browser);
    }

    public async Task<IBrowserContext> SignedInContextAsync(Uri baseAddress, System.Net.Cookie cookie)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "sv-SE",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie
        {
            Name = cookie.Name,
            Value = cookie.Value,
            Domain = baseAddress.Host,
            Path = "/",
            HttpOnly = true,
        }]);
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    /// <summary>Until the page's Blazor circuit is live (LivePage marks it): before that, clicks land on the prerendered HTML.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("#circuit-state[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>Until a page is ready: its static shell is there and, if it has an interactive part, that part's circuit is live.</summary>
    public static Task WaitForPageReadyAsync(IPage page) =>
        page.WaitForFunctionAsync("""
            () => document.querySelector('#shell-ready') !== null
                && [...document.querySelectorAll('#circuit-state')].every(e => e.dataset.interactive === 'true')
            """, null, new() { PollingInterval = 25 });

    /// <summary>
    /// Until the case queue on <c>/cases</c> shows its first rows. The page is static (decision 0049): it is ready when
    /// its shell is, with no circuit to wait for.
    /// </summary>
    public static async Task WaitForCaseQueueAsync(IPage page)
    {
        await WaitForPageReadyAsync(page);
        await page.Locator("[data-testid=cases] tbody a[data-testid=row-case]").First.WaitForAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
