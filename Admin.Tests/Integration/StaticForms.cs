using System.Net;
using System.Text.RegularExpressions;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// A static page's actions as the browser sends them (decision 0049): GET a page, follow a link, post one of its POST
/// forms (named by its <c>_handler</c>) with its hidden fields and antiforgery token.
/// </summary>
internal static partial class StaticForms
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A client signed in through the development sign-in, with its cookie, as the browser is.</summary>
    public static async Task<HttpClient> SignedInAsync(AdminAppFactory app, string user)
    {
        var client = app.CreateTestClient();
        using var signIn = await client.GetAsync($"/account/dev-sign-in?userName={user}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    /// <summary>The antiforgery token of the first form in <paramref name="html"/> (empty when there is none).</summary>
    public static string Token(string html) => WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value);

    /// <summary>A form body of the given fields, for a post written out by hand.</summary>
    public static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    public static async Task<string> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return StreamedHtml.Final(await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The address of the first link with <paramref name="testId"/> in <paramref name="html"/>, as a path.</summary>
    public static string Link(string html, string testId)
    {
        var match = Regex.Match(html, $"<a [^>]*href=\"([^\"]+)\"[^>]*data-testid=\"{testId}\"|<a [^>]*data-testid=\"{testId}\"[^>]*href=\"([^\"]+)\"");
        Assert.True(match.Success, $"no link {testId}");
        var href = WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value);
        return new Uri(new Uri("https://localhost"), href).PathAndQuery;
    }

    /// <summary>Posts the form named <paramref name="formName"/> of <paramref name="html"/> (the page at <paramref name="path"/>).</summary>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, string path, string html, string formName, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var form = Regex.Matches(html, "<form[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline)
            .Select(m => m.Value)
            .Single(f => f.Contains($"name=\"_handler\" value=\"{formName}\"", StringComparison.Ordinal));
        var action = Regex.Match(form, "action=\"([^\"]+)\"") is { Success: true } set ? WebUtility.HtmlDecode(set.Groups[1].Value) : path;
        var hidden = Regex.Matches(form, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)))
            .Where(h => !fields.Any(f => f.Key == h.Key));
        using var content = new FormUrlEncodedContent([.. hidden, .. fields]);
        return await client.PostAsync(new Uri(new Uri("https://localhost"), action).PathAndQuery, content, Ct);
    }

    /// <summary>As <see cref="SendAsync"/>, for a post that must be answered with the page.</summary>
    public static async Task<string> PostAsync(
        HttpClient client, string path, string html, string formName, params KeyValuePair<string, string>[] fields)
    {
        using var response = await SendAsync(client, path, html, formName, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return StreamedHtml.Final(await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The page's text as a reader sees it: tags dropped (inline ones join their word), entities decoded, blanks collapsed.</summary>
    public static string Visible(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", string.Empty)), "\\s+", " ");

    /// <summary>The interactive server roots the page prerenders (one comment each): 0 means no circuit opens.</summary>
    public static int Islands(string html) => Regex.Count(html, "\"type\":\"server\"");

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
