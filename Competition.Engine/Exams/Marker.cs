using System.Globalization;
using System.Text;
using System.Text.Json;
using Competition.Engine.QuestionBank;

namespace Competition.Engine.Exams;

/// <param name="Awarded">Points given; null when a person must mark it.</param>
public sealed record MarkResult(double? Awarded, bool Correct, bool NeedsPerson);

/// <summary>
/// Marks one response against one question. Pure. Responses name options by their original keys whatever
/// order they were shown in; fill-in responses are a JSON array with one string per blank.
/// </summary>
public static class Marker
{
    public static MarkResult Mark(QuestionContent q, string? response, double points, MultipleChoiceScoring scoring = MultipleChoiceScoring.AllOrNothing)
    {
        response ??= "";
        switch (q.Type)
        {
            case QuestionType.Single:
                return Binary(string.Equals(response.Trim(), q.Answer[0], StringComparison.OrdinalIgnoreCase), points);
            case QuestionType.TrueFalse:
                return Binary(AnswerText.Normalize(QuestionType.TrueFalse, [response]).SequenceEqual(q.Answer), points);
            case QuestionType.Multiple:
                return MarkMultiple(q, response, points, scoring);
            case QuestionType.FillBlank:
                var blanks = FillResponses(response);
                var right = q.Answer.Select((accepted, i) => i < blanks.Count && Matches(blanks[i], accepted)).Count(ok => ok);
                return new MarkResult(right == q.Answer.Count ? points : 0, right == q.Answer.Count, false);
            default:
                return new MarkResult(null, false, NeedsPerson: true);
        }
    }

    private static MarkResult Binary(bool correct, double points) => new(correct ? points : 0, correct, false);

    private static MarkResult MarkMultiple(QuestionContent q, string response, double points, MultipleChoiceScoring scoring)
    {
        var chosen = AnswerText.Normalize(QuestionType.Multiple, [response]).Distinct().ToHashSet();
        var key = q.Answer.ToHashSet();
        if (chosen.SetEquals(key)) return new MarkResult(points, true, false);
        // Partial credit (a blueprint setting): a subset of the right options and nothing wrong earns its share.
        if (scoring == MultipleChoiceScoring.PartialCredit && chosen.Count > 0 && chosen.IsSubsetOf(key))
            return new MarkResult(Math.Round(points * chosen.Count / key.Count, 2), false, false);
        return new MarkResult(0, false, false);
    }

    public static IReadOnlyList<string> FillResponses(string response)
    {
        if (response.TrimStart().StartsWith('['))
        {
            try { return JsonSerializer.Deserialize<List<string>>(response) ?? []; }
            catch (JsonException) { }
        }
        return [response];
    }

    /// <summary>Normalized matching: full-width and half-width forms, case and spaces do not matter.</summary>
    public static bool Matches(string given, string accepted) =>
        accepted.Split('|').Any(alt => Normalize(alt) == Normalize(given) && Normalize(given).Length > 0);

    public static string Normalize(string text)
    {
        var s = text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            if (!char.IsWhiteSpace(c)) sb.Append(c);
        return sb.ToString().TrimEnd('。', '.', '；', ';');
    }
}
