using Competition.Engine.Judging;

namespace Competition.Tests.Unit.Judging;

public class RankingTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid();

    private static RankingRow Row(Guid id, double total, double practical = 0, double theory = 0, int? minutes = null) =>
        new(id, total, practical, theory, minutes is { } m ? TimeSpan.FromMinutes(m) : null);

    private static Guid[] Order(IReadOnlyList<RankedRow> ranked) => ranked.Select(r => r.ContestantId).ToArray();

    [Fact]
    public void HigherTotal_RanksFirst_WhateverTheInputOrder()
    {
        var ranked = Ranking.Rank([Row(A, 70), Row(B, 90), Row(C, 80)], []);
        Order(ranked).ShouldBe([B, C, A]);
        ranked.Select(r => r.Rank).ShouldBe([1, 2, 3]);
        ranked.ShouldAllBe(r => !r.SharedRank);
    }

    [Fact]
    public void TieBreaks_AreAppliedInTheGivenOrder()
    {
        // Equal totals; A has the better practical, B the better theory.
        RankingRow[] rows = [Row(A, 90, practical: 60, theory: 30), Row(B, 90, practical: 55, theory: 35)];
        Order(Ranking.Rank(rows, [TieBreak.HigherPractical, TieBreak.HigherTheory])).ShouldBe([A, B]);
        Order(Ranking.Rank(rows, [TieBreak.HigherTheory, TieBreak.HigherPractical])).ShouldBe([B, A]);
        Ranking.Rank(rows, [TieBreak.HigherTheory]).Select(r => r.Rank).ShouldBe([1, 2]);
    }

    [Fact]
    public void LaterTieBreak_DecidesOnlyWhenEarlierOnesTie()
    {
        RankingRow[] rows = [Row(A, 90, practical: 60, minutes: 50), Row(B, 90, practical: 60, minutes: 40), Row(C, 90, practical: 61, minutes: 90)];
        Order(Ranking.Rank(rows, [TieBreak.HigherPractical, TieBreak.LessTimeUsed])).ShouldBe([C, B, A]);
    }

    [Fact]
    public void LessTimeUsed_PutsUnrecordedTimeLast()
    {
        RankingRow[] rows = [Row(A, 90), Row(B, 90, minutes: 55), Row(C, 90, minutes: 45)];
        var ranked = Ranking.Rank(rows, [TieBreak.LessTimeUsed]);
        Order(ranked).ShouldBe([C, B, A]);
        ranked.Select(r => r.Rank).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public void StillTied_ShareTheRankAndTheNextRankIsSkipped()
    {
        var ranked = Ranking.Rank([Row(A, 90, 60), Row(B, 90, 60), Row(C, 80, 60), Row(D, 90, 50)], [TieBreak.HigherPractical]);
        Order(ranked).ShouldBe([A, B, D, C]);
        ranked.Select(r => r.Rank).ShouldBe([1, 1, 3, 4]);
        ranked.Select(r => r.SharedRank).ShouldBe([true, true, false, false]);
    }

    [Fact]
    public void TotalsEqualToTwoDecimals_AreTied() =>
        Ranking.Rank([Row(A, 0.1 + 0.2), Row(B, 0.3)], []).Select(r => r.Rank).ShouldBe([1, 1]);

    [Fact]
    public void DuplicateContestant_IsRefused() =>
        Should.Throw<ArgumentException>(() => Ranking.Rank([Row(A, 90), Row(A, 80)], [])).Message.ShouldContain("重复");

    [Fact]
    public void Movement_IsPreviousRankMinusNewRank_ForContestantsOnBothBoards()
    {
        var before = Ranking.Rank([Row(A, 90), Row(B, 80), Row(C, 70)], []);
        var after = Ranking.Rank([Row(A, 90), Row(B, 95), Row(C, 70), Row(D, 99)], []);
        var moves = Ranking.Movement(before, after);
        moves[B].ShouldBe(0);  // 2 → 2: overtook A but D came in above
        moves[A].ShouldBe(-2); // 1 → 3
        moves[C].ShouldBe(-1); // 3 → 4
        moves.ContainsKey(D).ShouldBeFalse();
    }

    [Fact]
    public void Movement_IsPositiveForMovingUp()
    {
        var before = Ranking.Rank([Row(A, 90), Row(B, 80), Row(C, 70)], []);
        var after = Ranking.Rank([Row(A, 90), Row(B, 80), Row(C, 95)], []);
        Ranking.Movement(before, after).ShouldBe(new Dictionary<Guid, int> { [C] = 2, [A] = -1, [B] = -1 }, ignoreOrder: true);
    }
}
