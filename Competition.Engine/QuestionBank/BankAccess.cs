using Competition.Engine.Accounts;
using Competition.Engine.Common;
using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.QuestionBank;

/// <summary>
/// Who may see a bank's questions with their keys. The banks are shared by all cities: organizers and admins browse,
/// export and import them. Workers see a question with its key only in a drill, and drills never serve an exam-only
/// (sealed) question or bank, nor a trade the worker is sitting an exam in right now, so a drill cannot hand out
/// the keys of an open exam.
/// </summary>
public static class BankAccess
{
    public static bool MayBrowse(Actor actor) => actor.IsAdmin || actor.IsIn(Roles.Organizer);

    public static void EnsureMayBrowse(Actor actor)
    {
        if (!MayBrowse(actor)) throw new ForbiddenException("只有组织者或管理员可以查看题库（含答案）。");
    }

    public static void EnsureMayImport(Actor actor)
    {
        if (!MayBrowse(actor)) throw new ForbiddenException("只有组织者或管理员可以导入题库。");
    }

    /// <summary>Editing and retiring questions: the banks are shared, so organizers and admins, as for imports.</summary>
    public static void EnsureMayEdit(Actor actor)
    {
        if (!MayBrowse(actor)) throw new ForbiddenException("只有组织者或管理员可以编辑或停用题目。");
    }

    /// <summary>A question with its key: organizers and admins always; a worker only when it may be drilled.</summary>
    public static async Task EnsureMayReadAsync(CompetitionDbContext db, Actor actor, Question question, CancellationToken ct)
    {
        if (MayBrowse(actor)) return;
        var worker = actor.WorkerId ?? throw new ForbiddenException("只有组织者或管理员可以查看题库（含答案）。");
        EnsureDrillable(question.Id, question.Sealed);
        await EnsureMayDrillTradeAsync(db, worker, question.TradeCode, ct);
    }

    public static void EnsureDrillable(string questionId, bool sealedForExams)
    {
        if (sealedForExams) throw new RuleViolationException($"题目 {questionId} 仅限考试使用，不在网上练兵中提供。");
    }

    /// <summary>
    /// Refuses drilling a trade whose bank is exam-only, or a trade the worker has an exam attempt open in (until it is
    /// handed in or closed). Checked when a drill starts, for every next question and for every answer.
    /// </summary>
    public static async Task EnsureMayDrillTradeAsync(CompetitionDbContext db, Guid workerId, string tradeCode, CancellationToken ct)
    {
        var trade = await db.Trades.AsNoTracking().Where(t => t.Code == tradeCode).Select(t => new { t.Name, t.Sealed }).FirstOrDefaultAsync(ct);
        if (trade is { Sealed: true })
            throw new RuleViolationException($"「{trade.Name}」是仅限考试的题库（竞赛或考试专用），不提供网上练兵，请选择其他工种。");
        foreach (var exam in await OpenExamsAsync(db, workerId, ct))
            if (Blueprint.FromJson(exam.BlueprintJson).Cells.Any(c => c.TradeCode == tradeCode))
                throw new RuleViolationException(
                    $"您正在参加考试「{exam.Title}」，交卷（或考试结束）前不能练习{trade?.Name ?? tradeCode}的题目，以免练兵给出考题答案。请先完成考试，或练习其他工种。");
    }

    private static async Task<List<(string Title, string BlueprintJson)>> OpenExamsAsync(CompetitionDbContext db, Guid workerId, CancellationToken ct) =>
        (await (from a in db.Attempts.AsNoTracking().Where(Exams.AnswerAcceptance.IsOpen)
                join e in db.Exams on a.ExamId equals e.Id
                where a.WorkerId == workerId
                select new { e.Title, e.BlueprintJson }).ToListAsync(ct))
        .Select(x => (x.Title, x.BlueprintJson)).ToList();
}
