using System.Text.RegularExpressions;

namespace Competition.Tests.Integration.Common;

/// <summary>Posting a page's form over plain HTTP as a browser would: with the antiforgery token the page rendered.</summary>
public static partial class PageForms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<t>[^\"]+)\"")]
    private static partial Regex Token();

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, IDictionary<string, string> fields, string? action = null)
    {
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Token().Match(html).Groups["t"].Value };
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
}
