using System.Diagnostics;
using Competition.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Pages;

/// <summary>
/// The error page for browsers: reached by re-execution after an exception or an empty error status, or directly as
/// /Error/404. It shows what happened and what to do; an engine refusal shows the engine's message, any other fault
/// only a reference number for the log, never the exception.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";
    public string Reference { get; private set; } = "";
    /// <summary>On a 429 with Retry-After: the seconds to wait, shown in the reader's language.</summary>
    public int? RetryAfterSeconds { get; private set; }

    // The failed request may have been a form post; the error page answers it the same way.
    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        if (error is null && !reExecuted) Response.StatusCode = code is >= 400 and <= 599 ? code.Value : 404;
        Status = Response.StatusCode;
        Reference = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        (Heading, Message) = Status switch
        {
            400 => ("请求无效", "页面可能已过期，或提交的内容不完整。请返回上一页，刷新后重试。"),
            401 => ("需要登录", "请先登录后再访问此页面。"),
            403 => ("无权访问", "当前账号没有访问此页面的权限。如需权限，请联系组织者或管理员。"),
            404 => ("页面不存在", "找不到您要访问的页面：链接可能有误，或内容已被删除。"),
            405 => ("不支持的操作", "此页面不支持这种操作，请从页面上的按钮进行操作。"),
            409 => ("操作不符合规则", "此操作与当前状态冲突，请刷新页面查看最新情况。"),
            413 => ("文件过大", "上传的文件超过了大小限制，请拆分或压缩后重试。"),
            429 => ("操作过于频繁", RetryAfterText()),
            _ when Status >= 500 => ("服务器出错了", "错误已记录。请稍后重试；如仍有问题，请把下面的编号告诉组织者。"),
            _ => ("请求未能完成", "请返回上一页后重试。"),
        };
        if (Status == 429 && int.TryParse(Response.Headers.RetryAfter.ToString(), out var wait)) RetryAfterSeconds = wait;
        if (error is Competition.Engine.Common.ValidationException v) Message = string.Join("；", v.Errors.Select(e => e.Message));
        else if (error is not null && ErrorPages.IsRefusal(error)) Message = error.Message;
    }

    private string RetryAfterText() => int.TryParse(Response.Headers.RetryAfter.ToString(), out var seconds)
        ? $"请在 {seconds} 秒后再试。" : "请稍后再试。";
}
