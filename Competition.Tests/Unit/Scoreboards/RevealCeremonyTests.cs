using Competition.Engine.Judging;
using Competition.Engine.Scoreboards;

namespace Competition.Tests.Unit.Scoreboards;

public class RevealCeremonyTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid(), E = Guid.NewGuid(), F = Guid.NewGuid();
    private static readonly TieBreak[] NoTieBreaks = [];

    private static RankingRow R(Guid id, double total, double practical = 0) => new(id, total, practical, 0, null);

    private static RankingRow[] Ranked(TieBreak[] tieBreaks, params RankingRow[] rows) => Ranking.Rank(rows, tieBreaks).Select(r => r.Row).ToArray();

    private static (Guid Id, double Total, int Rank, bool Shared)[] Shown(IReadOnlyList<RankedRow> rows) =>
        rows.Select(r => (r.ContestantId, r.Row.Total, r.Rank, r.SharedRank)).ToArray();

    private static readonly RankingRow[] Frozen = [R(A, 90), R(B, 80), R(C, 70), R(D, 60)];
    private static readonly RankingRow[] Final = [R(D, 95), R(A, 90), R(B, 85), R(C, 75)];

    [Fact]
    public void StepZero_IsTheFrozenBoard_AndTheLastStepTheFinalStandings()
    {
        var ceremony = new RevealCeremony(Frozen, Final, NoTieBreaks);
        ceremony.StepCount.ShouldBe(4);
        Shown(ceremony.StateAfter(0)).ShouldBe(Shown(Ranking.Rank(Frozen, NoTieBreaks)));
        Shown(ceremony.StateAfter(ceremony.StepCount)).ShouldBe(Shown(Ranking.Rank(Final, NoTieBreaks)));
    }

    [Fact]
    public void Reveals_GoFromTheBottomOfTheFrozenBoardUp()
    {
        var ceremony = new RevealCeremony(Frozen, Final, NoTieBreaks);
        Enumerable.Range(1, 4).Select(ceremony.RevealedAt).ShouldBe([D, C, B, A]);
        // D, last when frozen, is revealed first and jumps to the top; the others still show frozen totals.
        ceremony.StateAfter(1).Select(r => (r.ContestantId, r.Row.Total)).ShouldBe([(D, 95), (A, 90), (B, 80), (C, 70)]);
        ceremony.StateAfter(2).Select(r => (r.ContestantId, r.Row.Total)).ShouldBe([(D, 95), (A, 90), (B, 80), (C, 75)]);
        ceremony.StateAfter(3).Select(r => (r.ContestantId, r.Row.Total)).ShouldBe([(D, 95), (A, 90), (B, 85), (C, 75)]);
    }

    [Fact]
    public void TiesAtTheTopMiddleAndBottom_AreSharedRanksAtEveryStep_AndTheLastStepIsTheFinalRanking()
    {
        // Frozen: A and B share 1st, C and D share 3rd, E and F share 5th. Finally E catches up with C and D (3= three
        // ways), F stays, and B pulls ahead of A.
        RankingRow[] frozen = [R(A, 90), R(B, 90), R(C, 80), R(D, 80), R(E, 60), R(F, 60)];
        var final = Ranked(NoTieBreaks, R(A, 90), R(B, 95), R(C, 80), R(D, 80), R(E, 80), R(F, 60));
        var ceremony = new RevealCeremony(frozen, final, NoTieBreaks);

        // Before any reveal the ties are already shown as ties: 1=, 1=, 3=, 3=, 5=, 5=.
        Shown(ceremony.StateAfter(0)).Select(r => (r.Rank, r.Shared)).ShouldBe([(1, true), (1, true), (3, true), (3, true), (5, true), (5, true)]);
        // Step 1 reveals F (unchanged): the bottom tie stays 5=.
        Shown(ceremony.StateAfter(1)).Select(r => (r.Rank, r.Shared)).ShouldBe([(1, true), (1, true), (3, true), (3, true), (5, true), (5, true)]);
        // Step 2 reveals E at 80: three share 3rd, F is alone at 6th.
        Shown(ceremony.StateAfter(2)).Select(r => (r.Id, r.Rank, r.Shared)).ShouldBe([(A, 1, true), (B, 1, true), (C, 3, true), (D, 3, true), (E, 3, true), (F, 6, false)]);
        // Step 5 reveals B at 95: B alone first, A alone second.
        Shown(ceremony.StateAfter(5)).Take(2).Select(r => (r.Id, r.Rank, r.Shared)).ShouldBe([(B, 1, false), (A, 2, false)]);
        Shown(ceremony.StateAfter(6)).ShouldBe(Shown(Ranking.Rank(final, NoTieBreaks)));
    }

    [Fact]
    public void Arrows_ShowWhatThisStepChanged_AndASharedRankIsNoMove()
    {
        RankingRow[] frozen = [R(A, 90), R(B, 80), R(C, 70)];
        var final = Ranked(NoTieBreaks, R(A, 90), R(B, 80), R(C, 80));
        var ceremony = new RevealCeremony(frozen, final, NoTieBreaks);
        // Step 1: C (70 → 80) draws level with B: C goes 3 → 2= (up 1); B stays 2 → 2= (no move); A does not move.
        ceremony.MovesAt(1).ShouldBe(new Dictionary<Guid, int> { [A] = 0, [B] = 0, [C] = 1 }, ignoreOrder: true);
        // Steps 2 and 3 change nothing: no arrows, however the previous step went.
        ceremony.MovesAt(2).Values.ShouldAllBe(m => m == 0);
        ceremony.MovesAt(3).Values.ShouldAllBe(m => m == 0);
    }

    [Fact]
    public void TieBreaks_SeparateEqualTotalsAtEveryStep_AsTheFinalStandingsDo()
    {
        TieBreak[] tieBreaks = [TieBreak.HigherPractical];
        // B finally equals A's total with a better practical score: B is first on the tie-break as soon as B is revealed.
        RankingRow[] frozen = Ranked(tieBreaks, R(A, 80, 50), R(B, 70, 40), R(C, 70, 40));
        var final = Ranked(tieBreaks, R(A, 80, 50), R(B, 80, 60), R(C, 70, 40));
        var ceremony = new RevealCeremony(frozen, final, tieBreaks);
        Shown(ceremony.StateAfter(0)).Select(r => (r.Id, r.Rank, r.Shared)).ShouldBe([(A, 1, false), (B, 2, true), (C, 2, true)]);
        Shown(ceremony.StateAfter(1)).Select(r => (r.Id, r.Rank, r.Shared)).ShouldBe([(A, 1, false), (B, 2, true), (C, 2, true)]);
        Shown(ceremony.StateAfter(2)).Select(r => (r.Id, r.Rank, r.Shared)).ShouldBe([(B, 1, false), (A, 2, false), (C, 3, false)]);
        ceremony.MovesAt(2).ShouldBe(new Dictionary<Guid, int> { [A] = -1, [B] = 1, [C] = -1 }, ignoreOrder: true);
        Shown(ceremony.StateAfter(3)).ShouldBe(Shown(Ranking.Rank(final, tieBreaks)));
    }

    [Fact]
    public void RevealedRow_NeverOvertakesARowNothingSeparatesItFrom()
    {
        // No tie-breaks: B catches up with A and they share first; the hidden row A stays listed first until revealed.
        var ceremony = new RevealCeremony([R(A, 80), R(B, 70)], [R(A, 80), R(B, 80)], NoTieBreaks);
        Shown(ceremony.StateAfter(1)).Select(r => (r.Id, r.Rank, r.Shared)).ShouldBe([(A, 1, true), (B, 1, true)]);
    }

    [Fact]
    public void RandomBoardsWithTies_RankEveryStepByTheRule_ChangeOneRowPerStep_AndEndInTheFinalStandings()
    {
        var random = new Random(20261201);
        for (var trial = 0; trial < 300; trial++)
        {
            TieBreak[] tieBreaks = random.Next(2) == 0 ? [] : [TieBreak.HigherPractical];
            var ids = Enumerable.Range(0, random.Next(1, 12)).Select(_ => Guid.NewGuid()).ToList();
            var frozen = Ranked(tieBreaks, ids.Select(id => R(id, random.Next(0, 4) * 10, random.Next(0, 3) * 10)).ToArray());
            var final = Ranked(tieBreaks, frozen.Select(r => r with { Total = r.Total + random.Next(0, 3) * 10, Practical = r.Practical + random.Next(0, 2) * 10 }).ToArray());
            var ceremony = new RevealCeremony(frozen, final, tieBreaks);
            for (var k = 0; k <= ceremony.StepCount; k++)
            {
                var state = ceremony.StateAfter(k);
                // Each step is exactly the contest's ranking of the figures shown.
                Shown(state).Select(r => (r.Rank, r.Shared)).ShouldBe(Shown(Ranking.Rank(state.Select(r => r.Row).ToList(), tieBreaks)).Select(r => (r.Rank, r.Shared)));
                if (k == 0) continue;
                var before = ceremony.StateAfter(k - 1).ToDictionary(r => r.ContestantId);
                state.Where(r => r.Row != before[r.ContestantId].Row).ShouldAllBe(r => r.ContestantId == ceremony.RevealedAt(k));
                var moves = ceremony.MovesAt(k);
                state.ShouldAllBe(r => moves[r.ContestantId] == before[r.ContestantId].Rank - r.Rank);
            }
            Shown(ceremony.StateAfter(ceremony.StepCount)).ShouldBe(Shown(Ranking.Rank(final, tieBreaks)));
        }
    }

    [Fact]
    public void DifferentContestants_AreRefused() =>
        Should.Throw<ArgumentException>(() => new RevealCeremony([R(A, 90), R(B, 80)], [R(A, 90), R(C, 80)], NoTieBreaks)).Message.ShouldContain("选手必须一致");

    [Fact]
    public void UnorderedBoard_IsRefused() =>
        Should.Throw<ArgumentException>(() => new RevealCeremony([R(B, 80), R(A, 90)], [R(A, 90), R(B, 80)], NoTieBreaks)).Message.ShouldContain("封榜榜单必须按排名顺序");

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void StepOutsideTheCeremony_Throws(int steps) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new RevealCeremony([R(A, 90), R(B, 80)], [R(A, 90), R(B, 80)], NoTieBreaks).StateAfter(steps));
}
