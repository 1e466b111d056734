using Competition.Engine.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Competition.Web.Common;

/// <summary>Engine exceptions become ProblemDetails: validation 400, rule 409, forbidden 403, not found 404.</summary>
public sealed class EngineExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails? details = exception switch
        {
            ValidationException v => new ValidationProblemDetails(v.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
                { Status = 400, Title = "提交的内容有误" },
            RuleViolationException r => new ProblemDetails { Status = 409, Title = "操作不符合规则", Detail = r.Message },
            ForbiddenException f => new ProblemDetails { Status = 403, Title = "无权操作", Detail = f.Message },
            NotFoundException n => new ProblemDetails { Status = 404, Title = "未找到", Detail = n.Message },
            _ => null,
        };
        if (details is null) return false;
        http.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = exception });
    }
}
