using Competition.Engine.Common;

namespace Competition.Tests.Unit.Common;

public class BoundedCacheTests
{
    [Fact]
    public void PastItsCapacity_TheLeastRecentlyUsedEntryGoes()
    {
        var cache = new BoundedCache<int, string>(2);
        cache.Set(1, "a");
        cache.Set(2, "b");
        cache.TryGet(1, out _).ShouldBeTrue();  // 1 is now more recent than 2
        cache.Set(3, "c");
        cache.Count.ShouldBe(2);
        cache.Contains(2).ShouldBeFalse();
        cache.TryGet(1, out var one).ShouldBeTrue();
        one.ShouldBe("a");
        cache.Contains(3).ShouldBeTrue();
    }

    [Fact]
    public void SettingAgain_Replaces_AndRemove_Forgets()
    {
        var cache = new BoundedCache<string, int>(3);
        cache.Set("x", 1);
        cache.Set("x", 2);
        cache.Count.ShouldBe(1);
        cache.TryGet("x", out var v).ShouldBeTrue();
        v.ShouldBe(2);
        cache.Remove("x");
        cache.TryGet("x", out _).ShouldBeFalse();
    }

    [Fact]
    public void ManyThreads_NeverGrowItPastItsCapacity()
    {
        var cache = new BoundedCache<int, int>(100);
        Parallel.For(0, 10_000, i => { cache.Set(i % 500, i); cache.TryGet((i * 7) % 500, out _); });
        cache.Count.ShouldBe(100);
    }
}
