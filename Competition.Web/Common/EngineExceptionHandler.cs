using Competition.Engine.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Competition.Web.Common;

/// <summary>
/// API and hub exceptions become ProblemDetails: validation 400, rule 409, forbidden 403, not found 404, anything else
/// 500 without details. Pages are left to the error page (see <see cref="ErrorPages"/>).
/// </summary>
public sealed class EngineExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!ErrorPages.IsApi(http)) return false;
        ProblemDetails details = exception switch
        {
            ValidationException v => new ValidationProblemDetails(v.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
                { Status = 400, Title = "提交的内容有误" },
            RuleViolationException r => new ProblemDetails { Status = 409, Title = "操作不符合规则", Detail = r.Message },
            ForbiddenException f => new ProblemDetails { Status = 403, Title = "无权操作", Detail = f.Message },
            NotFoundException n => new ProblemDetails { Status = 404, Title = "未找到", Detail = n.Message },
            BadHttpRequestException b => new ProblemDetails { Status = b.StatusCode, Title = "请求无效", Detail = "请求的格式或内容不正确，请检查后重试。" },
            _ => new ProblemDetails { Status = 500, Title = "服务器出错了", Detail = "请求未能完成，错误已记录。请稍后重试；如仍有问题，请联系组织者。" },
        };
        http.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details });
    }
}
