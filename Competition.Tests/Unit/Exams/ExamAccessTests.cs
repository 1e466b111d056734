using Competition.Engine.Accounts;
using Competition.Engine.Common;
using Competition.Engine.Exams;
using Competition.Engine.QuestionBank;

namespace Competition.Tests.Unit.Exams;

public class ExamAccessTests
{
    private static Exam Exam(string city) => new(Guid.NewGuid(), "车工理论", city,
        new Blueprint([new("单选", [new BlueprintCell("lathe-operator", [SkillLevel.Level4], QuestionType.Single, 5, 1, 2, [])])], 1),
        new ExamSettings(30, DateTime.UtcNow, DateTime.UtcNow.AddHours(1), 1, 3, OverdueHandling.AutoSubmit, 0, true, true, ReviewOptions.Score,
            MultipleChoiceScoring.AllOrNothing), "organizer", DateTime.UtcNow);

    private static readonly ExamAccess.Sitter Maanshan = new(Guid.NewGuid(), "maanshan");

    [Fact]
    public void ACitysExam_IsForItsWorkers_AnAdminsExamForEveryone()
    {
        ExamAccess.SitProblem(Maanshan, Exam("maanshan"), [], []).ShouldBeNull();
        ExamAccess.SitProblem(Maanshan, Exam("tongling"), [], [])!.ShouldContain("只对该市职工开放");
        ExamAccess.SitProblem(Maanshan, Exam(ExamAccess.AnyCity), [], []).ShouldBeNull();
        ExamAccess.SitProblem(null, Exam("maanshan"), [], [])!.ShouldContain("职工账号");
    }

    [Fact]
    public void AContestsTheoryExam_IsOnlyForItsContestants_WhateverTheCity()
    {
        var contest = Guid.NewGuid();
        ExamAccess.SitProblem(Maanshan, Exam("maanshan"), [contest], [])!.ShouldContain("只有登记在该竞赛中的选手");
        ExamAccess.SitProblem(Maanshan, Exam("maanshan"), [contest], [Guid.NewGuid()]).ShouldNotBeNull();
        ExamAccess.SitProblem(new ExamAccess.Sitter(Guid.NewGuid(), "hefei"), Exam("maanshan"), [contest], [contest]).ShouldBeNull();
    }

    [Fact]
    public void AttemptsAreReviewedByTheirWorker_AndTheExamsOrganizers()
    {
        var exam = Exam("maanshan");
        var worker = Guid.NewGuid();
        Actor Organizer(string city) => new("o", "o", new HashSet<string> { Roles.Organizer }, city);
        ExamAccess.MayManage(Organizer("maanshan"), exam).ShouldBeTrue();
        ExamAccess.MayManage(Organizer("tongling"), exam).ShouldBeFalse();
        AttemptAccess.IsOwner(new Actor("w", "w", new HashSet<string> { Roles.Worker }, null, worker), worker).ShouldBeTrue();
        AttemptAccess.IsOwner(new Actor("w", "w", new HashSet<string> { Roles.Worker }, null, Guid.NewGuid()), worker).ShouldBeFalse();
        AttemptAccess.IsOwner(Organizer("maanshan"), worker).ShouldBeFalse();
    }
}
