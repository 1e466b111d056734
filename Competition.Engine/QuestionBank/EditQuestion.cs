using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.QuestionBank;

/// <summary>
/// An organizer corrects a question on its page (a wrong key, a typo). The text becomes a new version; papers already drawn
/// name the version they drew, so they keep showing and marking what the worker saw, and a re-mark uses the new key only when
/// the organizer asks for it. The type stays (a different type is a different question: import a new one).
/// </summary>
public static class EditQuestion
{
    /// <param name="Options">Option texts in order (A, B, C …); blank ones at the end are dropped.</param>
    /// <param name="Answer">As people write it: "A,C", "对", one line per blank, or the reference answer.</param>
    /// <param name="KnowledgePoints">Separated by 、 or commas.</param>
    /// <param name="BaseVersion">The version the form showed: a newer one saved meanwhile is not overwritten.</param>
    public sealed record Command(string Id, SkillLevel Level, int Difficulty, string Stem, IReadOnlyList<string> Options, string Answer,
        string Explanation, string KnowledgePoints, int BaseVersion, Actor Actor) : IRequest<Result>;

    public sealed record Result(int Version, bool Changed);

    public static QuestionContent Content(QuestionType type, Command c)
    {
        var options = type.HasOptions()
            ? (c.Options ?? []).Reverse().SkipWhile(string.IsNullOrWhiteSpace).Reverse().Select((text, i) => new QuestionOption(((char)('A' + i)).ToString(), text ?? "")).ToList()
            : [];
        var raw = type == QuestionType.FillBlank
            ? (c.Answer ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : type == QuestionType.ShortAnswer ? [(c.Answer ?? "").Trim()] : [c.Answer ?? ""];
        var points = (c.KnowledgePoints ?? "").Split(['、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return QuestionFields.Clean(new QuestionContent(c.Level, type, c.Difficulty, c.Stem ?? "", options, AnswerText.Normalize(type, raw),
            c.Explanation ?? "", points));
    }

    public sealed class Handler(CompetitionDbContext db, QuestionCatalog catalog, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            BankAccess.EnsureMayEdit(c.Actor);
            var q = await db.Questions.FirstOrDefaultAsync(x => x.Id == c.Id, ct) ?? throw new NotFoundException("题目", c.Id);
            if (q.IsSynthetic) throw new RuleViolationException("合成题库的题目只用于压力测试，不能编辑。");
            if (q.CurrentVersion != c.BaseVersion)
                throw new RuleViolationException($"题目已被他人改为第 {q.CurrentVersion} 版（您编辑的是第 {c.BaseVersion} 版），请重新打开编辑页后再改。");
            var content = Content(q.Type, c);
            var problems = QuestionRules.Check(content).Select(p => new ValidationError(p.Field, p.Reason)).ToList();
            if (!Enum.IsDefined(c.Level)) problems.Add(new("level", "请选择等级"));
            if (problems.Count > 0) throw new ValidationException(problems);
            var changed = q.Revise(content, q.TradeCode, QuestionSources.Edit, clock.GetUtcNow().UtcDateTime, c.Actor.UserName);
            await db.SaveChangesAsync(ct);
            if (changed) catalog.Invalidate();
            return new Result(q.CurrentVersion, changed);
        }
    }
}
