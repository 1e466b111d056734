namespace Competition.Engine.Practice;

/// <summary>
/// Participation points that rank units and cities: 5 per person (人数) plus 1 per sitting (人次).
/// Breadth weighs more than repetition because a union is judged on how many of its workers it reaches:
/// ten workers drilling once each (60) must beat two workers drilling thirty times between them (40),
/// and a unit cannot climb the ranking by asking a few keen workers to click through drills all day.
/// Sittings still count, so among units reaching as many people the more active one ranks higher. Pure.
/// </summary>
public static class ParticipationPoints
{
    public const int PerPerson = 5;
    public const int PerSitting = 1;

    public static int For(int people, int sittings) => PerPerson * people + PerSitting * sittings;

    /// <summary>
    /// Orders by points, highest first, and gives equal points the same place with the next place skipped
    /// (1, 2, 2, 4). Items with equal points keep their incoming order, so callers pre-sort by name.
    /// </summary>
    public static IReadOnlyList<(T Item, int Rank)> Rank<T>(IEnumerable<T> items, Func<T, int> points)
    {
        var ordered = items.OrderByDescending(points).ToList();
        var ranked = new List<(T, int)>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && points(ordered[i]) == points(ordered[i - 1]) ? ranked[i - 1].Item2 : i + 1;
            ranked.Add((ordered[i], rank));
        }
        return ranked;
    }
}
