using Competition.Engine.Persistence;

namespace Competition.Tests.Infrastructure;

/// <summary>One running app per provider, shared by the tests of a class (each test uses its own ids and accounts).</summary>
public sealed class SharedApps : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, Task<AppFactory>> _apps = [];
    private readonly Lock _gate = new();

    public Task<AppFactory> For(DatabaseProvider provider)
    {
        lock (_gate)
        {
            if (!_apps.TryGetValue(provider, out var app)) _apps[provider] = app = AppFactory.StartAsync(provider);
            return app;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values) await (await app).DisposeAsync();
    }
}
