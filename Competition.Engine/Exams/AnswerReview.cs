using System.Text.RegularExpressions;
using Competition.Engine.QuestionBank;

namespace Competition.Engine.Exams;

/// <summary>An option as the worker saw it in the review: their label, the text, whether they chose it, whether it is the key.</summary>
/// <param name="IsKey">Only set when the exam shows the key.</param>
/// <param name="Text">The option as plain text, for lines such as "你的答案：C（50 V）".</param>
public sealed record ReviewOption(string Label, string BankKey, string Html, string Text, bool Chosen, bool IsKey);

/// <summary>
/// The review after submitting, as the worker saw the paper. Pure.
/// <para>Options are shown in the worker's own (shuffled) order with the labels they saw; choices and the key are
/// named by those labels and shown with their text. Responses and keys are stored by the bank's original keys.</para>
/// <para>Explanations are written against the bank's order ("D 项错误"). Letters in free text cannot be rewritten
/// safely — the same letters mean other things there ("维生素 A", "A 级电压", "C 阶段") — so the explanation is
/// shown as written, and when it names one of the item's option letters and the worker's order differs from the
/// bank's, a key line above it says which letter of the bank is which label on the worker's paper.</para>
/// </summary>
public static partial class AnswerReview
{
    public static string LabelAt(int position) => ((char)('A' + position)).ToString();

    /// <summary>The label the worker saw for a bank key, or null if the paper does not show that key.</summary>
    public static string? LabelOf(PaperItem item, string bankKey) =>
        bankKey.Length == 1 && item.OptionOrder.IndexOf(char.ToUpperInvariant(bankKey[0])) is var p and >= 0 ? LabelAt(p) : null;

    public static IReadOnlyList<ReviewOption> Options(PaperItem item, QuestionContent content, IReadOnlyDictionary<string, string> optionHtml,
        string? response, bool showKey)
    {
        var chosen = ChosenKeys(content.Type, response);
        var keys = content.Answer.Select(a => a.ToUpperInvariant()).ToHashSet();
        return item.OptionOrder.Select((key, pos) =>
        {
            var k = key.ToString();
            var html = optionHtml.GetValueOrDefault(k, "");
            return new ReviewOption(LabelAt(pos), k, html, PlainText(html), chosen.Contains(k), showKey && keys.Contains(k));
        }).ToList();
    }

    /// <summary>Options named by label and text, in the worker's order: "A（断开电源）；C（5 Ω）"; null when none.</summary>
    public static string? Describe(IEnumerable<ReviewOption> options)
    {
        var list = options.Select(o => $"{o.Label}（{o.Text}）").ToList();
        return list.Count == 0 ? null : string.Join("；", list);
    }

    /// <summary>The text of rendered inline Markdown (tags dropped, entities decoded): shown encoded again by the page.</summary>
    public static string PlainText(string html) => System.Net.WebUtility.HtmlDecode(Tags().Replace(html, "")).Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    /// <summary>The bank keys a response chooses (single and multiple choice name options by their bank keys).</summary>
    public static IReadOnlySet<string> ChosenKeys(QuestionType type, string? response) =>
        type is QuestionType.Single or QuestionType.Multiple && !string.IsNullOrWhiteSpace(response)
            ? response.Where(char.IsAsciiLetter).Select(c => char.ToUpperInvariant(c).ToString()).ToHashSet()
            : new HashSet<string>();

    /// <summary>
    /// The key line shown above an explanation that names option letters when the worker's order is not the bank's,
    /// e.g. "解析中的选项字母按题库原顺序：A 即本卷 C，B 即本卷 A，C 即本卷 D，D 即本卷 B。"; null when not needed.
    /// </summary>
    public static string? LetterNote(PaperItem item, QuestionContent content)
    {
        if (item.OptionOrder.Length == 0 || string.IsNullOrWhiteSpace(content.Explanation)) return null;
        var order = item.OptionOrder.ToUpperInvariant();
        if (order == string.Concat(order.Order())) return null; // shown in the bank's order: the letters already agree
        var named = LetterTokens().Matches(content.Explanation).Select(m => m.Value.ToUpperInvariant()).ToHashSet();
        if (!order.Any(k => named.Contains(k.ToString()))) return null;
        var pairs = order.Order().Select(k => $"{k} 即本卷 {LabelOf(item, k.ToString())}");
        return $"解析中的选项字母按题库原顺序：{string.Join("，", pairs)}。";
    }

    /// <summary>A letter standing alone: not part of a word, a number or a code such as "CA6140" or "PLC".</summary>
    [GeneratedRegex("(?<![A-Za-z0-9])[A-Ha-h](?![A-Za-z0-9])")]
    private static partial Regex LetterTokens();

    /// <summary>A response as the worker reads it: option choices by the labels they saw, 对/错, blanks joined.</summary>
    public static string? Display(PaperItem item, string? response)
    {
        if (string.IsNullOrEmpty(response)) return null;
        if (item.OptionOrder.Length > 0 && response.All(char.IsLetter))
            return string.Concat(response.Select(k => LabelOf(item, k.ToString()) ?? "?").Order());
        if (response is "true" or "false") return response == "true" ? "对" : "错";
        return response.StartsWith('[') ? string.Join(" / ", Marker.FillResponses(response)) : response;
    }

    /// <summary>The key in the same form as a response, so it is displayed the same way.</summary>
    public static string KeyResponse(QuestionContent c) =>
        c.Type == QuestionType.FillBlank ? System.Text.Json.JsonSerializer.Serialize(c.Answer.Select(a => a.Split('|')[0])) : string.Concat(c.Answer);
}
