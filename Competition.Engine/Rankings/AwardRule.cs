using System.Globalization;
using Competition.Engine.Judging;

namespace Competition.Engine.Rankings;

/// <summary>The awards a union gives for a contest, best first. <see cref="Honorable"/> (优胜奖) is optional.</summary>
public enum Award { None = 0, First = 1, Second = 2, Third = 3, Honorable = 4 }

public enum AwardBasis
{
    Ratio = 1,      // a share of those who finished, e.g. 10 % / 20 % / 30 %
    FixedCount = 2, // e.g. 一等奖 1 名, 二等奖 3 名, 三等奖 6 名
}

/// <summary>How a share of finishers that is not a whole number becomes a number of places.</summary>
public enum FractionRounding
{
    Floor = 1,  // 向下取整: never more awards than the share
    HalfUp = 2, // 四舍五入: .5 goes up, as figures are rounded by hand
    Ceiling = 3, // 向上取整: never fewer awards than the share
}

public static class Awards
{
    public static readonly IReadOnlyList<Award> Graded = [Award.First, Award.Second, Award.Third];

    public static string Name(this Award award) => award switch
    {
        Award.First => "一等奖", Award.Second => "二等奖", Award.Third => "三等奖", Award.Honorable => "优胜奖",
        _ => "未获奖",
    };

    public static string Name(this FractionRounding rounding) => rounding switch
    {
        FractionRounding.Floor => "向下取整", FractionRounding.Ceiling => "向上取整", _ => "四舍五入",
    };

    internal static int Apply(this FractionRounding rounding, decimal value) => (int)(rounding switch
    {
        FractionRounding.Floor => Math.Floor(value),
        FractionRounding.Ceiling => Math.Ceiling(value),
        _ => Math.Round(value, 0, MidpointRounding.AwayFromZero),
    });

    internal static string Percent(decimal share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}

/// <summary>
/// The organizer's award settings for one contest or group. Ratios are decimals so 10 % of 30 is exactly 3, not
/// 2.9999…, which a floor would turn into 2.
/// </summary>
/// <remarks>
/// Each graded award's quota is its own share rounded on its own (一等奖 10 % × 15 = 1.5 → 2), because that is the
/// figure organizers read off their rule and check on the page. The quotas are then laid end to end as places:
/// 一等奖 takes places 1–2, 二等奖 the next 3, and so on. Ties at a boundary move the boundary, never the later ones:
/// this is DOMjudge's medal rule (all teams sharing the last gold place get gold and fewer silvers remain), so
/// a tie never increases the number of awards except below the last award.
/// </remarks>
public sealed record AwardRule
{
    public AwardBasis Basis { get; init; } = AwardBasis.Ratio;

    /// <summary>Shares of finishers for 一/二/三等奖 (each its own share, not cumulative). Used with <see cref="AwardBasis.Ratio"/>.</summary>
    public decimal FirstShare { get; init; } = 0.10m;
    public decimal SecondShare { get; init; } = 0.20m;
    public decimal ThirdShare { get; init; } = 0.30m;

    /// <summary>Places for 一/二/三等奖. Used with <see cref="AwardBasis.FixedCount"/>.</summary>
    public int FirstCount { get; init; }
    public int SecondCount { get; init; }
    public int ThirdCount { get; init; }

    public FractionRounding Rounding { get; init; } = FractionRounding.HalfUp;

    /// <summary>No award of any kind (优胜奖 included) below this total; null means no minimum.</summary>
    public double? MinimumTotal { get; init; }

    /// <summary>
    /// 优胜奖 for finishers in the top <see cref="HonorableShare"/> of the field who got no 一/二/三等奖. Off by default
    /// because the default 10/20/30 % already award 60 %, more than the top half.
    /// </summary>
    public bool HonorableMention { get; init; }
    public decimal HonorableShare { get; init; } = 0.50m;

    /// <summary>一等奖 10 %, 二等奖 20 %, 三等奖 30 % of finishers, rounded half up.</summary>
    public static AwardRule Default { get; } = new();

    public static AwardRule ByRatio(decimal first, decimal second, decimal third, FractionRounding rounding = FractionRounding.HalfUp) =>
        new() { FirstShare = first, SecondShare = second, ThirdShare = third, Rounding = rounding };

    public static AwardRule ByCount(int first, int second, int third) =>
        new() { Basis = AwardBasis.FixedCount, FirstCount = first, SecondCount = second, ThirdCount = third };

    /// <summary>The rule in one sentence for the results page, e.g. "一等奖 10%、二等奖 20%、三等奖 30%（按参评人数，四舍五入）；…".</summary>
    public string Describe()
    {
        var graded = Basis == AwardBasis.Ratio
            ? $"一等奖 {Awards.Percent(FirstShare)}、二等奖 {Awards.Percent(SecondShare)}、三等奖 {Awards.Percent(ThirdShare)}（按参评人数，{Rounding.Name()}）"
            : $"一等奖 {FirstCount} 名、二等奖 {SecondCount} 名、三等奖 {ThirdCount} 名";
        var parts = new List<string> { graded };
        if (HonorableMention) parts.Add($"前 {Awards.Percent(HonorableShare)}（{Rounding.Name()}）中其余参评者获优胜奖");
        if (MinimumTotal is { } minimum) parts.Add($"总分低于 {Figures.Points(minimum)} 分者不授奖");
        parts.Add("名次并列跨越奖项分界时，并列者均获较高奖项，下一奖项名额相应减少");
        parts.Add("取消资格、缺考、未完赛者不参加评奖");
        return string.Join("；", parts) + "。";
    }

    /// <summary>What is wrong with the settings, in Chinese, one line per problem; empty when they can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Basis == AwardBasis.Ratio)
        {
            foreach (var (award, share) in new[] { (Award.First, FirstShare), (Award.Second, SecondShare), (Award.Third, ThirdShare) })
                if (share is < 0 or > 1) problems.Add($"{award.Name()}比例须在 0% 到 100% 之间，现为 {Awards.Percent(share)}。");
            if (FirstShare + SecondShare + ThirdShare > 1)
                problems.Add($"一、二、三等奖比例合计不能超过 100%，现为 {Awards.Percent(FirstShare + SecondShare + ThirdShare)}。");
        }
        else
        {
            foreach (var (award, count) in new[] { (Award.First, FirstCount), (Award.Second, SecondCount), (Award.Third, ThirdCount) })
                if (count < 0) problems.Add($"{award.Name()}名额不能为负数，现为 {count}。");
        }
        if (MinimumTotal is < 0) problems.Add($"获奖最低分不能为负数，现为 {Figures.Points(MinimumTotal.Value)}。");
        if (HonorableMention && HonorableShare is < 0 or > 1)
            problems.Add($"优胜奖范围须在 0% 到 100% 之间，现为 {Awards.Percent(HonorableShare)}。");
        return problems;
    }

    /// <summary>The quota of a graded award for a field of <paramref name="finishers"/>, and how it was worked out.</summary>
    public (int Places, string Derivation) Quota(Award award, int finishers, string counter = "人")
    {
        if (Basis == AwardBasis.FixedCount)
        {
            var count = award switch { Award.First => FirstCount, Award.Second => SecondCount, Award.Third => ThirdCount, _ => 0 };
            return (count, $"{award.Name()}设定 {count} 名");
        }
        var share = award switch { Award.First => FirstShare, Award.Second => SecondShare, Award.Third => ThirdShare, _ => 0 };
        return Share(award.Name(), share, finishers, counter);
    }

    /// <summary>How far down the field 优胜奖 reaches (places counted from the top, 一/二/三等奖 included).</summary>
    public (int Places, string Derivation) HonorableReach(int finishers, string counter = "人") =>
        Share("优胜奖范围", HonorableShare, finishers, counter);

    private (int, string) Share(string what, decimal share, int finishers, string counter)
    {
        var exact = share * finishers;
        var places = Rounding.Apply(exact);
        var figure = exact.ToString("0.####", CultureInfo.InvariantCulture);
        return exact == places
            ? (places, $"{what} {Awards.Percent(share)} × {finishers} {counter} = {places} 名")
            : (places, $"{what} {Awards.Percent(share)} × {finishers} {counter} = {figure}，{Rounding.Name()}为 {places} 名");
    }
}
