using System.Net.Http.Json;
using Competition.Engine.Accounts;
using Competition.Engine.Common;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using Competition.Engine.Rankings;
using Competition.Tests.Infrastructure;
using Competition.Tests.Integration.Contests;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Competition.Tests.Integration.Rankings;

/// <summary>
/// Issue 9's publishing path on both databases: a finalized contest → awards with a tie → both signatures → 公示 → an
/// objection → a correction as version 2 that supersedes version 1 → answered → final. Time is the fake clock's.
/// </summary>
public class ResultPublicationTests
{
    internal static async Task<Actor> ActorAsync(AppFactory app, string userName, string role, string? city)
    {
        using var scope = app.Services.CreateScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!;
        return new Actor(user.Id, userName, new HashSet<string> { role }, city);
    }

    private static readonly Actor Anyone = new("", "", new HashSet<string>(), null);

    internal static async Task FinalizeAsync(AppFactory app, ContestScenario s)
    {
        await s.TickAsync();
        await s.MarkFullyAsync("A001", met: true, measured: 20.00, 2, 2, 2);
        await s.MarkFullyAsync("A002", met: true, measured: 20.00, 2, 2, 2);   // the same figures as A001: a shared second place
        await s.MarkFullyAsync("A003", met: true, measured: 20.01, 3, 3, 3);
        (await s.MoveToAsync(ContestPhase.Ended)).EnsureSuccessStatusCode();
        var chief = await app.SignedInClientAsync(s.Chief);
        foreach (var id in s.Contestants.Values)
            (await chief.PostAsJsonAsync("/api/marks/signoff", new { contestantId = id, taskId = s.TaskId })).EnsureSuccessStatusCode();
        (await s.MoveToAsync(ContestPhase.Finalized)).EnsureSuccessStatusCode();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FinalizedContest_DraftSignNoticeObjectCorrectFinal_EachVersionImmutableAndHashed(DatabaseProvider provider)
    {
        // A Tuesday 10:00 in Beijing, ahead of the real time so that sign-in cookies stay valid for the test's clients.
        var today = DateTime.UtcNow.Date.AddDays(2);
        var tuesday = today.AddDays(((int)DayOfWeek.Tuesday - (int)today.DayOfWeek + 7) % 7);
        var clock = new FakeClock(new DateTimeOffset(tuesday.AddHours(2), TimeSpan.Zero));
        await using var app = await AppFactory.StartAsync(provider, AppFactory.ClockDrivenByTest(), clock);
        var s = await ContestScenario.CreateAsync(app, clock.GetUtcNow().UtcDateTime);
        var organizer = await ActorAsync(app, await app.CreateStaffAsync(Roles.Organizer, "maanshan"), Roles.Organizer, "maanshan");
        var stranger = await ActorAsync(app, await app.CreateStaffAsync(Roles.Organizer, "hefei"), Roles.Organizer, "hefei");
        var chief = await ActorAsync(app, s.Chief, Roles.ChiefJudge, "maanshan");
        var rule = AwardRule.ByCount(1, 1, 1);

        // Not before every mark is in and signed.
        (await Should.ThrowAsync<RuleViolationException>(() => app.SendAsync(new DraftResults.Command(s.ContestId, rule, null, organizer))))
            .Message.ShouldContain("定稿后才能生成成绩");
        await FinalizeAsync(app, s);

        var v1 = await app.SendAsync(new DraftResults.Command(s.ContestId, rule, null, organizer));
        v1.Number.ShouldBe(1);
        var staffView = await app.SendAsync(new GetResults.Query(s.ContestId, organizer));
        var lines = staffView.DraftContent!.Groups.Single().Lines;
        lines.Select(l => (l.Number, l.Rank, l.Award)).ShouldBe([("A003", (int?)1, Award.First), ("A001", 2, Award.Second), ("A002", 2, Award.Second)]);
        staffView.DraftContent.Groups.Single().Statements.ShouldContain(x => x.Contains("并列第 2 名共 2 人"));
        // Drafts are for the contest's staff: the public and another city's organizer see nothing yet.
        (await app.SendAsync(new GetResults.Query(s.ContestId, Anyone))).Current.ShouldBeNull();
        (await app.SendAsync(new GetResults.Query(s.ContestId, Anyone))).Draft.ShouldBeNull();
        (await app.SendAsync(new GetResults.Query(s.ContestId, stranger))).Draft.ShouldBeNull();

        // Both signatures before 公示, each on the figures it saw.
        (await Should.ThrowAsync<RuleViolationException>(() => app.SendAsync(new StartPublicNotice.Command(v1.VersionId, 5, organizer))))
            .Message.ShouldContain("裁判长未签");
        (await Should.ThrowAsync<RuleViolationException>(() => app.SendAsync(new SignResults.Command(v1.VersionId, new string('0', 64), SignResults.As.ChiefJudge, chief))))
            .Message.ShouldContain("已重新生成");
        await app.SendAsync(new SignResults.Command(v1.VersionId, v1.ContentHash, SignResults.As.ChiefJudge, chief));
        await Should.ThrowAsync<ForbiddenException>(() => app.SendAsync(new SignResults.Command(v1.VersionId, v1.ContentHash, SignResults.As.Organizer, stranger)));
        await Should.ThrowAsync<ForbiddenException>(() => app.SendAsync(new SignResults.Command(v1.VersionId, v1.ContentHash, SignResults.As.ChiefJudge, organizer)));
        await app.SendAsync(new SignResults.Command(v1.VersionId, v1.ContentHash, SignResults.As.Organizer, organizer));
        await Should.ThrowAsync<ForbiddenException>(() => app.SendAsync(new StartPublicNotice.Command(v1.VersionId, 5, stranger)));
        var notice = await app.SendAsync(new StartPublicNotice.Command(v1.VersionId, 5, organizer));
        // A Tuesday + 5 working days = the next Tuesday, until 24:00 Beijing time.
        notice.NoticeEndsAtUtc.ShouldBe(DateTime.SpecifyKind(tuesday.AddDays(7).AddHours(16), DateTimeKind.Utc));

        var publicView = await app.SendAsync(new GetResults.Query(s.ContestId, Anyone));
        publicView.Current!.Number.ShouldBe(1);
        publicView.Current.ContentHash.ShouldBe(v1.ContentHash);
        publicView.Current.ChiefJudgeSignature.ShouldNotBeNull();
        await using (var db = app.Database.NewContext())
        {
            var stored = db.ResultVersions.Single(v => v.Id == v1.VersionId);
            ResultsContent.Hash(stored.ContentJson).ShouldBe(stored.ContentHash);   // the hash is of what is stored
        }

        // An objection during 公示, by anyone, with a name and a reason; its contact is never public.
        await Should.ThrowAsync<ValidationException>(() => app.SendAsync(new FileObjection.Command(v1.VersionId, "", null, "分数有误")));
        var objection = await app.SendAsync(new FileObjection.Command(v1.VersionId, "李四", "13900000000", "我的测量值应为 20.01，请复核录像"));
        (await app.SendAsync(new GetResults.Query(s.ContestId, Anyone))).Objections.Single().Contact.ShouldBeNull();
        (await app.SendAsync(new GetResults.Query(s.ContestId, organizer))).Objections.Single().Contact.ShouldBe("13900000000");
        (await Should.ThrowAsync<RuleViolationException>(() => app.SendAsync(new FinalizeResults.Command(v1.VersionId, organizer))))
            .Message.ShouldContain("之后才能定稿");

        // A correction: a new version with its reason; version 1 is never edited and stays current until version 2's 公示.
        (await Should.ThrowAsync<ValidationException>(() => app.SendAsync(new DraftResults.Command(s.ContestId, AwardRule.ByCount(1, 2, 0), null, organizer))))
            .Errors.ShouldContain(e => e.Message.Contains("更正需写明原因"));
        var v2 = await app.SendAsync(new DraftResults.Command(s.ContestId, AwardRule.ByCount(1, 2, 0), "按异议复核，调整二等奖名额", organizer));
        v2.Number.ShouldBe(2);
        v2.Correction.ShouldBeTrue();
        (await app.SendAsync(new GetResults.Query(s.ContestId, Anyone))).Current!.Number.ShouldBe(1);
        await app.SendAsync(new AnswerObjection.Command(objection, "已复核录像，测量值为 20.00，维持原成绩；奖项名额按更正版本调整。", organizer));
        await Should.ThrowAsync<RuleViolationException>(() => app.SendAsync(new AnswerObjection.Command(objection, "改答复内容试试", organizer)));
        await app.SendAsync(new SignResults.Command(v2.VersionId, v2.ContentHash, SignResults.As.ChiefJudge, chief));
        await app.SendAsync(new SignResults.Command(v2.VersionId, v2.ContentHash, SignResults.As.Organizer, organizer));
        await app.SendAsync(new StartPublicNotice.Command(v2.VersionId, 5, organizer));

        var afterCorrection = await app.SendAsync(new GetResults.Query(s.ContestId, Anyone));
        afterCorrection.Current!.Number.ShouldBe(2);
        afterCorrection.Current.CorrectionReason.ShouldBe("按异议复核，调整二等奖名额");
        afterCorrection.History.Select(h => (h.Number, h.State)).ShouldBe([(2, ResultState.Notice), (1, ResultState.Superseded)]);
        afterCorrection.History.Single(h => h.Number == 1).ContentHash.ShouldBe(v1.ContentHash);
        (await Should.ThrowAsync<RuleViolationException>(() => app.SendAsync(new FileObjection.Command(v1.VersionId, "王五", null, "对第 1 版有异议"))))
            .Message.ShouldContain("不在公示期");

        // After the period: an unanswered objection holds the final; answered, the version is final.
        var late = await app.SendAsync(new FileObjection.Command(v2.VersionId, "王五", null, "请公布评判分的明细"));
        clock.Advance(TimeSpan.FromDays(8));
        (await Should.ThrowAsync<RuleViolationException>(() => app.SendAsync(new FileObjection.Command(v2.VersionId, "赵六", null, "期满后的异议"))))
            .Message.ShouldContain("公示期已结束");
        (await Should.ThrowAsync<RuleViolationException>(() => app.SendAsync(new FinalizeResults.Command(v2.VersionId, organizer))))
            .Message.ShouldContain("1 条异议未答复");
        await app.SendAsync(new AnswerObjection.Command(late, "评判分明细已在成绩页逐项公布。", organizer));
        await app.SendAsync(new FinalizeResults.Command(v2.VersionId, organizer));
        (await app.SendAsync(new GetResults.Query(s.ContestId, Anyone))).Current!.State.ShouldBe(ResultState.Final);
    }
}
