using Competition.Engine.Rankings;

namespace Competition.Web.Pages.Rankings;

/// <summary>The award rule as the organizer types it: shares in percent (10 means 10 %), counts, rounding, minimum, 优胜奖.</summary>
public sealed class RuleForm
{
    public AwardBasis Basis { get; set; } = AwardBasis.Ratio;
    public decimal FirstPercent { get; set; }
    public decimal SecondPercent { get; set; }
    public decimal ThirdPercent { get; set; }
    public int FirstCount { get; set; }
    public int SecondCount { get; set; }
    public int ThirdCount { get; set; }
    public FractionRounding Rounding { get; set; } = FractionRounding.HalfUp;
    public double? MinimumTotal { get; set; }
    public bool HonorableMention { get; set; }
    public decimal HonorablePercent { get; set; } = 50;

    public static RuleForm From(AwardRule r) => new()
    {
        Basis = r.Basis, FirstPercent = r.FirstShare * 100, SecondPercent = r.SecondShare * 100, ThirdPercent = r.ThirdShare * 100,
        FirstCount = r.FirstCount, SecondCount = r.SecondCount, ThirdCount = r.ThirdCount, Rounding = r.Rounding,
        MinimumTotal = r.MinimumTotal, HonorableMention = r.HonorableMention, HonorablePercent = r.HonorableShare * 100,
    };

    public AwardRule ToRule() => new()
    {
        Basis = Basis, FirstShare = FirstPercent / 100, SecondShare = SecondPercent / 100, ThirdShare = ThirdPercent / 100,
        FirstCount = FirstCount, SecondCount = SecondCount, ThirdCount = ThirdCount, Rounding = Rounding,
        MinimumTotal = MinimumTotal, HonorableMention = HonorableMention, HonorableShare = HonorablePercent / 100,
    };
}
