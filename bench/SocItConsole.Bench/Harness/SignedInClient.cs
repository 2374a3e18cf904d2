using System.Net;

namespace SocItConsole.Bench.Harness;

/// <summary>An HTTP client signed in through the development sign-in as one of the demo users.</summary>
internal sealed class SignedInClient : IDisposable
{
    private readonly SocketsHttpHandler _handler;

    private SignedInClient(SocketsHttpHandler handler, HttpClient http, Cookie cookie)
    {
        _handler = handler;
        Http = http;
        AuthCookie = cookie;
    }

    public HttpClient Http { get; }

    /// <summary>The sign-in cookie, for a browser context.</summary>
    public Cookie AuthCookie { get; }

    public static async Task<SignedInClient> SignInAsync(Uri baseAddress, string userName, CancellationToken ct)
    {
        var handler = new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            MaxConnectionsPerServer = 64,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        };
        var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        using var response = await http.GetAsync(new Uri($"/account/dev-sign-in?userName={userName}", UriKind.Relative), ct);
        response.EnsureSuccessStatusCode();
        var cookie = handler.CookieContainer.GetCookies(baseAddress).FirstOrDefault(c => c.Name == "socit.auth")
            ?? throw new InvalidOperationException($"the development sign-in as {userName} set no cookie");
        return new SignedInClient(handler, http, cookie);
    }

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }
}
