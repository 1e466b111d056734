using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Practice;

/// <summary>A worker starts a drill (one 人次): a trade, optionally a level and a knowledge point, and a mode.</summary>
public static class StartPractice
{
    /// <param name="SetSize">10, 20 or 50 questions; null for an open-ended drill.</param>
    public sealed record Command(Actor Actor, string TradeCode, SkillLevel? Level, PracticeMode Mode, string? KnowledgePoint, int? SetSize = null) : IRequest<Guid>;

    public const string MockExamRefusal = "模拟考试请从考试大厅开始；网上练兵提供顺序、随机、按知识点和错题本四种模式。";

    public sealed class Validator : IValidator<Command>
    {
        public IEnumerable<ValidationError> Validate(Command c)
        {
            if (string.IsNullOrWhiteSpace(c.TradeCode)) yield return new(nameof(c.TradeCode), "请选择工种");
            if (c.Mode == PracticeMode.MockExam) yield return new(nameof(c.Mode), MockExamRefusal);
            else if (!Enum.IsDefined(c.Mode)) yield return new(nameof(c.Mode), "请选择练习模式");
            if (c.Level is { } level && !Enum.IsDefined(level)) yield return new(nameof(c.Level), "未知的技能等级");
            if (c.Mode == PracticeMode.KnowledgePoint && string.IsNullOrWhiteSpace(c.KnowledgePoint))
                yield return new(nameof(c.KnowledgePoint), "按知识点练习时请选择一个知识点");
            if (c.KnowledgePoint is { Length: > 128 }) yield return new(nameof(c.KnowledgePoint), "知识点名称过长");
            if (c.SetSize is { } size && !DrillSets.Sizes.Contains(size))
                yield return new(nameof(c.SetSize), $"每组题数可选 {string.Join(" / ", DrillSets.Sizes)} 题");
        }
    }

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command c, CancellationToken ct)
        {
            var workerId = c.Actor.RequireWorker();
            var trade = c.TradeCode.Trim();
            if (!await db.Trades.AnyAsync(t => t.Code == trade && !t.IsSynthetic, ct))
                throw new ValidationException([new(nameof(c.TradeCode), $"工种 '{trade}' 不存在")]);
            await BankAccess.EnsureMayDrillTradeAsync(db, workerId, trade, ct);
            var point = string.IsNullOrWhiteSpace(c.KnowledgePoint) ? null : c.KnowledgePoint.Trim();
            if (point is not null)
            {
                var encoded = "|" + point + "|";
                if (!await db.Questions.AnyAsync(q => q.TradeCode == trade && !q.IsSynthetic && !q.Sealed && !q.Retired && q.KnowledgePoints.Contains(encoded), ct))
                    throw new ValidationException([new(nameof(c.KnowledgePoint), $"该工种没有知识点为“{point}”的题目")]);
            }
            // Unit and city are copied now so participation statistics keep the unit the worker drilled for.
            var home = await (from w in db.Workers
                              join u in db.Units on w.UnitId equals u.Id
                              where w.Id == workerId
                              select new { w.UnitId, u.CityCode }).FirstOrDefaultAsync(ct)
                       ?? throw new NotFoundException("职工", workerId);
            var session = new PracticeSession(Guid.NewGuid(), workerId, home.UnitId, home.CityCode, trade, c.Level, c.Mode, point,
                clock.GetUtcNow().UtcDateTime, c.SetSize);
            db.PracticeSessions.Add(session);
            await db.SaveChangesAsync(ct);
            return session.Id;
        }
    }
}
