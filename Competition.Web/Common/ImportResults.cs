using Competition.Engine.QuestionBank.Sheets;

namespace Competition.Web.Common;

/// <summary>
/// The refusal of an import as ProblemDetails: the first problems in <c>detail</c>, the listed ones (at most
/// <see cref="ImportProblems.Listed"/>) in <c>problems</c>, and how many there are in all — never a report the size of
/// the sheet.
/// </summary>
public static class ImportResults
{
    public static IResult Refused(string title, IReadOnlyList<ImportProblem> problems, int total)
    {
        var unlisted = Math.Max(0, total - problems.Count);
        var lines = problems.Take(20).Select(p => p.ToString()).ToList();
        if (total > lines.Count) lines.Add($"共 {total} 处问题，此处列出前 {lines.Count} 处，problems 中列出前 {problems.Count} 处。");
        if (unlisted > 0) lines.Add(ImportProblems.UnlistedText(unlisted));
        return Results.Problem(title: title, detail: string.Join("\n", lines), statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["problems"] = problems, ["problemCount"] = total, ["unlisted"] = unlisted });
    }
}
