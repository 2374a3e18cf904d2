using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// Holds the running app to <c>docs/security/authorization-matrix.md</c>: every endpoint it maps has a row, every row
/// an endpoint, and every cell is what the five principals get, asked in Production with Entra ID configured.
/// </summary>
public partial class AuthorizationMatrixTests
{
    private static readonly string EntraSignOutEndpoint =
        $"{AdminAppFactory.EntraInstance}{AdminAppFactory.EntraTenant}/oauth2/v2.0/logout";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void TheDocument_HasBothTables_WithAllFiveColumns()
    {
        var matrix = AuthorizationMatrix.Load();

        Assert.True(matrix.Rows.Count >= 30, $"the main table has {matrix.Rows.Count} rows");
        Assert.NotEmpty(matrix.DevelopmentRows);
        Assert.All(matrix.Rows.Concat(matrix.DevelopmentRows), row => Assert.Equal(AuthorizationMatrix.Principals.Count, row.Outcomes.Count));
        Assert.Equal(matrix.Rows.Count, matrix.Rows.Select(r => r.Key).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task EveryMappedEndpoint_HasARow_AndEveryRow_AnEndpoint()
    {
        var matrix = AuthorizationMatrix.Load();
        await using var app = AdminAppFactory.EntraId();
        _ = app.Services;

        var mapped = MappedEndpoints(app.Services).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var documented = matrix.Rows.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(mapped.Except(documented).Order(StringComparer.Ordinal).Select(k => "no row for the mapped endpoint " + k));
        Assert.Empty(documented.Except(mapped).Order(StringComparer.Ordinal).Select(k => "no endpoint for the row " + k));
    }

    [Fact]
    public async Task DevelopmentOnlyRoutes_AreMappedInDevelopment_AndNowhereElse()
    {
        var matrix = AuthorizationMatrix.Load();
        await using var production = AdminAppFactory.EntraId();
        await using var development = AdminAppFactory.Development().WithSetting("Bench:Enabled", "true");

        var inProduction = MappedEndpoints(production.Services).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var inDevelopment = MappedEndpoints(development.Services).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var onlyInDevelopment = inDevelopment.Except(inProduction).Order(StringComparer.Ordinal);

        // A route mapped in both answers 404 outside Development: its row is in the main table with the Production cells.
        Assert.Equal(
            matrix.DevelopmentRows.Where(r => r.LastColumn == "saknas").Select(r => r.Key).Order(StringComparer.Ordinal),
            onlyInDevelopment);
        Assert.All(
            matrix.DevelopmentRows.Where(r => r.LastColumn != "saknas"),
            row => Assert.Contains(matrix.Rows, main => main.Key == row.Key && main.Outcomes.Skip(1).All(o => o is "404" or "403")));
    }

    [Fact]
    public async Task DevelopmentOnlyRoutes_GiveTheDocumentedOutcome_InDevelopment()
    {
        var matrix = AuthorizationMatrix.Load();
        await using var app = AdminAppFactory.Development().WithSetting("Bench:Enabled", "true");
        var clients = new List<HttpClient>();
        foreach (var (_, user) in AuthorizationMatrix.Principals)
        {
            clients.Add(await DevelopmentClientAsync(app, user));
        }

        var failures = new List<string>();
        foreach (var row in matrix.DevelopmentRows)
        {
            for (var i = 0; i < clients.Count; i++)
            {
                var actual = await OutcomeAsync(clients[i], row, row.Route, "/account/dev-sign-in");
                if (actual != row.Outcomes[i])
                {
                    failures.Add($"{row.Key} as {AuthorizationMatrix.Principals[i].Column}: documented {row.Outcomes[i]}, got {actual}");
                }
            }
        }

        clients.ForEach(c => c.Dispose());
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task EveryCell_GivesTheDocumentedOutcome()
    {
        var matrix = AuthorizationMatrix.Load();
        using var mail = new TempFolder();
        await using var app = AdminAppFactory.EntraId().WithSetting("Email:PickupDirectory", mail.Path);
        var samples = await MatrixSamples.CreateAsync(app.Services);
        var clients = AuthorizationMatrix.Principals.Select(p => app.CreateTestClient(p.User)).ToList();

        var failures = new List<string>();
        var cells = 0;
        foreach (var row in matrix.Rows)
        {
            var path = samples.PathFor(row.Route);
            if (path is null)
            {
                failures.Add($"{row.Key}: no sample path for its parameters (add one to {nameof(MatrixSamples)})");
                continue;
            }

            for (var i = 0; i < clients.Count; i++)
            {
                var actual = await OutcomeAsync(clients[i], row, path, AdminAppFactory.EntraAuthorizeEndpoint);
                cells++;
                if (actual != row.Outcomes[i])
                {
                    failures.Add($"{row.Key} ({path}) as {AuthorizationMatrix.Principals[i].Column}: documented {row.Outcomes[i]}, got {actual}");
                }
            }
        }

        clients.ForEach(c => c.Dispose());
        TestContext.Current.TestOutputHelper?.WriteLine($"Authorization matrix: {cells} cells asserted over {matrix.Rows.Count} rows.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cells} cells differ:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
        Assert.Equal(matrix.Rows.Count * AuthorizationMatrix.Principals.Count, cells);
    }

    /// <summary>
    /// Every route endpoint the app maps, as "METHODS route". Excluded by rule: the static assets that
    /// <c>MapStaticAssets</c> maps one endpoint per file (they carry a <see cref="StaticAssetDescriptor"/>; the app
    /// maps them anonymous on purpose, so the sign-in page can load its CSS and scripts).
    /// </summary>
    internal static IReadOnlyList<(string Key, RouteEndpoint Endpoint)> MappedEndpoints(IServiceProvider services) =>
    [
        .. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Select(e => (Key: KeyOf(e), Endpoint: e))
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .Select(g => g.First()),
    ];

    private static string KeyOf(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
        var method = methods is { Count: > 0 } ? string.Join(", ", methods.Order(StringComparer.Ordinal)) : "*";
        return $"{method} {endpoint.RoutePattern.RawText}";
    }

    /// <summary>The cell's word for what the request got: the status code, or <c>inloggning</c> for the sign-in redirect.</summary>
    private static async Task<string> OutcomeAsync(HttpClient client, MatrixRow row, string path, string signInAddress)
    {
        var methods = row.Methods.Split(", ");
        var method = row.Methods == "*" || methods.Contains("GET") ? "GET" : methods[0];
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = path.StartsWith("/api/", StringComparison.Ordinal)
                ? new StringContent("{}", Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent(await AntiforgeryFieldAsync(client));
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, Ct);
        }
        catch (InvalidOperationException e)
        {
            // The test server rethrows what the app's error handling could not handle: a real server would answer 500.
            return $"unhandled {e.GetType().Name}: {e.Message}";
        }

        using (response)
        {
            var location = response.Headers.Location is { IsAbsoluteUri: true } absolute && signInAddress.StartsWith('/')
                ? absolute.PathAndQuery
                : response.Headers.Location?.ToString() ?? string.Empty;
            return response.StatusCode switch
            {
                HttpStatusCode.Redirect when location.StartsWith(signInAddress, StringComparison.Ordinal) => "inloggning",
                HttpStatusCode.Redirect when location.StartsWith(EntraSignOutEndpoint, StringComparison.Ordinal) => "utloggning",
                HttpStatusCode.Redirect => $"302 → {location}",
                var status => ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }
    }

    /// <summary>
    /// The antiforgery field of the start page's sign-out form, as the user's browser would post it (its cookie stays in
    /// the client); none for a user who gets no start page.
    /// </summary>
    private static async Task<KeyValuePair<string, string>[]> AntiforgeryFieldAsync(HttpClient client)
    {
        using var start = await client.GetAsync("/", Ct);
        var html = await start.Content.ReadAsStringAsync(Ct);
        var match = AntiforgeryInput().Match(html);
        return match.Success ? [new("__RequestVerificationToken", WebUtility.HtmlDecode(match.Groups[1].Value))] : [];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();

    /// <summary>A client holding the development sign-in's cookie for <paramref name="user"/> (none for null).</summary>
    private static async Task<HttpClient> DevelopmentClientAsync(AdminAppFactory app, string? user)
    {
        var client = app.CreateTestClient();
        if (user is not null)
        {
            using var signIn = await client.GetAsync($"/account/dev-sign-in?userName={user}", Ct);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        return client;
    }
}
