using Microsoft.Playwright;

namespace Competition.Tests.Infrastructure;

/// <summary>Debian's headless Chromium driven by Playwright, one browser per test class.</summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Expectations poll until this bound; on a busy 2-core machine a page or a push can take seconds, never minutes.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"],
        });
    }

    public Task<IPage> NewPageAsync(Uri baseAddress, bool phone = false) =>
        NewPageAsync(baseAddress, phone ? 390 : 1280, phone ? 844 : 900, phone);

    /// <summary>A page in its own context (own cookies, own language) at a device's size: 1024x768 tablet, 1920x1080 projector.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, int width, int height, bool mobile = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = mobile,
        });
        // A bound, not a pause: actions end as soon as the page is ready. Two test runs and other apps on two cores can
        // make one page take tens of seconds.
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }
}
