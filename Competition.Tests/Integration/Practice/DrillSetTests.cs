using Competition.Engine.Accounts;
using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.Practice;
using Competition.Engine.QuestionBank;
using Competition.Tests.Infrastructure;
using static Competition.Tests.Integration.Practice.PracticeKit;

namespace Competition.Tests.Integration.Practice;

/// <summary>Drill sets: a chosen size, the summary, self-assessed short answers, the defaults, and a 错题本 item opened for review.</summary>
public class DrillSetTests(ClockedApps apps) : IClassFixture<ClockedApps>
{
    private static Actor WorkerActor(Guid workerId) => new("w-" + workerId, "w", new HashSet<string> { Roles.Worker }, "maanshan", workerId);

    private static async Task<AnswerPracticeQuestion.Result> AnswerAsync(AppFactory app, Actor who, Guid session, string questionId, bool right)
    {
        var content = (await app.SendAsync(new GetQuestion.Query(questionId, Actor.System))).Content;
        return await app.SendAsync(new AnswerPracticeQuestion.Command(who, session, questionId, right ? RightResponse(content) : WrongResponse(content)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ASetOfTen_EndsAfterTenWithASummary_AndEachShortAnswerIsSelfAssessedOnce_InTheSetAndInProgress(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (_, workerId) = await app.CreateWorkerAsync("maanshan");
        var me = WorkerActor(workerId);
        var session = await app.SendAsync(new StartPractice.Command(me, "lathe-operator", null, PracticeMode.InOrder, null, SetSize: 10));

        int machineRight = 0, shortAnswers = 0;
        string? assessedQuestion = null;
        for (var n = 1; n <= 10; n++)
        {
            var next = (await app.SendAsync(new NextPracticeQuestion.Query(me, session)))!;
            next.Answered.ShouldBe(n - 1);
            next.SetSize.ShouldBe(10);
            var result = await AnswerAsync(app, me, session, next.QuestionId, right: true);
            result.SetComplete.ShouldBe(n == 10);
            if (result.NeedsPerson)
            {
                shortAnswers++;
                var assessed = await app.SendAsync(new AssessShortAnswer.Command(me, session, next.QuestionId, shortAnswers == 1 ? SelfAssessment.Partly : SelfAssessment.Right));
                (assessed.SelfRight + assessed.SelfPartly).ShouldBe(shortAnswers);
                assessedQuestion = next.QuestionId;
            }
            else machineRight++;
        }
        // The set is done: nothing more is served, and a further answer is refused by rule.
        (await app.SendAsync(new NextPracticeQuestion.Query(me, session))).ShouldBeNull();
        var someQuestion = (await QuestionIdsAsync(app, "lathe-operator", SkillLevel.Level1)).Last();
        await Should.ThrowAsync<RuleViolationException>(() => AnswerAsync(app, me, session, someQuestion, right: true));

        var summary = await app.SendAsync(new GetPracticeSummary.Query(me, session));
        summary.Answered.ShouldBe(10);
        summary.Correct.ShouldBe(machineRight);
        summary.Wrong.ShouldBe(0);
        (summary.SelfRight + summary.SelfPartly).ShouldBe(shortAnswers);
        summary.Unassessed.ShouldBe(0);

        // The same answer is not assessed twice; a machine-marked question not at all.
        if (assessedQuestion is not null)
            await Should.ThrowAsync<RuleViolationException>(() => app.SendAsync(new AssessShortAnswer.Command(me, session, assessedQuestion, SelfAssessment.Wrong)));
        var progress = (await app.SendAsync(new GetPracticeProgress.Query(me))).Single();
        progress.SelfAssessed.ShouldBe(shortAnswers);
        progress.SelfPartly.ShouldBe(shortAnswers > 0 ? 1 : 0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AWrongAnswer_OpensForReviewWithTheWorkersAnswerTheKeyAndTheExplanation_OnlyForThatWorker(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (_, workerId) = await app.CreateWorkerAsync("maanshan");
        var (_, otherId) = await app.CreateWorkerAsync("maanshan");
        var me = WorkerActor(workerId);
        var single = (await QuestionIdsAsync(app, "lathe-operator", SkillLevel.Level4))
            .First(id => app.SendAsync(new GetQuestion.Query(id, Actor.System)).Result.Content.Type == QuestionType.Single);
        var content = (await app.SendAsync(new GetQuestion.Query(single, Actor.System))).Content;
        var session = await app.SendAsync(new StartPractice.Command(me, "lathe-operator", SkillLevel.Level4, PracticeMode.InOrder, null, SetSize: 20));
        (await AnswerAsync(app, me, session, single, right: false)).WentIntoWrongBook.ShouldBeTrue();

        var item = await app.SendAsync(new GetWrongBookItem.Query(me, single));
        item.LastAnswer.ShouldBe(WrongResponse(content));
        item.Key.ShouldBe(content.AnswerDisplay);
        item.ExplanationHtml.ShouldContain(content.Explanation[..6]);
        item.Options.Single(o => o.Chosen).Key.ShouldBe(WrongResponse(content));
        item.Options.Single(o => o.IsKey).Key.ShouldBe(content.Answer[0]);
        await Should.ThrowAsync<NotFoundException>(() => app.SendAsync(new GetWrongBookItem.Query(WorkerActor(otherId), single)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheDrillForm_StartsWithTheProfilesTradeAndLevel_ElseTheLastDrillsTradeAndItsSetSize(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (_, withProfile) = await app.CreateWorkerAsync("maanshan");
        var profiled = await app.SendAsync(new GetDrillDefaults.Query(WorkerActor(withProfile)));
        (profiled.TradeCode, profiled.Level, profiled.SetSize).ShouldBe(("lathe-operator", SkillLevel.Level4, DrillSets.Default));

        var (_, without) = await app.CreateWorkerAsync("maanshan", trade: null);
        var me = WorkerActor(without);
        (await app.SendAsync(new GetDrillDefaults.Query(me))).TradeCode.ShouldBeNull();
        await app.SendAsync(new StartPractice.Command(me, "fitter", SkillLevel.Level3, PracticeMode.Random, null, SetSize: 50));
        var remembered = await app.SendAsync(new GetDrillDefaults.Query(me));
        (remembered.TradeCode, remembered.SetSize).ShouldBe(("fitter", 50));

        await Should.ThrowAsync<ValidationException>(() => app.SendAsync(new StartPractice.Command(me, "fitter", null, PracticeMode.Random, null, SetSize: 7)));
    }
}
