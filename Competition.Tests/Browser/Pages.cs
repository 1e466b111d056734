using Microsoft.Playwright;

namespace Competition.Tests.Browser;

/// <summary>Page objects: what a person does on each page, so tests read as steps.</summary>
public sealed class LoginPage(IPage page)
{
    public async Task SignInAsync(string user, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("手机号 / 工号 / 账号").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(password);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "登录" }));
    }

    /// <summary>
    /// Sends the filled sign-in form and waits to leave it. A refusal fails at once with the page's message. On a loaded CI
    /// machine a sign-in has (rarely) left the browser on the filled form with no message and no answer; that case is sent
    /// once more, since what the tests check comes after signing in.
    /// </summary>
    public static async Task SubmitAsync(IPage page, ILocator button)
    {
        await button.ClickAsync();
        try
        {
            await page.WaitForURLAsync(u => !u.Contains("/Account/Login"), new() { Timeout = 40_000 });
            return;
        }
        catch (TimeoutException) { }
        var errors = page.GetByTestId("login-errors");
        if (await errors.CountAsync() == 0) throw new InvalidOperationException($"signing in did not answer with the form or a page after it: {await page.TitleAsync()}");
        var message = (await errors.InnerTextAsync()).Trim();
        if (message.Length > 0) throw new InvalidOperationException($"signing in was refused: {message}");
        await button.ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/Account/Login"));
    }
}

public sealed class BankBrowserPage(IPage page)
{
    public async Task OpenAsync() => await page.GotoAsync("/QuestionBank");

    public async Task FilterAsync(string tradeCode, string? level = null, string? type = null, string? text = null)
    {
        await page.GetByLabel("工种").SelectOptionAsync(tradeCode);
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        if (level is not null) await page.GetByLabel("等级").SelectOptionAsync(new SelectOptionValue { Label = level });
        if (type is not null) await page.GetByLabel("题型").SelectOptionAsync(new SelectOptionValue { Label = type });
        if (text is not null) await page.GetByLabel("搜索").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public async Task<int> ResultCountAsync()
    {
        var text = await page.GetByTestId("result-count").InnerTextAsync();
        return int.Parse(new string(text.Where(char.IsDigit).ToArray()));
    }

    public ILocator Rows => page.Locator("table.table-bank tbody tr");
}

public sealed class ImportPage(IPage page)
{
    public async Task UploadAsync(string tradeCode, string fileName, byte[] content)
    {
        await page.GotoAsync("/QuestionBank/Import");
        await page.GetByLabel("工种").SelectOptionAsync(tradeCode);
        await page.GetByLabel("文件").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/octet-stream", Buffer = content });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并导入" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
