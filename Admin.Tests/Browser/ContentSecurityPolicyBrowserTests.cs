using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Orders;
using static Microsoft.Playwright.Assertions;

namespace SocItConsole.Admin.Tests.Browser;

/// <summary>
/// The main pages under the real Content-Security-Policy in Chromium: nothing is refused, the circuit starts and
/// MudBlazor answers clicks — and an injected inline script is refused, so the listener is known to hear violations.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public class ContentSecurityPolicyBrowserTests
{
    private const string ListenForViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation',
            e => window.__cspViolations.push(e.effectiveDirective + ' ' + (e.blockedURI || 'inline')));
        """;

    [Fact]
    public async Task MainPages_RunUnderThePolicy_WithoutAViolation_AndStayInteractive()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        var caseId = await PlaceAsync(session);
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                console.Add(message.Text);
            }
        };
        await page.AddInitScriptAsync(ListenForViolations);
        var visited = new List<string>();

        foreach (var (user, path) in new[]
                 {
                     ("operator", "/"), ("operator", "/cases"), ("operator", $"/cases/{caseId}"), ("operator", "/keys"),
                     ("operator", "/orders/new"), ("admin", "/matrix"), ("admin", "/admin"),
                 })
        {
            await session.SignInAsync(user, path);
            await Expect(page.Locator("h1").First).ToBeVisibleAsync();
            Assert.Empty(await ViolationsAsync(page));
            visited.Add(path);
        }

        // Hangfire's dashboard is not Blazor: its own pages and scripts, under the same policy.
        await session.GotoAsync("/hangfire");
        await Expect(page.GetByText("SocItConsole – bakgrundsjobb").First).ToBeVisibleAsync();
        Assert.Empty(await ViolationsAsync(page));

        // A MudBlazor click over the live circuit: the key register's dialog opens.
        await session.SignInAsync("operator", "/keys");
        await page.Locator("[data-testid='register-keys']").ClickAsync();
        await Expect(page.Locator("[data-testid='register-numbers']")).ToBeVisibleAsync();
        Assert.Empty(await ViolationsAsync(page));
        Assert.DoesNotContain(console, text => text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(7, visited.Count);

        // The policy does refuse what it should, and the listener hears it.
        await page.EvaluateAsync("""
            () => { const s = document.createElement('script'); s.textContent = 'window.__injected = 1;'; document.body.appendChild(s); }
            """);
        // Waits for the refusal's event itself, however late a busy browser dispatches it.
        await page.WaitForFunctionAsync("() => (window.__cspViolations ?? []).some(v => v.startsWith('script-src'))");
        Assert.Contains(await ViolationsAsync(page), v => v.StartsWith("script-src", StringComparison.Ordinal));
        Assert.True(await page.EvaluateAsync<bool>("() => window.__injected === undefined"));
    }

    private static async Task<string[]> ViolationsAsync(IPage page)
    {
        // The event is dispatched asynchronously after the refusal; one animation frame lets it arrive.
        await page.EvaluateAsync("() => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)))");
        return await page.EvaluateAsync<string[]>("() => window.__cspViolations ?? []");
    }

    private static async Task<int> PlaceAsync(BrowserSession session)
    {
        await using var scope = session.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<OrderIntake>().PlaceAsync(
            OrderRequests.NewUndersköterska() with { StartDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14) }, OrderChannel.Console, new Actor("chef1-oid", "Anna Lindqvist"));
        return Assert.IsType<PlaceOrderResult.Created>(result).Receipt.Id;
    }
}
