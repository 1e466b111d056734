using System.Net;
using System.Net.Http.Json;
using Competition.Engine.Accounts;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Competition.Tests.Infrastructure;

/// <summary>The real app on real Kestrel (loopback, free port) over a test database of either provider.</summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _db;
    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _clock;
    private readonly Action<IServiceCollection>? _services;
    private bool _ownsDatabase = true;

    private AppFactory(TestDatabase db, Dictionary<string, string?> settings, TimeProvider? clock, Action<IServiceCollection>? services = null)
    {
        _db = db;
        _settings = settings;
        _clock = clock;
        _services = services;
        UseKestrel(0);
    }

    private const string NoScheduler = "Testing:NoScheduler";

    /// <summary>
    /// Settings for a test that drives time itself: Quartz is not started, so the test moves the fake clock and sends
    /// the job's command (e.g. <c>CloseDueAttempts.Command</c>, <c>ContestClock.Command</c>) when it wants the clock to
    /// act, and nothing happens behind its back on a busy machine.
    /// </summary>
    public static Dictionary<string, string?> ClockDrivenByTest() => new() { [NoScheduler] = "true" };

    public TestDatabase Database => _db;

    public Uri BaseAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        }
    }

    /// <param name="clock">Replaces the app's TimeProvider (e.g. a <see cref="FakeClock"/>).</param>
    /// <param name="services">Adds or replaces services (e.g. an extra scoreboard publisher).</param>
    public static async Task<AppFactory> StartAsync(DatabaseProvider provider, Dictionary<string, string?>? settings = null, TimeProvider? clock = null,
        Action<IServiceCollection>? services = null)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var factory = new AppFactory(db, settings ?? [], clock, services);
        factory.StartServer();
        return factory;
    }

    /// <summary>Starts the app over an existing database the caller keeps (e.g. to restart the app over the same data).</summary>
    public static AppFactory StartOn(TestDatabase db, Dictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var factory = new AppFactory(db, settings ?? [], clock) { _ownsDatabase = false };
        factory.StartServer();
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseUrls("http://127.0.0.1:0");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = _db.Options.Provider.ToString(),
            ["Database:ConnectionString"] = _db.Options.ConnectionString,
            ["Banks:Folder"] = Paths.ShippedBanks,
            ["Demo:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in _settings) settings[key] = value;
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        if (_clock is not null) builder.ConfigureServices(s => s.AddSingleton(_clock));
        if (_services is not null) builder.ConfigureServices(_services);
        // Program reads its configuration before a test's settings arrive, so the scheduler is taken out here instead.
        if (_settings.TryGetValue(NoScheduler, out var off) && off == "true")
            builder.ConfigureServices(s =>
            {
                foreach (var d in s.Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && d.ImplementationType?.FullName?.StartsWith("Quartz.") == true).ToList())
                    s.Remove(d);
            });
    }

    /// <summary>An HTTP client with its own cookie jar, talking to the Kestrel server.</summary>
    public HttpClient NewClient() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    public async Task<T> SendAsync<T>(IRequest<T> request)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task<string> CreateStaffAsync(string role, string? city = null)
    {
        var name = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..20];
        await SendAsync(new CreateStaffAccount.Command(name, "test-pass-123", name, role, city));
        return name;
    }

    public async Task<HttpClient> SignedInClientAsync(string userName, string password = "test-pass-123")
    {
        var client = NewClient();
        var res = await client.PostAsJsonAsync("/api/account/login", new { userName, password });
        res.EnsureSuccessStatusCode();
        return client;
    }

    public async Task<HttpClient> OrganizerClientAsync(string city = "maanshan") =>
        await SignedInClientAsync(await CreateStaffAsync(Roles.Organizer, city));

    /// <summary>Registers a new worker (in a new unit of the city) and returns the user name and worker id.</summary>
    public async Task<(string UserName, Guid WorkerId)> CreateWorkerAsync(string city = "maanshan", string? trade = "lathe-operator")
    {
        var unit = await SendAsync(new Competition.Engine.Organizations.CreateUnit.Command(city, "单位" + Guid.NewGuid().ToString("N")[..8],
            Competition.Engine.Organizations.UnitKind.Enterprise, Competition.Engine.Common.Actor.System));
        var phone = "15" + Random.Shared.NextInt64(100_000_000, 999_999_999);
        var r = await SendAsync(new RegisterWorker.Command("职工" + phone[^4..], phone, null, unit, "test-pass-123", trade,
            Competition.Engine.QuestionBank.SkillLevel.Level4));
        return (r.UserName, r.WorkerId);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase) await _db.DisposeAsync();
    }
}
