using System.Globalization;
using System.Text;
using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank.Sheets;
using MediatR;

namespace Competition.Engine.Judging;

/// <summary>
/// The contest's audit trail as CSV (UTF-8 with BOM for Excel), for the organizers who manage the contest and its chief
/// judge: the same rows as the audit page (Asia/Shanghai time, task titles, judges' names), filtered the same way.
/// </summary>
public static class ExportMarkAudit
{
    public sealed record Query(Guid ContestId, Actor Actor, string? Number = null, Guid? TaskId = null, string? JudgeUserId = null) : IRequest<Result>;

    public sealed record Result(string FileName, byte[] Content);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var contest = await AuditAccess.ReadableAsync(db, q.ContestId, q.Actor, ct);
            var audit = await GetMarkAudit.ReadAsync(db, contest.Id, contest.Title, q.Number, q.TaskId, q.JudgeUserId, limit: null, ct);
            var csv = Csv.Write([["时间(北京时间)", "参赛号", "任务", "评分项", "裁判", "原值", "新值", "操作人", "理由"],
                .. audit.Rows.OrderBy(a => a.AtLocal).Select(a => (IReadOnlyList<string>)[a.AtLocal.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Text(a.Number), Text(a.Task), Text(a.ItemCode), Text(a.Judge), a.OldValue?.ToString(CultureInfo.InvariantCulture) ?? "",
                    a.NewValue.ToString(CultureInfo.InvariantCulture), Text(a.By), Text(a.Reason ?? "")])]);
            return new Result("评分审计.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);
        }

        // Reasons and names are typed by people: a leading = + - @ must open in Excel as text, never as a formula.
        private static string Text(string value) => SpreadsheetSafe.Escape(value);
    }
}
