using Competition.Engine.Exams;

namespace Competition.Tests.Unit.Exams;

public class ExamStatisticsTests
{
    private static ScoredAttempt A(params double[] scores) => new(Guid.NewGuid(), scores);

    // Ten attempts, four items: Q1 (10 points, graded by a person) spreads the totals; Q2 separates strong from weak;
    // Q3 is answered right mostly by the weak (a wrong key); Q4 everyone gets right.
    // Totals 12, 11, 11, 9, 9, 7, 6, 5, 4, 3; Kelley groups hold round(0.27 × 10) = 3 attempts each:
    // upper = totals 12, 11, 11 (rows 1–3), lower = totals 5, 4, 3 (rows 8–10); neither boundary is a tie.
    private static readonly double[] MaxPoints = [10, 1, 1, 1];
    private static readonly string[] Ids = ["Q1", "Q2", "Q3", "Q4"];
    private static readonly ScoredAttempt[] TenAttempts =
    [
        A(6, 1, 1, 1), A(10, 1, 0, 1), A(1, 0, 1, 1), A(9, 1, 0, 1), A(8, 1, 1, 1), // shuffled: order must not matter
        A(7, 1, 0, 1), A(5, 0, 1, 1), A(4, 1, 0, 1), A(3, 0, 1, 1), A(2, 0, 1, 1),
    ];

    private static ExamStatisticsResult Ten() => ExamStatistics.Compute(MaxPoints, TenAttempts, Ids, maxScore: 13);
    private static ItemStatistics Item(string id) => Ten().Items.Single(i => i.ItemId == id);

    [Fact]
    public void TenAttempts_FacilityIsMeanScoreOverMaxPoints()
    {
        Item("Q1").Facility!.Value.ShouldBe(0.55, 1e-9); // (10+9+…+1) / 10 attempts / 10 points
        Item("Q2").Facility!.Value.ShouldBe(0.6, 1e-9);  // 6 of 10 right
        Item("Q4").Facility!.Value.ShouldBe(1.0, 1e-9);
    }

    [Fact]
    public void TenAttempts_DiscriminationIsUpperMinusLowerFacility()
    {
        Item("Q1").Discrimination!.Value.ShouldBe(0.7, 1e-9);       // upper (10+9+8)/30 = 0.9, lower (3+2+1)/30 = 0.2
        Item("Q2").Discrimination!.Value.ShouldBe(1.0, 1e-9);       // upper 3/3, lower 0/3
        Item("Q3").Discrimination!.Value.ShouldBe(-2.0 / 3, 1e-9);  // upper 1/3, lower 3/3
        Item("Q4").Discrimination!.Value.ShouldBe(0, 1e-9);
    }

    [Fact]
    public void TenAttempts_DescriptiveFiguresMatchHandComputation()
    {
        var r = Ten();
        r.Count.ShouldBe(10);
        r.Mean!.Value.ShouldBe(7.7, 1e-9);   // 77 / 10
        r.Median!.Value.ShouldBe(8, 1e-9);   // (9 + 7) / 2
        r.Min.ShouldBe(3);
        r.Max.ShouldBe(12);
        r.StandardDeviation!.Value.ShouldBe(Math.Sqrt(9.01), 1e-9); // population: Σ(x−7.7)² = 90.1, / 10
    }

    [Fact]
    public void WrongKeyItem_IsFlaggedForLowDiscriminationAndItemRest()
    {
        var q3 = Item("Q3");
        q3.ItemRestCorrelation!.Value.ShouldBeLessThan(0);
        q3.Flag.ShouldBeTrue();
        q3.FlagReasons.ShouldContain("区分度偏低（-0.67 < 0.20），建议检查题目或答案");
        q3.FlagReasons.ShouldContain(reason => reason.StartsWith("题总相关偏低（-0.60"));
    }

    [Fact]
    public void ItemEveryoneGetsRight_IsFlaggedTooEasyWithoutCorrelation()
    {
        var q4 = Item("Q4");
        q4.ItemRestCorrelation.ShouldBeNull(); // zero variance
        q4.FlagReasons.ShouldContain(reason => reason.StartsWith("过易（得分率 1.00 > 0.95）"));
    }

    [Fact]
    public void GoodItems_AreNotFlagged()
    {
        Item("Q1").ItemRestCorrelation!.Value.ShouldBe(0.2611, 0.0001);
        Item("Q1").Flag.ShouldBeFalse();
        Item("Q2").FlagReasons.ShouldBeEmpty();
    }

    [Fact]
    public void ItemAlmostNobodyGetsRight_IsFlaggedTooHard()
    {
        var attempts = Enumerable.Range(0, 20).Select(j => A(j % 2, j == 0 ? 1 : 0)).ToArray();
        var hard = ExamStatistics.Compute([1, 1], attempts, ["easy", "hard"], 2).Items[1];
        hard.Facility!.Value.ShouldBe(0.05, 1e-9);
        hard.FlagReasons.ShouldContain(reason => reason.StartsWith("过难"));
    }

    // KR-20 worked example (α for 0/1 items): five candidates on a perfect Guttman scale of four items.
    //   rows 1111, 1110, 1100, 1000, 0000 → item p = 0.8, 0.6, 0.4, 0.2
    //   Σ p(1−p) = 0.16 + 0.24 + 0.24 + 0.16 = 0.80; totals 4,3,2,1,0 → mean 2, σ² = (4+1+0+1+4)/5 = 2
    //   α = 4/3 × (1 − 0.80/2) = 4/3 × 0.6 = 0.80
    // With sample variances: Σ = 1.00, σ² = 2.5 → 1 − 0.4, the same 0.80, so the variance choice cannot move α.
    [Fact]
    public void GuttmanScale_CronbachAlphaIsPointEight()
    {
        ScoredAttempt[] rows = [A(1, 1, 1, 1), A(1, 1, 1, 0), A(1, 1, 0, 0), A(1, 0, 0, 0), A(0, 0, 0, 0)];
        ExamStatistics.Compute([1, 1, 1, 1], rows, ["a", "b", "c", "d"], 4).CronbachAlpha!.Value.ShouldBe(0.8, 1e-9);
    }

    [Fact]
    public void ZeroPointItem_HasNullFiguresAndDoesNotCountInAlpha()
    {
        ScoredAttempt[] rows = [A(1, 1, 1, 1, 0), A(1, 1, 1, 0, 0), A(1, 1, 0, 0, 0), A(1, 0, 0, 0, 0), A(0, 0, 0, 0, 0)];
        var r = ExamStatistics.Compute([1, 1, 1, 1, 0], rows, ["a", "b", "c", "d", "survey"], 4);
        r.CronbachAlpha!.Value.ShouldBe(0.8, 1e-9);
        r.Items[4].ShouldSatisfyAllConditions(
            i => i.Facility.ShouldBeNull(), i => i.Discrimination.ShouldBeNull(),
            i => i.ItemRestCorrelation.ShouldBeNull(), i => i.Flag.ShouldBeFalse());
    }

    [Fact]
    public void FiveAttempts_DiscriminationIsNullBecauseGroupsHoldOneEach()
    {
        ScoredAttempt[] rows = [A(1, 1), A(1, 0), A(0, 1), A(1, 1), A(0, 0)]; // round(0.27 × 5) = 1
        ExamStatistics.Compute([1, 1], rows, ["a", "b"], 2).Items.ShouldAllBe(i => i.Discrimination == null && i.Facility != null);
    }

    [Fact]
    public void NoAttempts_GiveEmptyResultWithNulls()
    {
        var r = ExamStatistics.Compute(MaxPoints, [], Ids, 13);
        r.Count.ShouldBe(0);
        new[] { r.Mean, r.Median, r.StandardDeviation, r.Min, r.Max, r.CronbachAlpha }.ShouldAllBe(x => x == null);
        r.Distribution.Count.ShouldBe(10);
        r.Distribution.ShouldAllBe(b => b.Count == 0);
        r.Items.ShouldAllBe(i => i.Facility == null && i.Discrimination == null && i.ItemRestCorrelation == null && !i.Flag);
    }

    [Fact]
    public void AllTotalsEqual_AlphaIsNullNotNaN()
    {
        ScoredAttempt[] rows = [A(1, 0), A(0, 1), A(1, 0), A(0, 1)];
        var r = ExamStatistics.Compute([1, 1], rows, ["a", "b"], 2);
        r.CronbachAlpha.ShouldBeNull();
        r.StandardDeviation.ShouldBe(0);
        r.Items[0].ItemRestCorrelation!.Value.ShouldBe(-1, 1e-9); // rest = 1 − item: still defined, perfectly negative
    }

    [Fact]
    public void Distribution_BinsCoverZeroToMaxAndSumToCount()
    {
        // Totals on bin edges (0, 60, 100), a bonus above the max and a penalty below zero.
        var totals = new double[] { 0, 59.5, 60, 60, 70, 99.9, 100, 104, -2 };
        var r = ExamStatistics.Compute([100], totals.Select(t => A(t)).ToArray(), ["q"], 100);
        r.Distribution.Sum(b => b.Count).ShouldBe(r.Count);
        r.Distribution[6].ShouldBe(new ScoreBin("60–70", 60, 70, 2));
        r.Distribution[0].Count.ShouldBe(2);  // 0 and the penalty
        r.Distribution[5].Count.ShouldBe(1);  // 59.5
        r.Distribution[7].Count.ShouldBe(1);  // 70 starts the next bin
        r.Distribution[9].ShouldBe(new ScoreBin("90–100", 90, 100, 3)); // 99.9, exactly 100, and the bonus
    }

    [Fact]
    public void ScoresOfWrongLength_AreRefusedNamingTheAttempt()
    {
        var bad = A(1);
        Should.Throw<ArgumentException>(() => ExamStatistics.Compute([1, 1], [bad], ["a", "b"], 2)).Message.ShouldContain(bad.AttemptId.ToString());
    }
}
