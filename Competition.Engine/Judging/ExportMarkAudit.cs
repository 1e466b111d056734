using System.Text;
using Competition.Engine.Common;
using Competition.Engine.Contests;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank.Sheets;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Judging;

/// <summary>The contest's audit trail as CSV (UTF-8 with BOM for Excel), for the organizers who manage the contest.</summary>
public static class ExportMarkAudit
{
    public sealed record Query(Guid ContestId, Actor Actor) : IRequest<Result>;

    public sealed record Result(string FileName, byte[] Content);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var contest = await ContestAccess.ManagedAsync(db, q.ContestId, q.Actor, ct);
            var rows = await db.MarkAudits.AsNoTracking().Where(a => a.ContestId == contest.Id).OrderBy(a => a.At).ToListAsync(ct);
            var numbers = await db.Contestants.AsNoTracking().Where(c => c.ContestId == contest.Id).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
            var csv = Csv.Write([["时间(UTC)", "参赛号", "任务", "评分项", "裁判", "原值", "新值", "操作人", "理由"],
                .. rows.Select(a => (IReadOnlyList<string>)[a.At.ToString("u"), Text(numbers.GetValueOrDefault(a.ContestantId, "?")), a.TaskId.ToString(),
                    Text(a.ItemCode), Text(a.JudgeUserId), a.OldValue?.ToString() ?? "", a.NewValue.ToString(), Text(a.By), Text(a.Reason ?? "")])]);
            return new Result("评分审计.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);
        }

        // Reasons and names are typed by people: a leading = + - @ must open in Excel as text, never as a formula.
        private static string Text(string value) => SpreadsheetSafe.Escape(value);
    }
}
