using Competition.Engine.Accounts;
using Competition.Engine.Common;
using Competition.Engine.Contests;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Competition.Tests.Integration.Contests;

/// <summary>Editing a contest before its start, copying one as a new contest, and removing contestants and judges.</summary>
public class ContestSetupTests
{
    private static readonly Actor Organizer = new("setup-organizer", "setup-organizer", new HashSet<string> { Roles.Organizer }, "maanshan");
    private static readonly Actor OtherCity = new("hefei-organizer", "hefei-organizer", new HashSet<string> { Roles.Organizer }, "hefei");

    private static CreateContest.Command Definition(DateTime start, string title = "马鞍山市车工技能竞赛") =>
        new(title, "fitter", ContestLevel.CityClass1, ["职工组"], start, start.AddHours(4), start.AddHours(5), [TieBreak.HigherPractical],
        [
            new(RoundKind.Practical, "实操一", 60, start, start.AddHours(5), null, 30,
                [new("锉配", "A1", [new("M1", "无毛刺", ItemKind.MeetsOrNot, 10), new("J1", "工艺", ItemKind.Judgement, 20, JudgeCount: 3)])]),
            new(RoundKind.Practical, "实操二", 40, start, start.AddHours(5), null, 20,
                [new("测量", "B1", [new("M2", "尺寸 20±0.05", ItemKind.MeasuredValue, 20, Nominal: 20.00m, Lower: 0.05m, Upper: 0.05m)])]),
        ], Organizer);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateBeforeTheStart_ChangesTheSetup_KeepsTaskIdsAndDropsRemovedRounds(DatabaseProvider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var start = DateTime.UtcNow.AddDays(3);
        var id = await app.SendAsync(Definition(start));
        var draft = (await app.SendAsync(new GetContestSetup.Query(id, Organizer))).Draft!;
        var first = draft.Rounds.Single(r => r.Title == "实操一");
        var task = first.Tasks.Single();
        var changed = draft with
        {
            Title = "马鞍山市钳工技能竞赛（改）",
            StartsAt = start.AddHours(1),
            Rounds = [first with { WeightPercent = 100, MaxScore = 40, Tasks = [task with { Title = "凹凸件锉配", Scheme = [.. task.Scheme, new SchemeItem("M3", "倒角", ItemKind.MeetsOrNot, 10)] }] }],
        };

        await app.SendAsync(new UpdateContest.Command(id, changed));

        await using var db = app.Database.NewContext();
        var contest = await db.Contests.SingleAsync(c => c.Id == id);
        Assert.Equal("马鞍山市钳工技能竞赛（改）", contest.Title);
        Assert.Equal(start.AddHours(1), contest.StartsAt, TimeSpan.FromSeconds(1));
        var round = await db.Rounds.SingleAsync(r => r.ContestId == id);
        Assert.Equal(first.Id, round.Id);
        Assert.Equal(100, round.WeightPercent);
        var saved = await db.PracticalTasks.SingleAsync(t => t.RoundId == round.Id);
        Assert.Equal(task.Id, saved.Id);
        Assert.Equal("凹凸件锉配", saved.Title);
        Assert.Equal(40, saved.MaxScore);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateThatBreaksARule_IsRefused_AndNothingIsHalfSaved(DatabaseProvider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var id = await app.SendAsync(Definition(DateTime.UtcNow.AddDays(3)));
        var draft = (await app.SendAsync(new GetContestSetup.Query(id, Organizer))).Draft!;

        var badWeights = draft with { Title = "改了名字", Rounds = [draft.Rounds[0] with { WeightPercent = 50 }, draft.Rounds[1]] };
        var e = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new UpdateContest.Command(id, badWeights)));
        Assert.Contains(e.Errors, x => x.Message.Contains("各轮权重之和必须为 100%"));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new UpdateContest.Command(id, draft with { Actor = OtherCity })));

        await using var db = app.Database.NewContext();
        Assert.Equal("马鞍山市车工技能竞赛", (await db.Contests.SingleAsync(c => c.Id == id)).Title);
        Assert.Equal(2, await db.Rounds.CountAsync(r => r.ContestId == id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateAfterTheStart_IsRefusedWithTheRule(DatabaseProvider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var id = await app.SendAsync(Definition(DateTime.UtcNow.AddMinutes(-5)));
        var setup = await app.SendAsync(new GetContestSetup.Query(id, Organizer));
        Assert.Contains("不能再修改设置", setup.EditProblem);

        var e = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsync(new UpdateContest.Command(id, setup.Draft! with { Title = "开赛后改名" })));
        Assert.Contains("复制为新竞赛", e.Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CopyOfAPastContest_ShiftsEveryTime_AndLeavesPeopleAndMarksBehind(DatabaseProvider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        await s.MarkFullyAsync("A001", true, 20.01, 2, 2, 3);
        await using var before = app.Database.NewContext();
        var source = await before.Contests.AsNoTracking().SingleAsync(c => c.Id == s.ContestId);
        var newStart = DateTime.UtcNow.Date.AddDays(40).AddHours(1);

        var copyId = await app.SendAsync(new CopyContest.Command(s.ContestId, "2027 年钳工技能竞赛", newStart, Organizer));

        await using var db = app.Database.NewContext();
        var copy = await db.Contests.SingleAsync(c => c.Id == copyId);
        Assert.Equal("2027 年钳工技能竞赛", copy.Title);
        Assert.Equal(ContestPhase.Scheduled, copy.Phase);
        Assert.Equal(newStart, copy.StartsAt, TimeSpan.FromSeconds(1));
        Assert.Equal(source.EndsAt - source.StartsAt, copy.EndsAt - copy.StartsAt);
        Assert.Equal(source.FreezeAt - source.StartsAt, copy.FreezeAt - copy.StartsAt);
        var round = await db.Rounds.SingleAsync(r => r.ContestId == copyId);
        Assert.Equal(60, round.MaxScore);
        var task = await db.PracticalTasks.SingleAsync(t => t.RoundId == round.Id);
        Assert.Equal(3, task.Scheme.Count);
        Assert.NotEqual(s.TaskId, task.Id);
        Assert.Equal(0, await db.Contestants.CountAsync(c => c.ContestId == copyId));
        Assert.Equal(0, await db.JudgeAssignments.CountAsync(a => a.ContestId == copyId));
        Assert.Equal(0, await db.ItemMarks.CountAsync(m => m.ContestId == copyId));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new CopyContest.Command(s.ContestId, "外市复制", newStart, OtherCity)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RemovingAMarkedContestantOrAJudgeWhoMarked_IsRefused_OthersAreRemoved(DatabaseProvider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        (await s.MarkAsync(s.Judges[0], "A001", ("M1", 1))).EnsureSuccessStatusCode();

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsync(new RemoveContestant.Command(s.ContestId, s.Contestants["A001"], Organizer)));
        Assert.Contains("评分开始后不能移除", refused.Message);
        Assert.Equal("A002", await app.SendAsync(new RemoveContestant.Command(s.ContestId, s.Contestants["A002"], Organizer)));

        var people = await app.SendAsync(new GetContestPeople.Query(s.ContestId, Organizer));
        var marked = people.Assignments.Single(a => a.UserName == s.Judges[0]);
        Assert.Equal(1, marked.Marks);
        var judgeRefused = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsync(new UnassignJudge.Command(s.ContestId, marked.Id, Organizer)));
        Assert.Contains("不能再移除", judgeRefused.Message);
        await app.SendAsync(new UnassignJudge.Command(s.ContestId, people.Assignments.Single(a => a.UserName == s.Judges[1]).Id, Organizer));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new RemoveContestant.Command(s.ContestId, s.Contestants["A003"], OtherCity)));

        await using var db = app.Database.NewContext();
        Assert.Equal(["A001", "A003"], await db.Contestants.Where(c => c.ContestId == s.ContestId).OrderBy(c => c.Number).Select(c => c.Number).ToListAsync());
        Assert.Equal(3, await db.JudgeAssignments.CountAsync(a => a.ContestId == s.ContestId));
        Assert.Contains(people.Judges, j => j.UserName == s.Chief && j.Chief);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LinkingAContestantToAWorker_TakesOnlyTheContestantsCity_AndOneContestantPerWorker(DatabaseProvider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        var (_, worker) = await app.CreateWorkerAsync("maanshan");
        var (_, hefeiWorker) = await app.CreateWorkerAsync("hefei");

        await app.SendAsync(new LinkContestantWorker.Command(s.ContestId, s.Contestants["A001"], worker, Organizer));
        var twice = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new LinkContestantWorker.Command(s.ContestId, s.Contestants["A003"], worker, Organizer)));
        Assert.Contains("一名职工只能关联一名选手", twice.Errors.Single().Message);
        // A002 is from Hefei: a Ma'anshan organizer may not see Hefei's workers, so may not link one.
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new LinkContestantWorker.Command(s.ContestId, s.Contestants["A002"], hefeiWorker, Organizer)));

        await using var db = app.Database.NewContext();
        Assert.Equal(worker, (await db.Contestants.SingleAsync(c => c.Id == s.Contestants["A001"])).WorkerId);
        Assert.Null((await db.Contestants.SingleAsync(c => c.Id == s.Contestants["A002"])).WorkerId);
    }
}
