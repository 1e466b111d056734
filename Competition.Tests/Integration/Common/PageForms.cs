using System.Net;
using System.Text.RegularExpressions;

namespace Competition.Tests.Integration.Common;

/// <summary>Posts a Razor Page form as a browser would: the antiforgery token from the page, the cookie jar, the fields.</summary>
public static partial class PageForms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var res = await client.GetAsync(page);
        res.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {page}");
        var html = await res.Content.ReadAsStringAsync();
        var match = Token().Match(html);
        match.Success.ShouldBeTrue($"{page} has no antiforgery token");
        return match.Groups[1].Value;
    }

    /// <summary>A form post that asks for HTML, as a browser does (error pages answer browsers with HTML).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, IDictionary<string, string> fields, string? action = null)
    {
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Token().Match(html).Groups[1].Value };
        using var request = new HttpRequestMessage(HttpMethod.Post, action ?? page) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Accept.ParseAdd("text/html");
        return await client.SendAsync(request);
    }

    public static HttpRequestMessage BrowserGet(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return request;
    }

    /// <param name="tokenPage">A page with a form, when <paramref name="page"/> shows none (the token is the same for every page).</param>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, IEnumerable<(string Name, string Value)> fields, string? handler = null,
        string? tokenPage = null)
    {
        var token = await TokenAsync(client, tokenPage ?? page);
        var form = new FormUrlEncodedContent([.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), new("__RequestVerificationToken", token)]);
        return await client.PostAsync(Url(page, handler), form);
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string page, string fileField, string fileName, byte[] content,
        IEnumerable<(string Name, string Value)> fields, string? handler = null)
    {
        var token = await TokenAsync(client, page);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), fileField, fileName }, { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return await client.PostAsync(Url(page, handler), form);
    }

    private static string Url(string page, string? handler) => handler is null ? page : $"{page}{(page.Contains('?') ? '&' : '?')}handler={handler}";

    /// <summary>The page's text as a person reads it (tags dropped, entities decoded), for asserting on messages.</summary>
    public static async Task<string> TextAsync(HttpResponseMessage res) =>
        WebUtility.HtmlDecode(Regex.Replace(await res.Content.ReadAsStringAsync(), "<[^>]+>", " "));
}
