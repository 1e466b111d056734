using Competition.Engine.QuestionBank;

namespace Competition.Engine.Exams;

/// <summary>Marks a whole attempt from its paper and saved answers; short answers stay null for a person.</summary>
internal static class AttemptMarking
{
    /// <param name="contentFor">The question content to mark each item against (the version shown, or the current key after a correction).</param>
    public static double?[] Mark(IReadOnlyList<PaperItem> items, IReadOnlyDictionary<int, string> responses, Func<PaperItem, QuestionContent> contentFor,
        MultipleChoiceScoring scoring)
    {
        var scores = new double?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var content = contentFor(items[i]);
            var result = Marker.Mark(content, responses.GetValueOrDefault(i), items[i].Points, scoring);
            // An unanswered short answer has nothing to mark: it scores 0 rather than waiting in the queue.
            scores[i] = result.NeedsPerson && string.IsNullOrWhiteSpace(responses.GetValueOrDefault(i)) ? 0 : result.Awarded;
        }
        return scores;
    }

}
