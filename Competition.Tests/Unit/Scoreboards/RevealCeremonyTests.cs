using Competition.Engine.Scoreboards;

namespace Competition.Tests.Unit.Scoreboards;

public class RevealCeremonyTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid();

    private static readonly BoardRow[] Frozen = [new(A, 90), new(B, 80), new(C, 70), new(D, 60)];
    private static readonly BoardRow[] Final = [new(D, 95), new(A, 90), new(B, 85), new(C, 75)];

    [Fact]
    public void StepZero_IsTheFrozenBoard_AndTheLastStepTheFinalStandings()
    {
        var ceremony = new RevealCeremony(Frozen, Final);
        ceremony.StepCount.ShouldBe(4);
        ceremony.StateAfter(0).ShouldBe(Frozen);
        ceremony.StateAfter(ceremony.StepCount).ShouldBe(Final);
    }

    [Fact]
    public void Reveals_GoFromTheBottomOfTheFrozenBoardUp()
    {
        var ceremony = new RevealCeremony(Frozen, Final);
        Enumerable.Range(1, 4).Select(ceremony.RevealedAt).ShouldBe([D, C, B, A]);
        // D, last when frozen, is revealed first and jumps to the top; the others still show frozen totals.
        ceremony.StateAfter(1).ShouldBe([new(D, 95), new(A, 90), new(B, 80), new(C, 70)]);
        ceremony.StateAfter(2).ShouldBe([new(D, 95), new(A, 90), new(B, 80), new(C, 75)]);
        ceremony.StateAfter(3).ShouldBe([new(D, 95), new(A, 90), new(B, 85), new(C, 75)]);
    }

    [Fact]
    public void RevealedRow_OvertakesOnlyWithAStrictlyHigherTotal_AndFinalTieOrderWinsAtTheEnd()
    {
        // B catches up with A; the final standings put B first on a tie-break.
        var ceremony = new RevealCeremony([new(A, 80), new(B, 70)], [new(B, 80), new(A, 80)]);
        ceremony.StateAfter(1).ShouldBe([new(A, 80), new(B, 80)]);
        ceremony.StateAfter(2).ShouldBe([new(B, 80), new(A, 80)]);
    }

    [Fact]
    public void RandomBoards_EndInTheFinalStandings_ChangingOneTotalPerStep()
    {
        var random = new Random(20260520);
        for (var trial = 0; trial < 200; trial++)
        {
            var ids = Enumerable.Range(0, random.Next(1, 12)).Select(_ => Guid.NewGuid()).ToList();
            var frozen = ids.Select(id => new BoardRow(id, random.Next(0, 6) * 10)).OrderByDescending(r => r.Total).ToList();
            var final = frozen.Select(r => r with { Total = r.Total + random.Next(-1, 4) * 10 }).OrderByDescending(r => r.Total).ToList();
            var ceremony = new RevealCeremony(frozen, final);
            for (var k = 1; k <= ceremony.StepCount; k++)
            {
                var before = ceremony.StateAfter(k - 1).ToDictionary(r => r.ContestantId, r => r.Total);
                var after = ceremony.StateAfter(k);
                after.Select(r => r.Total).ShouldBe(after.Select(r => r.Total).OrderDescending());
                after.Where(r => r.Total != before[r.ContestantId]).ShouldAllBe(r => r.ContestantId == ceremony.RevealedAt(k));
            }
            ceremony.StateAfter(ceremony.StepCount).ShouldBe(final);
        }
    }

    [Fact]
    public void DifferentContestants_AreRefused() =>
        Should.Throw<ArgumentException>(() => new RevealCeremony([new(A, 90), new(B, 80)], [new(A, 90), new(C, 80)])).Message.ShouldContain("选手必须一致");

    [Fact]
    public void UnorderedBoard_IsRefused() =>
        Should.Throw<ArgumentException>(() => new RevealCeremony([new(B, 80), new(A, 90)], [new(A, 90), new(B, 80)])).Message.ShouldContain("封榜榜单必须按总分从高到低排列");

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void StepOutsideTheCeremony_Throws(int steps) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new RevealCeremony([new(A, 90), new(B, 80)], [new(A, 90), new(B, 80)]).StateAfter(steps));
}
