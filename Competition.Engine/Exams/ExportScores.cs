using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank.Sheets;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>
/// An exam's scores as an xlsx workbook: one row per attempt with the worker, unit, city, times (Beijing time), score and pass.
/// Names and units typed by people go through <see cref="XlsxWriter"/>, so every cell is escaped by <see cref="SpreadsheetSafe"/>.
/// </summary>
public static class ExportScores
{
    public sealed record Query(Guid ExamId, Actor Actor) : IRequest<Result>;

    public sealed record Result(string FileName, byte[] Content);

    public static readonly IReadOnlyList<string> Headers =
        ["姓名", "工号", "单位", "城市", "工种", "第几次", "状态", "开始时间", "交卷时间", "得分", "满分", "及格分", "是否及格", "待阅卷题数"];

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == q.ExamId, ct) ?? throw new NotFoundException("考试", q.ExamId);
            ExamAccess.EnsureMayManage(q.Actor, exam);
            var rows = await (from a in db.Attempts.AsNoTracking().Where(a => a.ExamId == exam.Id)
                              join w in db.Workers on a.WorkerId equals w.Id
                              join u in db.Units on w.UnitId equals u.Id
                              select new { w.Name, w.EmployeeNumber, Unit = u.Name, u.CityCode, w.TradeCode, a.AttemptNo, a.State, a.StartedAt, a.SubmittedAt, a.Score, a.MaxScore, a.PendingMarks })
                .ToListAsync(ct);
            var sheet = new List<IReadOnlyList<string>> { Headers };
            sheet.AddRange(rows.OrderBy(r => r.Unit).ThenBy(r => r.Name).ThenBy(r => r.AttemptNo).Select(r => (IReadOnlyList<string>)
            [
                r.Name, r.EmployeeNumber ?? "", r.Unit, r.CityCode, r.TradeCode ?? "", r.AttemptNo.ToString(), StateTitle(r.State),
                Local(r.StartedAt), r.SubmittedAt is { } s ? Local(s) : "", r.Score?.ToString("0.##") ?? "", r.MaxScore.ToString("0.##"),
                exam.PassMark.ToString("0.##"), r.Score is { } score && r.PendingMarks == 0 ? (score >= exam.PassMark ? "是" : "否") : "",
                r.PendingMarks.ToString(),
            ]));
            var stamp = new string(exam.Title.Where(ch => !Path.GetInvalidFileNameChars().Contains(ch)).ToArray());
            return new Result($"{(stamp.Length == 0 ? "exam" : stamp)}-成绩.xlsx", XlsxWriter.Write("成绩", sheet));
        }
    }

    private static string Local(DateTime utc) => TimeZones.Shanghai(utc).ToString("yyyy-MM-dd HH:mm");

    public static string StateTitle(AttemptState state) => state switch
    {
        AttemptState.InProgress => "作答中",
        AttemptState.Overdue => "超时待交",
        AttemptState.Submitted => "已交卷",
        AttemptState.Abandoned => "已作废",
        _ => "未开始",
    };
}
