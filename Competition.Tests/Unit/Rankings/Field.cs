using Competition.Engine.Rankings;

namespace Competition.Tests.Unit.Rankings;

/// <summary>Worked-example fields for the award tests: totals in, ranked entries out (through the real ranking).</summary>
internal static class Field
{
    /// <summary>Finishers named 选手1, 选手2 … in the order given, so position i is 选手{i+1} whatever the ranking does.</summary>
    public static IReadOnlyList<RankedEntry> Of(params double[] totals) =>
        RankedEntries.From(totals.Select((t, i) => new EntryResult(Id(i), $"选手{i + 1}", EntryStatus.Finished, t)).ToList(), []);

    /// <summary><paramref name="count"/> finishers with distinct totals, best first.</summary>
    public static IReadOnlyList<RankedEntry> Distinct(int count) => Of(Enumerable.Range(0, count).Select(i => 1000.0 - i * 0.5).ToArray());

    public static Guid Id(int index) => new(index + 1, 0, 0, new byte[8]);

    /// <summary>The awards by position of the finishers, e.g. [First, Second, Second, None].</summary>
    public static Award[] Awards(AwardOutcome outcome) => outcome.Entries.Where(e => e.Entry.Finished).Select(e => e.Award).ToArray();

    public static Award[] Expect(int first, int second, int third, int honorable = 0, int none = 0) =>
        Enumerable.Repeat(Award.First, first).Concat(Enumerable.Repeat(Award.Second, second))
            .Concat(Enumerable.Repeat(Award.Third, third)).Concat(Enumerable.Repeat(Award.Honorable, honorable))
            .Concat(Enumerable.Repeat(Award.None, none)).ToArray();
}
