using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Competition.Tests.Infrastructure;

/// <summary>
/// A signed-in (or anonymous) user of the app with their cookie jar in reach, so the same identity can call the HTTP
/// API, post page forms and open SignalR hub connections.
/// </summary>
public sealed class Session(AppFactory app, CookieContainer cookies, HttpClient http)
{
    public AppFactory App { get; } = app;
    public CookieContainer Cookies { get; } = cookies;
    public HttpClient Http { get; } = http;

    public static Session Anonymous(AppFactory app)
    {
        var cookies = new CookieContainer();
        return new Session(app, cookies, new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress });
    }

    public static async Task<Session> SignInAsync(AppFactory app, string userName, string password = "test-pass-123")
    {
        var session = Anonymous(app);
        var res = await session.Http.PostAsJsonAsync("/api/account/login", new { userName, password });
        res.EnsureSuccessStatusCode();
        return session;
    }

    /// <summary>The Cookie header this session sends, for requests made outside its jar (so their responses cannot change it).</summary>
    public string CookieHeader => Cookies.GetCookieHeader(App.BaseAddress);

    /// <summary>A hub connection carrying this session's sign-in cookie, started.</summary>
    public async Task<HubConnection> HubAsync(string path = "/hubs/scoreboard")
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(App.BaseAddress, path), o => o.Cookies = Cookies)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
