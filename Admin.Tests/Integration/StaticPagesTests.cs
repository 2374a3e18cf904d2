using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// The audit log, the employee page and the review pages in the real app after decision 0049: the reading pages open no
/// circuit, the employee page's actions are POST forms answered with the page, and the evidence CSV is a download.
/// </summary>
public sealed partial class StaticPagesTests
{
    /// <summary>The comment that prerenders an interactive server component: one per circuit root on the page.</summary>
    private const string ServerComponent = "\"type\":\"server\"";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheReadingPages_OpenNoCircuit_AndTheEmployeePageAndTheAdministratorsRoundsOneIsland()
    {
        using var mail = new TempFolder();
        await using var app = AdminAppFactory.EntraId().WithSetting("Email:PickupDirectory", mail.Path);
        var samples = await MatrixSamples.CreateAsync(app.Services);
        using var operatorClient = app.CreateTestClient("operator");
        using var admin = app.CreateTestClient("admin");
        using var chef1 = app.CreateTestClient("chef1");

        var pages = new (HttpClient Client, string Path, int Islands)[]
        {
            (operatorClient, "/audit", 0),
            (operatorClient, "/audit?type=Order&page=2", 0),
            (chef1, "/my-reviews", 0),
            (operatorClient, "/reviews", 0),
            (admin, "/reviews", 1),
            (admin, $"/reviews/{samples.RoundId}/evidence", 0),
            (operatorClient, $"/employees/{samples.EmployeeId}", 1),
        };
        foreach (var (client, path, islands) in pages)
        {
            using var response = await client.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = StreamedHtml.Final(await response.Content.ReadAsStringAsync(Ct));
            Assert.True(islands == Count(html, ServerComponent), $"{path}: expected {islands} interactive root(s), got {Count(html, ServerComponent)}");
        }
    }

    [Fact]
    public async Task MarkingSkyddadIdentitet_IsAPostForm_ThatHidesTheName_AndVisaNamnRevealsIt_Audited()
    {
        using var mail = new TempFolder();
        await using var app = AdminAppFactory.EntraId().WithSetting("Email:PickupDirectory", mail.Path);
        var samples = await MatrixSamples.CreateAsync(app.Services);
        var path = $"/employees/{samples.EmployeeId}";
        using var client = app.CreateTestClient("operator");
        var asking = await client.GetStringAsync(path + "?protection=ask", Ct);
        Assert.Contains("sekretessmarkering eller skyddad folkbokföring", asking, StringComparison.Ordinal);
        var name = EmployeeName().Match(asking).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(name) || name == PersonName.Protected, $"the sample employee's name: '{name}'");

        var marked = await PostAsync(client, path + "?protection=ask", asking, "protection", ("Protect", "true"), ("Reason", "Skyddad folkbokföring enligt Skatteverket"));

        Assert.Equal(PersonName.Protected, EmployeeName().Match(marked).Groups[1].Value);
        Assert.Contains("data-testid=\"protected-chip\"", marked, StringComparison.Ordinal);
        Assert.Contains("Skyddad folkbokföring enligt Skatteverket", marked, StringComparison.Ordinal);
        Assert.Contains("Personen är markerad med skyddad identitet.", marked, StringComparison.Ordinal);
        Assert.DoesNotContain(name, marked, StringComparison.Ordinal);
        Assert.DoesNotContain("protection-dialog", marked, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"unprotect\"", marked, StringComparison.Ordinal);

        var revealed = await PostAsync(client, path, marked, "reveal-name");

        Assert.Equal(name, EmployeeName().Match(revealed).Groups[1].Value);
        Assert.DoesNotContain("data-testid=\"reveal-name\"", revealed, StringComparison.Ordinal);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Employee.Protected", Ct));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Employee.NameViewed", Ct));
    }

    [Fact]
    public async Task VisaPersonnummer_IsAPostForm_ForTheOperatorOnly_AndLogged()
    {
        using var mail = new TempFolder();
        await using var app = AdminAppFactory.EntraId().WithSetting("Email:PickupDirectory", mail.Path);
        var samples = await MatrixSamples.CreateAsync(app.Services);
        var path = $"/employees/{samples.EmployeeId}";
        using var client = app.CreateTestClient("operator");
        var page = await client.GetStringAsync(path, Ct);
        Assert.Matches(MaskedPersonnummer(), Personnummer(page));

        var revealed = await PostAsync(client, path, page, "reveal-personnummer");

        Assert.Matches(FullPersonnummer(), Personnummer(revealed));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Employee.PersonnummerViewed", Ct));

        // The administrator may not open the page, so may not post its form either.
        using var admin = app.CreateTestClient("admin");
        using var refused = await admin.PostAsync(path, new FormUrlEncodedContent([new("_handler", "reveal-personnummer")]), Ct);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Employee.PersonnummerViewed", Ct));
    }

    [Fact]
    public async Task TheEvidenceCsv_IsADownload_ForReviewReaders_AndTheExportIsAudited()
    {
        using var mail = new TempFolder();
        await using var app = AdminAppFactory.EntraId().WithSetting("Email:PickupDirectory", mail.Path);
        var samples = await MatrixSamples.CreateAsync(app.Services);
        using var admin = app.CreateTestClient("admin");

        using var response = await admin.GetAsync($"/reviews/{samples.RoundId}/evidence.csv", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync(Ct));
        using var missing = await admin.GetAsync("/reviews/999999/evidence.csv", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Review.EvidenceExported", Ct));
    }

    /// <summary>Posts the form <paramref name="handler"/> of a page as the browser would: its antiforgery token, its fields.</summary>
    private static async Task<string> PostAsync(HttpClient client, string path, string page, string handler, params (string Name, string Value)[] fields)
    {
        var token = WebUtility.HtmlDecode(AntiforgeryInput().Match(page).Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(token), "the page has no antiforgery token");
        using var content = new FormUrlEncodedContent(
            [new("_handler", handler), new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        using var response = await client.PostAsync(path, content, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return StreamedHtml.Final(await response.Content.ReadAsStringAsync(Ct));
    }

    private static int Count(string text, string part) => Regex.Count(text, Regex.Escape(part));

    private static string Personnummer(string html) => PersonnummerValue().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("data-testid=\"employee-name\"[^>]*>([^<]+)<")]
    private static partial Regex EmployeeName();

    [GeneratedRegex("data-testid=\"personnummer\"[^>]*>([^<]+)<")]
    private static partial Regex PersonnummerValue();

    [GeneratedRegex(@"^\d{8}-\*{4}$")]
    private static partial Regex MaskedPersonnummer();

    [GeneratedRegex(@"^\d{8}-\d{4}$")]
    private static partial Regex FullPersonnummer();
}
