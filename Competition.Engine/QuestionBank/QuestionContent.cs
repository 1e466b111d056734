using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Competition.Engine.QuestionBank;

public sealed record QuestionOption(string Key, string Text);

/// <summary>
/// Everything that defines what a candidate sees and how it is marked. Two contents with the same
/// canonical JSON are the same version of a question; any change makes a new version.
/// </summary>
/// <param name="Answer">
/// single: one option key; multiple: the correct keys in order; truefalse: "true" or "false";
/// fill: one entry per blank, accepted alternatives separated by '|'; short: the reference answer.
/// </param>
public sealed record QuestionContent(
    SkillLevel Level,
    QuestionType Type,
    int Difficulty,
    string Stem,
    IReadOnlyList<QuestionOption> Options,
    IReadOnlyList<string> Answer,
    string Explanation,
    IReadOnlyList<string> KnowledgePoints)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string ToCanonicalJson() => JsonSerializer.Serialize(new
    {
        level = (int)Level, type = Type.Code(), difficulty = Difficulty, stem = Stem,
        options = Options.Select(o => new[] { o.Key, o.Text }), answer = Answer,
        explanation = Explanation, knowledgePoints = KnowledgePoints,
    }, Json);

    public static QuestionContent FromCanonicalJson(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        QuestionTypes.TryParse(r.GetProperty("type").GetString(), out var type);
        return new QuestionContent(
            (SkillLevel)r.GetProperty("level").GetInt32(), type, r.GetProperty("difficulty").GetInt32(),
            r.GetProperty("stem").GetString()!,
            r.GetProperty("options").EnumerateArray().Select(o => new QuestionOption(o[0].GetString()!, o[1].GetString()!)).ToList(),
            r.GetProperty("answer").EnumerateArray().Select(a => a.GetString()!).ToList(),
            r.GetProperty("explanation").GetString()!,
            r.GetProperty("knowledgePoints").EnumerateArray().Select(k => k.GetString()!).ToList());
    }

    public string ComputeHash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToCanonicalJson())));

    /// <summary>The answer as a person reads it, e.g. "ACD", "对", "49 / 淬火".</summary>
    public string AnswerDisplay => Type switch
    {
        QuestionType.Single or QuestionType.Multiple => string.Concat(Answer),
        QuestionType.TrueFalse => Answer.FirstOrDefault() == "true" ? "对" : "错",
        QuestionType.FillBlank => string.Join(" / ", Answer),
        _ => Answer.FirstOrDefault() ?? "",
    };
}
