using Competition.Engine.Practice;
using Competition.Engine.QuestionBank;

namespace Competition.Web.Pages.Practice;

/// <summary>What the drill page shows of a question, whether it came as the next question or is shown again after an answer.</summary>
public sealed record QuestionView(string Id, int Version, QuestionType Type, SkillLevel Level, string StemHtml,
    IReadOnlyList<(string Key, string Html)> Options, int Blanks, IReadOnlyList<string> KnowledgePoints, IReadOnlyList<string> Key)
{
    public static QuestionView From(NextPracticeQuestion.Result q) =>
        new(q.QuestionId, q.Version, q.Type, q.Level, q.StemHtml, q.Options.Select(o => (o.Key, o.Html)).ToList(), q.Blanks, q.KnowledgePoints, []);

    /// <summary>After answering the key is known, so the options can be marked right or wrong.</summary>
    public static QuestionView From(GetQuestion.Result q, bool withKey) =>
        new(q.Id, q.Version, q.Content.Type, q.Content.Level, q.StemHtml, q.Options, QuestionRules.CountBlanks(q.Content.Stem),
            q.Content.KnowledgePoints, withKey ? q.Content.Answer : []);
}
